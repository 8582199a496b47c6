package dev.radar.model;

import java.util.List;
import java.util.Objects;

/**
 * One declared or locked dependency, at the file and line that declares it.
 *
 * @param declaredVersion the version text as written ({@code ${spring.version}}, {@code ^1.2}), empty when none is written
 * @param version         the resolved version when it can be determined inside the repository, else empty
 * @param direct          false for transitive dependencies from lockfiles and SBOMs; {@code via} is then their path
 * @param key             ecosystem and normalised coordinate: the indexed join key with radar matchers
 */
public record Dependency(
        String repo,
        Ecosystem ecosystem,
        String group,
        String name,
        String declaredVersion,
        String version,
        String scope,
        boolean direct,
        String file,
        int line,
        List<String> via,
        String key) {

    public Dependency {
        Objects.requireNonNull(ecosystem, "ecosystem");
        group = group == null ? "" : group;
        name = Objects.requireNonNull(name, "name");
        declaredVersion = declaredVersion == null ? "" : declaredVersion;
        version = version == null ? "" : version;
        scope = scope == null ? "" : scope;
        via = via == null ? List.of() : List.copyOf(via);
        key = ecosystem.key(ecosystem.coordinate(group, name));
    }

    /** A dependency whose key is derived from its ecosystem and coordinates. */
    public Dependency(String repo, Ecosystem ecosystem, String group, String name, String declaredVersion,
            String version, String scope, boolean direct, String file, int line, List<String> via) {
        this(repo, ecosystem, group, name, declaredVersion, version, scope, direct, file, line, via, "");
    }

    /** The normalised coordinate, e.g. {@code org.mongodb:mongodb-driver-sync} or {@code @types/node}. */
    public String coordinate() {
        return ecosystem.coordinate(group, name);
    }

    /**
     * The key's text before the coordinate's first {@code :} ({@code maven|org.mongodb} for a Maven dependency), or
     * empty when the coordinate has none: the join key with patterns whose group is literal ({@link Matcher#groupKey}).
     */
    public String groupKey() {
        return Ecosystem.groupKey(key);
    }

    /** The coordinate as a person writes it, with the best known version. */
    public String display() {
        String v = !version.isEmpty() ? version : declaredVersion;
        String c = switch (ecosystem) {
            case MAVEN, GRADLE_PLUGIN -> group.isEmpty() ? name : group + ":" + name;
            case DOCKER -> group.isEmpty() ? name : group + "/" + name;
            default -> coordinate();
        };
        if (v.isEmpty()) {
            return c;
        }
        return c + (ecosystem == Ecosystem.DOCKER || ecosystem == Ecosystem.GITHUB_ACTION ? (v.startsWith("sha256:") ? "@" : ":") : " ")
                + v;
    }

    /** This dependency as found in another repository. */
    public Dependency inRepo(String otherRepo) {
        return new Dependency(otherRepo, ecosystem, group, name, declaredVersion, version, scope, direct, file, line, via);
    }

    /**
     * As the record's own, written out: the generated one is bootstrapped through method handles on first use, a
     * cost every short check paid while collecting (dependencies are deduplicated in hash sets).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Dependency d && direct == d.direct && line == d.line && ecosystem == d.ecosystem
                && Objects.equals(repo, d.repo) && group.equals(d.group) && name.equals(d.name)
                && declaredVersion.equals(d.declaredVersion) && version.equals(d.version) && scope.equals(d.scope)
                && Objects.equals(file, d.file) && via.equals(d.via) && key.equals(d.key);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(repo);
        h = 31 * h + ecosystem.hashCode();
        h = 31 * h + group.hashCode();
        h = 31 * h + name.hashCode();
        h = 31 * h + declaredVersion.hashCode();
        h = 31 * h + version.hashCode();
        h = 31 * h + scope.hashCode();
        h = 31 * h + Boolean.hashCode(direct);
        h = 31 * h + Objects.hashCode(file);
        h = 31 * h + line;
        h = 31 * h + via.hashCode();
        return 31 * h + key.hashCode();
    }
}
