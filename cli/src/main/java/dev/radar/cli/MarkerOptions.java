package dev.radar.cli;

import dev.radar.governance.Baseline;
import dev.radar.governance.RadarChangelog;
import dev.radar.governance.RadarDocument;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options that decide which entries are marked new or moved: a date or revision in git history, or an earlier file. */
final class MarkerOptions {

    @Option(names = "--since", paramLabel = "DATE|REV", description = "Mark entries new or moved compared with radar.yaml at this date "
            + "(YYYY-MM-DD) or git revision (default: 90 days before --today).")
    String since;

    @Option(names = "--previous", paramLabel = "FILE", description = "Mark entries new or moved compared with this earlier radar file instead of git history.")
    Path previous;

    @Option(names = "--today", paramLabel = "DATE", description = "The date the default --since counts back from, YYYY-MM-DD (default: today in UTC).")
    String today;

    Baseline baseline(Path radarFile, RadarDocument now, PrintWriter err) {
        if (previous != null) {
            if (!Files.isRegularFile(previous)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--previous " + previous + ": no such file");
            }
            return Baseline.of("changes since " + previous, RadarDocument.load(previous).radar(), now.radar());
        }
        String from = since != null ? since : today().minusDays(90).toString();
        if (RadarChangelog.isDate(from)) {
            try {
                LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--since '" + from + "' is not a date like 2026-12-31");
            }
        }
        Optional<Baseline> fromGit = Baseline.fromGit(radarFile, from, now.radar());
        if (fromGit.isEmpty()) {
            err.println("radar: " + radarFile + " has no git history: no new or moved markers (use --previous FILE)");
            return Baseline.none("");
        }
        return fromGit.get();
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
