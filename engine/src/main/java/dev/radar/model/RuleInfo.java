package dev.radar.model;


/**
 * A rule's metadata, read from its DRL annotations ({@code @id @severity @title @rationale @remediation @example}).
 *
 * @param concern the id prefix, e.g. {@code RAD} or {@code API}
 * @param file    the DRL file the rule is written in
 * @param example a passing example ({@code @example}): a snippet of a file that satisfies the rule; empty when none is given
 */
public record RuleInfo(String id, Severity severity, String title, String rationale, String remediation,
        String concern, String file, String ruleName, String example) {

    public RuleInfo {
        example = example == null ? "" : example;
    }

    /** Metadata without a passing example. */
    public RuleInfo(String id, Severity severity, String title, String rationale, String remediation,
            String concern, String file, String ruleName) {
        this(id, severity, title, rationale, remediation, concern, file, ruleName, "");
    }
}
