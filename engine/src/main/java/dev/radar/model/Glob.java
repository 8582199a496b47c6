package dev.radar.model;

/**
 * Wildcard patterns for coordinates: {@code *} matches any run of characters (including none),
 * {@code ?} exactly one. Matching is case-sensitive except where the ecosystem normalises case first.
 */
public final class Glob {
    private Glob() {}

    public static boolean hasWildcard(String pattern) {
        return pattern != null && (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0);
    }

    /** Iterative matching with single-star backtracking: linear in practice, never exponential. */
    public static boolean matches(String pattern, String text) {
        return matches(pattern, text, 0);
    }

    /** As {@link #matches(String, String)} for the text from {@code from} on. */
    public static boolean matches(String pattern, String text, int from) {
        int p = 0;
        int t = from;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
