package dev.radar.model;

/** Derived by the rule base: a valid exception's rule or entry, repositories, paths and versions take in a finding. */
public record Coverage(ExceptionGrant grant, Finding finding) {}
