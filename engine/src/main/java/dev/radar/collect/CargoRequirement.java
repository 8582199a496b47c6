package dev.radar.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cargo version requirement ({@code 1.2}, {@code ^0.4}, {@code ~1.2.3}, {@code =1.0.0}, {@code >=1, <2},
 * {@code 1.*}): enough of Cargo's semver rules to pick the locked version a declaration resolved to.
 * Pre-release tags are compared only as "lower than the release". As in Cargo, a pre-release version matches only a
 * requirement with a pre-release comparator on the same major.minor.patch ({@code 1.2} or {@code >=1} never takes
 * {@code 2.0.0-rc.1}).
 */
final class CargoRequirement {
    private static final Pattern COMPARATOR = Pattern.compile(
            "\\s*(\\^|~|=|>=|<=|>|<)?\\s*v?(\\*|\\d+)(?:\\.(\\*|x|X|\\d+))?(?:\\.(\\*|x|X|\\d+))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?\\s*");

    /** Version bounds [low, high) as major/minor/patch triples plus the pre-release flag of the low bound. */
    private record Bound(long[] low, long[] high) {
        boolean contains(long[] v) {
            return (low == null || compare(v, low) >= 0) && (high == null || compare(v, high) < 0);
        }
    }

    private final List<Bound> bounds;
    /** The major/minor/patch of each comparator written with a pre-release tag. */
    private final List<long[]> preReleases;

    private CargoRequirement(List<Bound> bounds, List<long[]> preReleases) {
        this.bounds = bounds;
        this.preReleases = preReleases;
    }

    /** Parses a requirement; null when it is not one (empty text, a git reference, garbage). */
    static CargoRequirement parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Bound> bounds = new ArrayList<>();
        List<long[]> preReleases = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = COMPARATOR.matcher(part);
            if (!m.matches()) {
                return null;
            }
            String op = m.group(1) == null ? "^" : m.group(1);
            Long major = number(m.group(2));
            Long minor = number(m.group(3));
            Long patch = number(m.group(4));
            boolean pre = m.group(5) != null;
            bounds.add(bound(op, major, minor, patch, pre));
            if (pre && major != null) {
                preReleases.add(new long[] {major, minor == null ? 0 : minor, patch == null ? 0 : patch});
            }
        }
        return new CargoRequirement(bounds, preReleases);
    }

    private static Long number(String s) {
        if (s == null || s.equals("*") || s.equalsIgnoreCase("x")) {
            return null;
        }
        return Long.parseLong(s);
    }

    private static Bound bound(String op, Long major, Long minor, Long patch, boolean pre) {
        if (major == null) {
            return new Bound(null, null); // *
        }
        long mi = minor == null ? 0 : minor;
        long pa = patch == null ? 0 : patch;
        long[] exact = {major, mi, pa};
        // the lowest version of the partial one written, and the first version after it
        long[] next = minor == null ? new long[] {major + 1, 0, 0} : patch == null ? new long[] {major, mi + 1, 0} : new long[] {major, mi, pa + 1};
        long[] lowInclusive = pre ? new long[] {exact[0], exact[1], exact[2] - 1, 1} : exact;
        return switch (op) {
            case "=" -> new Bound(lowInclusive, next);
            case ">=" -> new Bound(lowInclusive, null);
            case ">" -> new Bound(next, null);
            case "<" -> new Bound(null, exact);
            case "<=" -> new Bound(null, next);
            case "~" -> new Bound(lowInclusive, minor == null ? new long[] {major + 1, 0, 0} : new long[] {major, mi + 1, 0});
            default -> { // caret
                long[] high;
                if (major > 0 || minor == null) {
                    high = new long[] {major + 1, 0, 0};
                } else if (mi > 0 || patch == null) {
                    high = new long[] {0, mi + 1, 0};
                } else {
                    high = new long[] {0, 0, pa + 1};
                }
                yield new Bound(lowInclusive, high);
            }
        };
    }

    /** Whether a concrete version (as Cargo.lock writes it) satisfies every comparator. */
    boolean matches(String version) {
        long[] v = triple(version);
        if (v == null) {
            return false;
        }
        if (v.length == 4 && preReleases.stream().noneMatch(p -> compare(p, new long[] {v[0], v[1], v[2] + 1}) == 0)) {
            return false; // a pre-release, which triple() puts just below its release
        }
        for (Bound b : bounds) {
            if (!b.contains(v)) {
                return false;
            }
        }
        return true;
    }

    /** Major, minor, patch of a concrete version; a pre-release sorts just below its release. */
    static long[] triple(String version) {
        Matcher m = COMPARATOR.matcher(version == null ? "" : version);
        if (!m.matches() || m.group(1) != null || number(m.group(2)) == null) {
            return null;
        }
        long major = number(m.group(2));
        Long minor = number(m.group(3));
        Long patch = number(m.group(4));
        long[] v = {major, minor == null ? 0 : minor, patch == null ? 0 : patch};
        if (m.group(5) != null) {
            return new long[] {v[0], v[1], v[2] - 1, 1};
        }
        return v;
    }

    /** Compares triples (an optional fourth element marks "just below" for pre-releases). */
    static int compare(long[] a, long[] b) {
        for (int i = 0; i < 4; i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
