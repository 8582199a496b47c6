package dev.radar.model;

import java.util.Arrays;
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
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
