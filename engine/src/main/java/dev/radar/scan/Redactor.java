package dev.radar.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from anything that could be printed or stored: the user-info part of URLs
 * ({@code https://user:token@host} becomes {@code https://***@host}) and every known secret value.
 */
public final class Redactor {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s\"'<>]+@");

    private volatile List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = sorted(secrets);
    }

    private static List<String> sorted(Collection<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4 && !s.contains(secret)) {
                s.add(secret);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(s);
    }

    /**
     * Learns one more secret value (a password met in a URL's user info), so that it is masked wherever it shows up
     * later, not only where it is still part of a URL.
     */
    public synchronized void learn(String secret) {
        if (secret != null && secret.length() >= 4 && !secrets.contains(secret)) {
            List<String> more = new ArrayList<>(secrets);
            more.add(secret);
            secrets = sorted(more);
        }
    }

    /** A redactor that knows no secret values and only strips user info from URLs. */
    public static Redactor urlsOnly() {
        return new Redactor(List.of());
    }

    /** The text with URL user info and known secrets replaced by {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = USER_INFO.matcher(text).replaceAll("$1***@");
        for (String secret : secrets) { // read once: a concurrent learn() replaces the list, never changes it
            out = out.replace(secret, "***");
        }
        return out;
    }

    /** A URL without its user info. */
    public static String url(String url) {
        return url == null ? "" : USER_INFO.matcher(url).replaceAll("$1***@");
    }
}
