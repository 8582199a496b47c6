package dev.radar.model;

/**
 * What a rule session judges: one repository ({@code radar check}), or, with an empty {@code repo}, exceptions on
 * their own ({@code radar exceptions validate}). Exactly one is in every session; rules that need a repository,
 * such as the stale-exception rule, require a non-empty one.
 */
public record CheckScope(String repo) {

    public CheckScope {
        repo = repo == null ? "" : repo;
    }

    /** The scope of a review of exceptions without a repository. */
    public static CheckScope review() {
        return new CheckScope("");
    }
}
