package dev.radar.model;

/** Derived by the rule base: an exception breaks the exception policy (rule {@code ruleId}) and covers nothing. */
public record InvalidGrant(ExceptionGrant grant, String ruleId) {}
