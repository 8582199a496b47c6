package dev.radar.model;

/**
 * One way a radar entry recognises a dependency: an ecosystem, a coordinate pattern with {@code *}
 * and {@code ?} wildcards, and an optional version range.
 *
 * @param exact true when the pattern has no wildcard; exact matchers join dependencies on {@link #key}
 * @param key   the ecosystem and normalised pattern, equal to {@link Dependency#key()} of what it matches exactly
 */
public record Matcher(
        String entryId,
        Ecosystem ecosystem,
        String pattern,
        VersionRange versions,
        boolean exact,
        String key,
        String file,
        int line) {

    public Matcher(String entryId, Ecosystem ecosystem, String pattern, VersionRange versions, String file, int line) {
        this(entryId, ecosystem, ecosystem.normalise(pattern), versions,
                !Glob.hasWildcard(pattern), ecosystem.key(ecosystem.normalise(pattern)), file, line);
    }

    /** Whether this matcher recognises the dependency: same ecosystem, coordinate matches, version in range. */
    public boolean admits(Dependency d) {
        if (d.ecosystem() != ecosystem) {
            return false;
        }
        if (exact ? !key.equals(d.key()) : !Glob.matches(pattern, d.coordinate())) {
            return false;
        }
        return versions == null || versions.containsVersion(d.version().isEmpty() ? d.declaredVersion() : d.version());
    }
}
