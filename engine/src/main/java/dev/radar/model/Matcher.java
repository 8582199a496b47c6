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

    /**
     * The {@link Dependency#groupKey} of every dependency a wildcard pattern can recognise, when the pattern's text
     * before its first {@code :} has no wildcard ({@code maven|org.springframework.boot} for
     * {@code org.springframework.boot:*}); empty otherwise ({@code jakarta.*:*}, {@code @types/*}). Rules join
     * dependencies on it, hash-indexed, instead of trying every pattern of the ecosystem on every dependency: a
     * pattern whose literal text ends in {@code :} can only match a coordinate with that same text before its first
     * {@code :}.
     */
    public String groupKey() {
        String group = Ecosystem.groupKey(key); // ecosystem ids hold no wildcard
        return exact || Glob.hasWildcard(group) ? "" : group;
    }

    /** Whether the dependency is this matcher's package (same ecosystem and coordinate), whatever its version. */
    public boolean recognises(Dependency d) {
        // a dependency's key is its ecosystem's id, '|' and its coordinate (Ecosystem#key): the pattern is matched
        // against that part of it rather than a coordinate built per call, as the rules try every pattern of an
        // ecosystem on each of its dependencies
        return d.ecosystem() == ecosystem && (exact ? key.equals(d.key()) : Glob.matches(pattern, d.key(), ecosystem.id().length() + 1));
    }

    /**
     * Whether this matcher applies to the dependency: recognised, and its version in {@link #versions} when a
     * range is given. A dependency whose version is unknown is never in a range.
     */
    public boolean admits(Dependency d) {
        return recognises(d) && (versions == null || versions.containsVersion(d.version().isEmpty() ? d.declaredVersion() : d.version()));
    }
}
