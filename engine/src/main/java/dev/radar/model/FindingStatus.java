package dev.radar.model;

import java.util.Locale;

/** Whether a finding counts: open, covered by a valid exception, or re-opened by an expired one. */
public enum FindingStatus {
    OPEN, EXCEPTED, EXCEPTION_EXPIRED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
