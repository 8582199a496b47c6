package dev.radar.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions, written in Maven interval notation ({@code [2.0,2.17.1)}, {@code (,1.0],[1.2,)},
 * {@code [1.5]}), as comparators ({@code >=2.0 <3}), as a prefix ({@code 2.x}, {@code 2.*}) or as one
 * exact version ({@code 1.2.3}). A dependency whose version is unknown is never in a range.
 */
public final class VersionRange {
    private record Interval(Version low, boolean lowInclusive, Version high, boolean highInclusive) {
        boolean contains(Version v) {
            if (low != null) {
                int c = v.compareTo(low);
                if (c < 0 || c == 0 && !lowInclusive) {
                    return false;
                }
            }
            if (high != null) {
                int c = v.compareTo(high);
                return c < 0 || c == 0 && highInclusive;
            }
            return true;
        }
    }

    private final String text;
    private final List<Interval> intervals;

    private VersionRange(String text, List<Interval> intervals) {
        this.text = text;
        this.intervals = List.copyOf(intervals);
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException naming the 1-based character where the text stops making sense
     */
    public static VersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty version range");
        }
        String s = text.trim();
        char first = s.charAt(0);
        if (first == '[' || first == '(') {
            return new VersionRange(s, parseIntervals(s));
        }
        if (first == '>' || first == '<' || first == '=') {
            return new VersionRange(s, List.of(parseComparators(s)));
        }
        if (s.endsWith(".x") || s.endsWith(".*")) {
            String prefix = s.substring(0, s.length() - 2);
            Version low = version(prefix, 1);
            return new VersionRange(s, List.of(new Interval(low, true, nextPrefix(prefix), false)));
        }
        Version exact = version(s, 1);
        return new VersionRange(s, List.of(new Interval(exact, true, exact, true)));
    }

    private static List<Interval> parseIntervals(String s) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char open = s.charAt(i);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("expected '[' or '(' at character " + (i + 1) + " of \"" + s + "\"");
            }
            int close = indexOfAny(s, i + 1);
            if (close < 0) {
                throw new IllegalArgumentException("range opened at character " + (i + 1) + " is not closed with ']' or ')' in \"" + s + "\"");
            }
            String body = s.substring(i + 1, close);
            boolean highInclusive = s.charAt(close) == ']';
            int comma = body.indexOf(',');
            Interval interval;
            if (comma < 0) {
                if (open != '[' || !highInclusive) {
                    throw new IllegalArgumentException("a single version must be written [x] at character " + (i + 1) + " of \"" + s + "\"");
                }
                Version v = version(body.trim(), i + 2);
                interval = new Interval(v, true, v, true);
            } else {
                String lo = body.substring(0, comma).trim();
                String hi = body.substring(comma + 1).trim();
                Version low = lo.isEmpty() ? null : version(lo, i + 2);
                Version high = hi.isEmpty() ? null : version(hi, i + comma + 3);
                if (low != null && high != null && low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("lower bound " + lo + " is above upper bound " + hi + " in \"" + s + "\"");
                }
                interval = new Interval(low, open == '[', high, highInclusive);
            }
            out.add(interval);
            i = close + 1;
            while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) {
                i++;
            }
        }
        return out;
    }

    private static Interval parseComparators(String s) {
        Version low = null;
        Version high = null;
        boolean lowInc = true;
        boolean highInc = true;
        int pos = 0;
        for (String part : s.split("[ ,]+")) {
            int at = s.indexOf(part, pos) + 1;
            pos = at;
            String op = part.replaceAll("^([<>=]=?).*", "$1");
            String rest = part.substring(op.length()).trim();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("comparator without a version at character " + at + " of \"" + s + "\"");
            }
            Version v = version(rest, at + op.length());
            switch (op) {
                case ">=" -> { low = v; lowInc = true; }
                case ">" -> { low = v; lowInc = false; }
                case "<=" -> { high = v; highInc = true; }
                case "<" -> { high = v; highInc = false; }
                case "=", "==" -> { low = v; high = v; }
                default -> throw new IllegalArgumentException("unknown comparator '" + op + "' at character " + at + " of \"" + s + "\"");
            }
        }
        return new Interval(low, lowInc, high, highInc);
    }

    private static int indexOfAny(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ']' || s.charAt(i) == ')') {
                return i;
            }
        }
        return -1;
    }

    private static Version version(String text, int at) {
        return Version.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' at character " + at + " is not a version"));
    }

    private static Version nextPrefix(String prefix) {
        String[] parts = prefix.split("\\.");
        try {
            parts[parts.length - 1] = String.valueOf(Long.parseLong(parts[parts.length - 1]) + 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + prefix + ".x' needs a number before .x");
        }
        return Version.parse(String.join(".", parts)).orElseThrow();
    }

    /** Whether a version text is in this range; false for blank or unparseable text such as {@code ${prop}}. */
    public boolean containsVersion(String versionText) {
        return Version.parse(versionText).map(this::contains).orElse(false);
    }

    /**
     * Whether some version lies in both ranges, e.g. {@code [2.0,3.0)} and {@code >=2.5} overlap,
     * {@code [2.0,2.17.1)} and {@code [2.17.1,)} do not.
     */
    public boolean overlaps(VersionRange other) {
        for (Interval a : intervals) {
            for (Interval b : other.intervals) {
                if (intersect(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean intersect(Interval a, Interval b) {
        // The larger lower bound must not lie above the smaller upper bound.
        Version low;
        boolean lowInclusive;
        if (a.low == null || b.low != null && b.low.compareTo(a.low) > 0) {
            low = b.low;
            lowInclusive = b.lowInclusive;
        } else if (b.low == null || a.low.compareTo(b.low) > 0) {
            low = a.low;
            lowInclusive = a.lowInclusive;
        } else {
            low = a.low;
            lowInclusive = a.lowInclusive && b.lowInclusive;
        }
        Version high;
        boolean highInclusive;
        if (a.high == null || b.high != null && b.high.compareTo(a.high) < 0) {
            high = b.high;
            highInclusive = b.highInclusive;
        } else if (b.high == null || a.high.compareTo(b.high) < 0) {
            high = a.high;
            highInclusive = a.highInclusive;
        } else {
            high = a.high;
            highInclusive = a.highInclusive && b.highInclusive;
        }
        if (low == null || high == null) {
            return true;
        }
        int c = low.compareTo(high);
        return c < 0 || c == 0 && lowInclusive && highInclusive;
    }

    public boolean contains(Version v) {
        for (Interval interval : intervals) {
            if (interval.contains(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && r.text.equals(text);
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
