package dev.radar.model;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; ordered from most to least serious. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as serious as, or more serious than, the other. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> byId(String id) {
        String wanted = id == null ? "" : id.trim();
        for (Severity s : values()) { // a loop, not a stream: called for every rule while a check's rule base loads
            if (s.id().equalsIgnoreCase(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
