package dev.radar.model;

/** Derived by the rule base: the dependency is recognised by the radar entry. */
public record Usage(String entryId, Dependency dependency) {}
