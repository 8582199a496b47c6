package dev.radar.model;

/**
 * A file that is present in the repository, for presence checks (README, CODEOWNERS, CI workflows).
 *
 * @param kind what the file is for, e.g. {@code readme}, {@code codeowners}, {@code ci-workflow}, {@code build}
 */
public record RepoFile(String repo, String path, String kind) {}
