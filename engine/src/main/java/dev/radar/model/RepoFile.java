package dev.radar.model;

/**
 * A file that is present in the repository, for presence checks (README, CODEOWNERS, CI workflows).
 *
 * @param kind what the file is for, e.g. {@code readme}, {@code codeowners}, {@code ci-workflow}, {@code dockerfile},
 *             or {@code category:tool} such as {@code build:maven}, {@code tests:npm}, {@code coverage:jacoco}
 */
public record RepoFile(String repo, String path, String kind) {

    /** The part of the kind before {@code :} ({@code build} of {@code build:maven}), or the whole kind. */
    public String category() {
        int colon = kind.indexOf(':');
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    /** The part of the kind after {@code :} ({@code maven} of {@code build:maven}), or empty. */
    public String tool() {
        int colon = kind.indexOf(':');
        return colon < 0 ? "" : kind.substring(colon + 1);
    }
}
