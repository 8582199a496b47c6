package dev.radar.cli;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.report.Report;
import dev.radar.report.ReportFormats;
import dev.radar.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar check [DIR]}: judge one repository and fail on findings at or above {@code --fail-on}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check one repository against the radar and policies.",
            "Findings name file, line and what to use instead; the exit code says whether the check passed."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The repository folder (default: the current folder).")
    Path dir = Path.of(".");

    @Mixin
    EngineOptions engine;

    @Mixin
    ExceptionsOptions exceptions;

    @Mixin
    OutputOptions output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
    String format = "text";

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = FailOn.Names.class,
            description = "Lowest severity that fails the check: ${COMPLETION-CANDIDATES} (default: error).")
    FailOn failOn = FailOn.ERROR;

    @Option(names = "--repo-name", paramLabel = "NAME", description = "The repository's name in reports (default: the folder name).")
    String repoName;

    @Override
    public Integer call() throws IOException {
        ReportWriter writer = ReportFormats.byName(format).orElseThrow(() -> new UserError(ExitCode.CONFIG_ERROR,
                "--format " + format + ": unknown format; use one of " + ReportFormats.names()));
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCode.CONFIG_ERROR, dir + ": not a folder");
        }
        var err = spec.commandLine().getErr();
        var radar = engine.radar(err);
        var policy = engine.engine();
        var request = new CheckRequest(dir, repoName != null ? repoName : CheckRequest.nameOf(dir), radar, engine.today(),
                exceptions.central());
        Report report = new Checker(policy).check(request);
        output.write(spec.commandLine().getOut(), w -> writer.write(report, w));
        return exitCode(report).code();
    }

    private ExitCode exitCode(Report report) {
        boolean failing = failOn.threshold().map(t -> !report.failing(t).isEmpty()).orElse(false);
        if (failing) {
            return ExitCode.FINDINGS;
        }
        return report.incomplete() ? ExitCode.INCOMPLETE : ExitCode.COMPLIANT;
    }

    /** Completion candidates and help text from the writer registry. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ReportFormats.all().stream().map(ReportWriter::name).iterator();
        }
    }
}
