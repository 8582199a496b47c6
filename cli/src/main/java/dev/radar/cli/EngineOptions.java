package dev.radar.cli;

import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by commands that judge repositories: radar, policies and the clock. */
final class EngineOptions {

    @Option(names = "--radar", paramLabel = "FILE",
            description = "The radar (default: ./radar.yaml if present, else the built-in example radar).")
    Path radar;

    @Option(names = "--policies", paramLabel = "DIR",
            description = "A folder of .drl files added to the built-in policies; a file with the same relative path "
                    + "as a built-in one (e.g. radar/rings.drl) replaces it. Compiled by the first run that sees them, then "
                    + "cached in $RADAR_CACHE_DIR (default ~/.cache/radar).")
    Path policies;

    @Option(names = "--today", paramLabel = "DATE",
            description = "The date to judge on, YYYY-MM-DD (default: today in UTC). Makes date rules reproducible.")
    String today;

    /** Which radar file applies, and whether the built-in one is used. */
    Radar radar(PrintWriter err) {
        if (radar != null) {
            if (!Files.isRegularFile(radar)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--radar " + radar + ": no such file");
            }
            return RadarLoader.load(radar);
        }
        Path local = Path.of("radar.yaml");
        if (Files.isRegularFile(local)) {
            return RadarLoader.load(local);
        }
        err.println("radar: no --radar and no ./radar.yaml: using the built-in example radar");
        return RadarLoader.builtIn();
    }

    /**
     * The rule base, loaded when first asked for; a {@code --policies} that is not a folder is refused now. A check
     * asks for it only after collecting the repository, so the built-in one has loaded on the preload thread meanwhile.
     */
    java.util.function.Supplier<PolicyEngine> engineLater() {
        if (policies != null && !Files.isDirectory(policies)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--policies " + policies + ": not a folder");
        }
        Path dir = policies;
        return () -> dir == null ? Preload.builtInPolicies() : PolicyEngine.load(Optional.of(dir));
    }

    /** The rule base, loaded now. */
    PolicyEngine engine() {
        return engineLater().get();
    }

    LocalDate today() {
        if (today == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--today '" + today + "' is not a date like 2026-12-31");
        }
    }
}
