package dev.radar.cli;

import dev.radar.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output FILE}: where a report goes (written atomically), standard output by default. */
final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    void write(PrintWriter stdout, AtomicFiles.Content content) {
        try {
            if (output == null) {
                content.writeTo(stdout);
                stdout.flush();
            } else {
                AtomicFiles.write(output, content);
            }
        } catch (IOException e) {
            throw new UserError(ExitCode.CONFIG_ERROR, "cannot write " + (output == null ? "standard output" : output) + ": "
                    + IoReason.of(e) + (output == null ? "" : " (any earlier file there is left as it was)"));
        }
    }
}
