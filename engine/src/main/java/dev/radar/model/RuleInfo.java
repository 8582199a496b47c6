package dev.radar.model;


/**
 * A rule's metadata, read from its DRL annotations ({@code @id @severity @title @rationale @remediation}).
 *
 * @param concern the id prefix, e.g. {@code RAD} or {@code API}
 * @param file    the DRL file the rule is written in
 */
public record RuleInfo(String id, Severity severity, String title, String rationale, String remediation,
        String concern, String file, String ruleName) {}
