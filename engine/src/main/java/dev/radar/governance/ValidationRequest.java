package dev.radar.governance;

import java.util.Optional;
import java.util.Set;

/**
 * What {@code radar validate} checks: a radar's text, and optionally the version it replaces, the exceptions
 * that refer to it, the rule ids of the rule base, and an org summary to find entries nobody uses.
 *
 * @param previous the radar before this change (from git or a file) to find ring moves without a new rationale
 * @param ruleIds  every rule id of the rule base, when known (exceptions and {@code standards} are checked against it)
 */
public record ValidationRequest(String file, String text, Optional<Previous> previous, Optional<ExceptionRefs> exceptions,
        Optional<Set<String>> ruleIds, Optional<OrgSummary> summary) {

    /** An earlier version of the radar and where it came from ("HEAD", "old-radar.yaml"). */
    public record Previous(String label, String text) {}
}
