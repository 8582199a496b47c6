package dev.radar.cli;

import dev.radar.scan.ScanOutcome;
import dev.radar.scan.ShardMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar merge DIR...}: joins the outputs of {@code radar scan --shard K/N} into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the output folders of a sharded scan (radar scan --shard K/N) into one.", "The result is the same summary.json, reports and dashboard a single run over the whole organisation writes.",
            "Shards must have run on the same date with the same radar, policies and exceptions; a missing or unfinished shard makes the result incomplete (exit 3)."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output folders of the shards.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The merged output folder (default: radar-out).")
    Path output = Path.of("radar-out");

    @Option(names = "--history-days", paramLabel = "DAYS", description = "Keep trend points for this many days (default: 90).")
    int historyDays = 90;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = FailOn.Names.class,
            description = "Exit 1 when some repository has a finding at or above: ${COMPLETION-CANDIDATES} (default: never).")
    FailOn failOn = FailOn.NEVER;

    @Override
    public Integer call() throws IOException {
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new UserError(ExitCode.CONFIG_ERROR, in + ": not a folder");
            }
        }
        if (historyDays < 1) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--history-days must be at least 1");
        }
        var err = spec.commandLine().getErr();
        long started = System.nanoTime();
        long cpu = Progress.cpuNanos();
        ScanOutcome outcome = ShardMerge.merge(inputs, output, historyDays);
        new Progress(err, Progress.Mode.LINES, "merge").done(outcome, output, System.nanoTime() - started,
                cpu < 0 ? -1 : Progress.cpuNanos() - cpu);
        return ScanVerdict.exitCode(outcome, failOn, err).code();
    }
}
