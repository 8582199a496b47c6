package dev.radar.cli;

import dev.radar.model.Severity;
import java.util.Optional;

/** The lowest severity that fails the run, or never. */
public enum FailOn {
    ERROR, WARNING, INFO, NEVER;

    /** Lower-case names for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).iterator();
        }
    }

    Optional<Severity> threshold() {
        return switch (this) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case INFO -> Optional.of(Severity.INFO);
            case NEVER -> Optional.empty();
        };
    }
}
