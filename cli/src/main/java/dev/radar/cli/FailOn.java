package dev.radar.cli;

import dev.radar.model.Severity;
import java.util.Optional;

/** The lowest severity that fails the run, or never. */
public enum FailOn {
    ERROR, WARNING, INFO, NEVER;

    Optional<Severity> threshold() {
        return switch (this) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case INFO -> Optional.of(Severity.INFO);
            case NEVER -> Optional.empty();
        };
    }
}
