package dev.radar.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads token lifetimes from configuration the way Spring Boot binds a {@code Duration}: {@code 15m},
 * {@code 900s}, ISO-8601 {@code PT15M}, and bare numbers in the unit the key names ({@code -seconds},
 * {@code InMinutes}) or else in milliseconds, Spring's default unit.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile(
            "(?i)([0-9]+)\\s*(ns|us|ms|millis|milliseconds|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)");
    private static final Pattern DASHES = Pattern.compile("[-_]");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern UNIT_WORDS = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[-_\\s]+");
    private static final Pattern LIFETIME = Pattern.compile("expir|ttl|lifetime|validity|timetolive|duration|maxage");

    private Durations() {}

    /**
     * Whether a key sets how long an access token (a JWT) lives: it mentions {@code jwt} or {@code token}, its last
     * part is a lifetime ({@code expiration}, {@code ttl}, {@code validity}, {@code time-to-live}, ...), and it is not
     * about refresh tokens or authorization codes, which live longer by design.
     */
    public static boolean isTokenLifetimeKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        String last = DASHES.matcher(k.substring(k.lastIndexOf('.') + 1)).replaceAll("");
        String all = SEPARATORS.matcher(k).replaceAll("");
        return (all.contains("jwt") || all.contains("token")) && !all.contains("refresh") && !last.contains("code")
                && LIFETIME.matcher(last).find();
    }

    /** The duration in whole seconds, or -1 when the value is not a duration (a placeholder, text). */
    public static long seconds(String key, String value) {
        Duration d = parse(key, value);
        return d == null ? -1 : d.toSeconds();
    }

    /** {@code 1h (3600000 read as milliseconds)}: the value as understood, for messages. */
    public static String describe(String key, String value) {
        Duration d = parse(key, value);
        if (d == null) {
            return value;
        }
        String v = value.trim();
        String human = human(d);
        if (DIGITS.matcher(v).matches()) {
            return v + " (read as " + unitOf(key) + ": " + human + ")";
        }
        return v.equalsIgnoreCase(human) ? v : v + " (" + human + ")";
    }

    /** The duration a value sets; null when it is not one or is too long for {@link Duration} (999999999999999d). */
    static Duration parse(String key, String value) {
        try {
            return read(key, value);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Duration read(String key, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || v.contains("${")) {
            return null;
        }
        if (v.length() <= 15 && DIGITS.matcher(v).matches()) {
            long n = Long.parseLong(v);
            return switch (unitOf(key)) {
                case "seconds" -> Duration.ofSeconds(n);
                case "minutes" -> Duration.ofMinutes(n);
                case "hours" -> Duration.ofHours(n);
                case "days" -> Duration.ofDays(n);
                default -> Duration.ofMillis(n);
            };
        }
        if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = SIMPLE.matcher(v);
        if (!m.matches() || m.group(1).length() > 15) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2).toLowerCase(Locale.ROOT);
        if (u.equals("ns")) {
            return Duration.ofNanos(n);
        } else if (u.equals("us")) {
            return Duration.ofNanos(n * 1000);
        } else if (u.startsWith("ms") || u.startsWith("milli")) {
            return Duration.ofMillis(n);
        } else if (u.startsWith("s")) {
            return Duration.ofSeconds(n);
        } else if (u.startsWith("m")) {
            return Duration.ofMinutes(n);
        } else if (u.startsWith("h")) {
            return Duration.ofHours(n);
        }
        return Duration.ofDays(n);
    }

    /**
     * The unit a key names for bare numbers, else milliseconds: the last unit word of its last part
     * ({@code token-validity-in-seconds}, {@code token-validity-in-seconds-for-remember-me}, {@code ttlInMinutes}),
     * or a unit the key ends with ({@code validityseconds}).
     */
    static String unitOf(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        String unit = "";
        for (String word : UNIT_WORDS.split(last)) {
            String w = word.toLowerCase(Locale.ROOT);
            String u = w.equals("seconds") || w.equals("secs") || w.equals("sec") ? "seconds"
                    : w.equals("minutes") || w.equals("mins") || w.equals("min") ? "minutes"
                    : w.equals("hours") ? "hours"
                    : w.equals("days") ? "days"
                    : w.equals("ms") || w.equals("millis") || w.equals("milliseconds") ? "milliseconds" : "";
            unit = u.isEmpty() ? unit : u;
        }
        if (!unit.isEmpty()) {
            return unit;
        }
        String k = SEPARATORS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("");
        if (k.endsWith("seconds") || k.endsWith("secs") || k.endsWith("sec")) {
            return "seconds";
        } else if (k.endsWith("minutes") || k.endsWith("mins") || k.endsWith("min")) {
            return "minutes";
        } else if (k.endsWith("hours")) {
            return "hours";
        } else if (k.endsWith("days")) {
            return "days";
        }
        return "milliseconds";
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        if (s != 0 && s % 86400 == 0) {
            return s / 86400 + "d";
        } else if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        } else if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
}
