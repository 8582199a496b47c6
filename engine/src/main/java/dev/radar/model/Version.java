package dev.radar.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A version number that compares the way package managers do, never as a string: {@code 1.10 > 1.9},
 * {@code 1.0-rc1 < 1.0 < 1.0-sp1 < 1.0.1}, a leading {@code v} and build metadata after {@code +} are ignored,
 * and missing trailing parts count as zero ({@code 2.0 == 2.0.0}).
 */
public final class Version implements Comparable<Version> {
    private final String text;
    private final List<Object> items;

    private Version(String text, List<Object> items) {
        this.text = text;
        this.items = items;
    }

    /** Parses a concrete version; empty when the text is blank or is not a version (a property, a range). */
    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return Optional.empty();
        }
        List<Object> items = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        Boolean digits = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-' || c == '_') {
                flush(items, token, digits);
                digits = null;
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                boolean d = Character.isDigit(c);
                if (digits != null && d != digits) {
                    flush(items, token, digits);
                }
                digits = d;
                token.append(c);
            } else {
                return Optional.empty();
            }
        }
        flush(items, token, digits);
        return Optional.of(new Version(text.trim(), List.copyOf(items)));
    }

    private static void flush(List<Object> items, StringBuilder token, Boolean digits) {
        if (token.length() == 0) {
            return;
        }
        items.add(Boolean.TRUE.equals(digits) ? (Object) new BigInteger(token.toString()) : token.toString().toLowerCase(Locale.ROOT));
        token.setLength(0);
    }

    private static int rank(String qualifier) {
        return switch (qualifier) {
            case "alpha", "a" -> 1;
            case "beta", "b" -> 2;
            case "milestone", "m" -> 3;
            case "rc", "cr", "preview", "pre" -> 4;
            case "snapshot", "dev" -> 5;
            case "", "ga", "final", "release" -> 6;
            case "sp" -> 7;
            default -> 8;
        };
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(items.size(), other.items.size());
        for (int i = 0; i < n; i++) {
            Object a = i < items.size() ? items.get(i) : null;
            Object b = i < other.items.size() ? other.items.get(i) : null;
            int c = compareItems(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareItems(Object a, Object b) {
        if (a == null) {
            a = b instanceof BigInteger ? BigInteger.ZERO : "";
        }
        if (b == null) {
            b = a instanceof BigInteger ? BigInteger.ZERO : "";
        }
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.compareTo(y);
        }
        if (a instanceof BigInteger) {
            return 1;
        }
        if (b instanceof BigInteger) {
            return -1;
        }
        String x = (String) a;
        String y = (String) b;
        int c = Integer.compare(rank(x), rank(y));
        return c != 0 || rank(x) != 8 ? c : x.compareTo(y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Object> trimmed = new ArrayList<>(items);
        while (!trimmed.isEmpty() && (BigInteger.ZERO.equals(trimmed.get(trimmed.size() - 1))
                || rank(String.valueOf(trimmed.get(trimmed.size() - 1))) == 6 && !(trimmed.get(trimmed.size() - 1) instanceof BigInteger))) {
            trimmed.remove(trimmed.size() - 1);
        }
        return trimmed.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
