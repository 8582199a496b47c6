package dev.radar.model;

/** The repository being checked, one per rule session: the anchor for rules about what a repository lacks. */
public record Repository(String repo) {}
