package dev.radar.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether exceptions written in a repository's own {@code .radar/exceptions.yaml} count: only when every
 * approver is trusted (the default, so a repository cannot approve its own exceptions), always, or never.
 */
public enum RepoLocalTrust {
    TRUSTED, ALWAYS, NEVER;

    /** The value written in radar.yaml. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RepoLocalTrust> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(RepoLocalTrust::id).collect(Collectors.joining(", "));
    }
}
