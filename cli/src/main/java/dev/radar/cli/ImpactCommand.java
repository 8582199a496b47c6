package dev.radar.cli;

import dev.radar.check.CheckRequest;
import dev.radar.governance.ImpactAnalyzer;
import dev.radar.governance.ImpactReport;
import dev.radar.governance.ImpactTarget;
import dev.radar.governance.ImpactWriter;
import dev.radar.governance.OrgSummary;
import dev.radar.governance.RepoList;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar impact --proposed NEW.yaml}: which findings a radar change would add, remove or re-grade, per repository and team. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Show what a proposed radar would change before it is merged.", "Per repository and team, the findings that would appear, disappear or change severity.",
            "Repository folders (DIR...) are checked under both radars with the real rule base; --against judges the dependencies an org scan recorded; --repos reads local clones listed in a repos.yaml. Exit 1 when new errors would appear."})
final class ImpactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--proposed", required = true, paramLabel = "FILE", description = "The radar under review.")
    Path proposed;

    @Mixin
    EngineOptions engine;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    /** Where the repositories come from. */
    static final class Source {
        @Option(names = "--against", paramLabel = "SUMMARY", description = "An org scan's summary.json with each repository's dependencies.")
        Path summary;

        @Option(names = "--repos", paramLabel = "FILE", description = "A repos.yaml; repositories with a local 'path' are checked.")
        Path repos;
    }

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Repository folders to check under both radars.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text, markdown (a pull-request comment) or json (default: text).")
    String format = "text";

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        if (!ImpactWriter.FORMATS.contains(format)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--format " + format + ": use one of " + String.join(", ", ImpactWriter.FORMATS));
        }
        if (!Files.isRegularFile(proposed)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--proposed " + proposed + ": no such file");
        }
        int sources = (source.summary != null ? 1 : 0) + (source.repos != null ? 1 : 0) + (dirs.isEmpty() ? 0 : 1);
        if (sources != 1) {
            throw new UserError(ExitCode.CONFIG_ERROR, "give the repositories one way: --against SUMMARY, --repos FILE or DIR...");
        }
        Radar current = engine.radar(spec.commandLine().getErr());
        Radar next = RadarLoader.load(proposed);
        List<ImpactTarget> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (source.summary != null) {
            if (!Files.isRegularFile(source.summary)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--against " + source.summary + ": no such file");
            }
            OrgSummary.read(source.summary).repos().forEach(r -> targets.add(ImpactTarget.recorded(r)));
        } else if (source.repos != null) {
            if (!Files.isRegularFile(source.repos)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--repos " + source.repos + ": no such file");
            }
            RepoList list = RepoList.read(source.repos);
            targets.addAll(list.targets());
            skipped.addAll(list.skipped());
        } else {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    throw new UserError(ExitCode.CONFIG_ERROR, dir + ": not a folder");
                }
                targets.add(ImpactTarget.folder(CheckRequest.nameOf(dir), "", dir));
            }
        }
        ImpactReport report = new ImpactAnalyzer(engine.engine()).analyze(current, next, targets, engine.today(), skipped);
        output.write(spec.commandLine().getOut(), w -> ImpactWriter.write(report, format, w));
        if (report.newErrors() > 0) {
            return ExitCode.FINDINGS.code();
        }
        return report.skipped().isEmpty() ? ExitCode.COMPLIANT.code() : ExitCode.INCOMPLETE.code();
    }
}
