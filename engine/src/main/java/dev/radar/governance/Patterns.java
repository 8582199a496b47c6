package dev.radar.governance;

/**
 * Whether two coordinate patterns ({@code *} any run, {@code ?} one character) can match the same
 * coordinate. Exact: it explores the product of the two patterns, so {@code com.*:core} and
 * {@code com.acme:*} intersect although neither contains the other.
 */
public final class Patterns {
    private Patterns() {}

    /** True when some text is matched by both patterns. O(length a × length b), no backtracking blow-up. */
    public static boolean intersect(String a, String b) {
        int n = a.length();
        int m = b.length();
        boolean[][] reached = new boolean[n + 1][m + 1];
        reached[0][0] = true;
        // States are visited in increasing i+j except star-empty moves, which only increase i or j: one sweep in
        // row-major order reaches a fixed point because every move goes to (i, j) with larger or equal indices.
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (!reached[i][j]) {
                    continue;
                }
                boolean starA = i < n && a.charAt(i) == '*';
                boolean starB = j < m && b.charAt(j) == '*';
                if (starA) {
                    reached[i + 1][j] = true; // a's star matches nothing more
                }
                if (starB) {
                    reached[i][j + 1] = true;
                }
                if (starA && j < m && !starB) {
                    reached[i][j + 1] = true; // a's star swallows b's character
                }
                if (starB && i < n && !starA) {
                    reached[i + 1][j] = true;
                }
                if (i < n && j < m && !starA && !starB && compatible(a.charAt(i), b.charAt(j))) {
                    reached[i + 1][j + 1] = true;
                }
            }
        }
        return reached[n][m];
    }

    private static boolean compatible(char x, char y) {
        return x == '?' || y == '?' || x == y;
    }
}
