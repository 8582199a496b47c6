package dev.radar.model;

import java.util.Locale;

/** Where an exception is written: the organisation's central file, or a repository's own {@code .radar/exceptions.yaml}. */
public enum ExceptionOrigin {
    CENTRAL, REPO_LOCAL;

    /** The name used in reports: {@code central} or {@code repo-local}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
