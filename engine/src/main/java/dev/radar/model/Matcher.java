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

    /** Whether the dependency is this matcher's package (same ecosystem and coordinate), whatever its version. */
    public boolean recognises(Dependency d) {
        return d.ecosystem() == ecosystem && (exact ? key.equals(d.key()) : Glob.matches(pattern, d.coordinate()));
    }

    /**
     * Whether this matcher applies to the dependency: recognised, and its version in {@link #versions} when a
     * range is given. A dependency whose version is unknown is never in a range.
     */
    public boolean admits(Dependency d) {
        return recognises(d) && (versions == null || versions.containsVersion(d.version().isEmpty() ? d.declaredVersion() : d.version()));
    }
}
