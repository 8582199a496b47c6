package dev.radar.governance;

import dev.radar.model.Finding;
import java.util.Locale;

/**
 * How one finding differs between the current and the proposed radar.
 *
 * @param before the finding under the current radar, or null when it appears
 * @param after  the finding under the proposed radar, or null when it disappears
 */
public record FindingChange(Kind kind, Finding before, Finding after) {

    /** Appears, disappears, or stays with another severity (or another rule of the same subject, e.g. RAD-002 to RAD-001). */
    public enum Kind {
        APPEARS, DISAPPEARS, CHANGES_SEVERITY;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The finding as it will be after the change (the current one for findings that disappear). */
    public Finding finding() {
        return after != null ? after : before;
    }

    /** True when the change adds an error that counts: a new error, or a finding that becomes an error. */
    public boolean newError() {
        return after != null && after.counts() && after.severity() == dev.radar.model.Severity.ERROR
                && (before == null || before.severity() != dev.radar.model.Severity.ERROR || !before.counts());
    }
}
