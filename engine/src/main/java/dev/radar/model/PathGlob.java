package dev.radar.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A glob on repository-relative file paths with {@code /} separators: {@code **} as a whole segment matches
 * any number of folders (including none), {@code *} any run of characters inside one segment, {@code ?} one
 * character other than {@code /}. {@code legacy/**} matches every file below {@code legacy/};
 * {@code **}{@code /pom.xml} matches every pom.xml. Matching is linear in pattern times path segments.
 */
public final class PathGlob {
    private static final String ANY_DEPTH = "**";

    private final String text;
    private final List<String> segments;

    private PathGlob(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses a path glob.
     *
     * @throws IllegalArgumentException for an empty or absolute pattern, or {@code **} inside a segment
     */
    public static PathGlob parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty path pattern");
        }
        String t = text.trim();
        if (t.startsWith("/")) {
            throw new IllegalArgumentException("'" + t + "' must be relative to the repository root (no leading '/')");
        }
        if (t.contains("\\")) {
            throw new IllegalArgumentException("'" + t + "' must use '/' between folders");
        }
        List<String> segments = new ArrayList<>();
        for (String s : t.split("/", -1)) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("'" + t + "' has an empty, '.' or '..' segment");
            }
            if (s.contains(ANY_DEPTH) && !s.equals(ANY_DEPTH)) {
                throw new IllegalArgumentException("'" + t + "': '**' must be a whole segment, as in 'legacy/**' or '**/pom.xml'");
            }
            if (!s.equals(ANY_DEPTH) || segments.isEmpty() || !segments.get(segments.size() - 1).equals(ANY_DEPTH)) {
                segments.add(s);
            }
        }
        return new PathGlob(t, segments);
    }

    /** Whether a repository-relative path (with {@code /} separators) matches. */
    public boolean matches(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String[] parts = path.split("/");
        int n = segments.size();
        int m = parts.length;
        // can[i][j]: pattern segments from i on match path parts from j on
        boolean[][] can = new boolean[n + 1][m + 1];
        can[n][m] = true;
        for (int i = n - 1; i >= 0; i--) {
            String s = segments.get(i);
            for (int j = m; j >= 0; j--) {
                if (s.equals(ANY_DEPTH) && i == n - 1 && n > 1) {
                    can[i][j] = j < m; // a trailing "/**" names a folder's contents: at least one more segment
                } else if (s.equals(ANY_DEPTH)) {
                    can[i][j] = can[i + 1][j] || j < m && can[i][j + 1];
                } else {
                    can[i][j] = j < m && Glob.matches(s, parts[j]) && can[i + 1][j + 1];
                }
            }
        }
        return can[0][0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathGlob g && g.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
