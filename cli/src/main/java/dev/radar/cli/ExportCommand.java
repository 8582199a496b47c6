package dev.radar.cli;

import dev.radar.governance.Baseline;
import dev.radar.governance.RadarDocument;
import dev.radar.governance.RadarExchange;
import dev.radar.governance.RadarFormat;
import dev.radar.governance.RadarFormats;
import java.io.PrintWriter;
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

/** {@code radar export --format FORMAT}: the radar in another tech-radar tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the radar in another tech-radar tool's format.",
            "New and moved markers come from git history (--since) or an earlier file (--previous). What the format cannot hold (matchers, replacements, ...) is listed on standard error."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RADAR", description = "The radar file (default: ./radar.yaml).")
    Path radar;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", completionCandidates = Names.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String format;

    @Mixin
    MarkerOptions markers;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RadarFormat f = RadarFormats.byName(format).orElseThrow(() -> new UserError(ExitCode.CONFIG_ERROR,
                "--format " + format + ": unknown format; use one of " + RadarFormats.names()));
        Path file = radar != null ? radar : Path.of("radar.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": no such radar file");
        }
        PrintWriter err = spec.commandLine().getErr();
        RadarDocument doc = RadarDocument.load(file);
        Baseline baseline = markers.baseline(file, doc, err);
        RadarExchange.Result result = RadarExchange.export(doc, baseline, f, markers.today());
        output.write(spec.commandLine().getOut(), w -> w.write(result.text()));
        for (String l : result.lost()) {
            err.println("radar: not in " + f.name() + ": " + l);
        }
        err.flush();
        return ExitCode.COMPLIANT.code();
    }

    /** Completion candidates and help text from the format registry. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RadarFormats.all().stream().map(RadarFormat::name).iterator();
        }
    }
}
