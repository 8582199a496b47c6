package dev.radar.model;

/**
 * Derived by the rule base: whether a repository is a deployable service or a library, and why. Standards
 * that only make sense for something that runs (health endpoints, ADRs, coverage) apply to services only.
 *
 * @param kind   {@link #SERVICE} or {@link #LIBRARY}
 * @param reason why, for messages: {@code its API spec is api/openapi.yaml}, {@code set in radar.yaml}
 * @param file   the file that decided it (the spec, the Dockerfile, the build file), or empty
 */
public record RepoKind(String repo, String kind, String reason, String file) {
    public static final String SERVICE = "service";
    public static final String LIBRARY = "library";
}
