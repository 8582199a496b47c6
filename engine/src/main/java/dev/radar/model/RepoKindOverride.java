package dev.radar.model;

/** A repository's kind as set in radar.yaml ({@code repos: {legacy-lib: {kind: library}}}), overriding what is inferred. */
public record RepoKindOverride(String repo, String kind, String file, int line) {}
