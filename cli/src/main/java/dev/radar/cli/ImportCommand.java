package dev.radar.cli;

import dev.radar.governance.RadarExchange;
import dev.radar.governance.RadarFormat;
import dev.radar.governance.RadarFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar import --format FORMAT FILE}: a radar.yaml from another tech-radar tool's file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn another tech-radar tool's file into a radar.yaml that radar check accepts.",
            "Ids are made from names; what radar.yaml cannot hold (moved flags, older timeline items, ...) or had to be made up (a missing rationale) is listed on standard error. Add 'match' lists afterwards so that checks recognise the entries."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", completionCandidates = ExportCommand.Names.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String format;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        RadarFormat f = RadarFormats.byName(format).orElseThrow(() -> new UserError(ExitCode.CONFIG_ERROR,
                "--format " + format + ": unknown format; use one of " + RadarFormats.names()));
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": no such file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        RadarExchange.Result result = RadarExchange.importFile(file.toString().replace('\\', '/'), text, f);
        output.write(spec.commandLine().getOut(), w -> w.write(result.text()));
        PrintWriter err = spec.commandLine().getErr();
        for (String l : result.lost()) {
            err.println("radar: not in radar.yaml: " + l);
        }
        err.flush();
        return ExitCode.COMPLIANT.code();
    }
}
