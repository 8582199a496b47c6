package dev.radar.cli;

import dev.radar.governance.ChangelogWriter;
import dev.radar.governance.RadarChangelog;
import dev.radar.governance.RadarHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar changelog}: ring moves, new and removed entries, commit by commit, from the git history of radar.yaml. */
@Command(name = "changelog", mixinStandardHelpOptions = true,
        description = {"List ring moves, new and removed entries of radar.yaml, commit by commit.", "Read from git history (JGit; no git binary needed).",
            "Uncommitted edits are listed last. Versions that did not load are noted and skipped."})
final class ChangelogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RADAR", description = "The radar file inside a git work tree (default: ./radar.yaml).")
    Path radar;

    @Option(names = "--since", paramLabel = "DATE|REV", description = "Only changes committed on or after DATE (YYYY-MM-DD, UTC), or after the git revision REV.")
    String since;

    @Option(names = "--committed", description = "Leave out uncommitted edits of the file.")
    boolean committed;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text, markdown or json (default: text).")
    String format = "text";

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (!ChangelogWriter.FORMATS.contains(format)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--format " + format + ": use one of " + String.join(", ", ChangelogWriter.FORMATS));
        }
        Path file = radar != null ? radar : Path.of("radar.yaml");
        if (!Files.exists(file.toAbsolutePath().getParent())) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": no such folder");
        }
        if (since != null && RadarChangelog.isDate(since)) {
            try {
                LocalDate.parse(since);
            } catch (DateTimeParseException e) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--since '" + since + "' is not a date like 2026-12-31");
            }
        }
        Optional<RadarHistory> history = RadarHistory.open(file);
        if (history.isEmpty()) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + " is not inside a git work tree: there is no history to read");
        }
        try (RadarHistory h = history.get()) {
            RadarChangelog log = RadarChangelog.read(h, Optional.ofNullable(since), !committed);
            output.write(spec.commandLine().getOut(), w -> ChangelogWriter.write(log, format, w));
        }
        return ExitCode.COMPLIANT.code();
    }
}
