package dev.radar.cli;

import dev.radar.check.Baseline;
import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.check.Gate;
import dev.radar.check.Timings;
import dev.radar.policy.PolicyEngine;
import dev.radar.report.AtomicFiles;
import dev.radar.report.GithubWriter;
import dev.radar.report.MarkdownWriter;
import dev.radar.report.Report;
import dev.radar.report.ReportFormats;
import dev.radar.report.ReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = {"An earlier JSON report (--format json) of this repository: only findings that are new since then "
                    + "(matched by fingerprint) fail the check, so a legacy repository can adopt the gate before fixing everything.",
                "Reports still list every finding."})
    Path baseline;

    @Option(names = "--report", paramLabel = "FORMAT=FILE",
            description = {"Also write the report in FORMAT to FILE (atomically), from the same run; repeatable.",
                "Example: --format github --report sarif=radar.sarif --report json=radar.json"})
    List<String> reports = new ArrayList<>();

    @Option(names = "--step-summary", paramLabel = "FILE",
            description = {"Append the Markdown summary to FILE (default with --format github: $GITHUB_STEP_SUMMARY when set)."})
    Path stepSummary;

    @Override
    public Integer call() throws IOException {
        ReportWriter writer = writer(format, "--format " + format);
        Map<Path, ReportWriter> extra = new LinkedHashMap<>();
        for (String r : reports) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--report " + r + ": use FORMAT=FILE, e.g. sarif=radar.sarif");
            }
            extra.put(Path.of(r.substring(eq + 1)), writer(r.substring(0, eq), "--report " + r));
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCode.CONFIG_ERROR, dir + ": not a folder");
        }
        String nameProblem = repoName == null ? null : CheckRequest.nameProblem(repoName);
        if (nameProblem != null) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--repo-name: " + nameProblem);
        }
        var err = spec.commandLine().getErr();
        Gate gate = new Gate(failOn.threshold(), Optional.ofNullable(baseline).map(b -> {
            if (!Files.isRegularFile(b)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--baseline " + b + ": no such file");
            }
            return Baseline.read(b);
        }));
        var radar = Timings.time("radar", () -> engine.radar(err));
        Preload.radarLoaded(radar);
        Supplier<PolicyEngine> policy = engine.engineLater();
        var request = new CheckRequest(dir, repoName != null ? repoName : CheckRequest.nameOf(dir), radar, engine.today(),
                exceptions.central());
        // The repository is collected while the built-in rule base is still loading on the preload thread.
        Report report = new Checker(() -> {
            Preload.evaluating();
            return Timings.time("policies", policy::get);
        }).check(request);
        Timings.time("report", () -> {
            output.write(spec.commandLine().getOut(), w -> writer.write(report, w));
            for (var e : extra.entrySet()) {
                AtomicFiles.write(e.getKey(), w -> e.getValue().write(report, w));
            }
            Optional<Path> summary = summaryFile();
            if (summary.isPresent()) {
                appendSummary(summary.get(), report);
            }
            return null;
        });
        Gate.Verdict verdict = gate.decide(report);
        if (!verdict.baselined().isEmpty()) {
            err.println("radar: " + verdict.baselined().size() + " of " + (verdict.baselined().size() + verdict.failing().size())
                    + " findings at or above --fail-on are in the baseline " + baseline + " and do not fail the check");
        }
        Timings.print(err);
        err.flush();
        return switch (verdict.outcome()) {
            case FAIL -> ExitCode.FINDINGS.code();
            case INCOMPLETE -> ExitCode.INCOMPLETE.code();
            case PASS -> ExitCode.COMPLIANT.code();
        };
    }

    private static ReportWriter writer(String name, String option) {
        return ReportFormats.byName(name).orElseThrow(() -> new UserError(ExitCode.CONFIG_ERROR,
                option + ": unknown format; use one of " + ReportFormats.names()));
    }

    private Optional<Path> summaryFile() {
        if (stepSummary != null) {
            return Optional.of(stepSummary);
        }
        String env = System.getenv("GITHUB_STEP_SUMMARY");
        return GithubWriter.NAME.equals(format) && env != null && !env.isBlank() ? Optional.of(Path.of(env)) : Optional.empty();
    }

    /** Appends (the step summary file is shared by every step of a job), never replaces. */
    private static void appendSummary(Path file, Report report) throws IOException {
        StringWriter md = new StringWriter();
        new MarkdownWriter().write(report, md);
        Files.writeString(file, md.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Completion candidates and help text from the writer registry. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ReportFormats.all().stream().map(ReportWriter::name).iterator();
        }
    }
}
