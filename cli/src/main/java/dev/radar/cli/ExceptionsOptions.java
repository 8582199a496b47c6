package dev.radar.cli;

import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.ExceptionGrant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --exceptions FILE}: the organisation's central exceptions file. */
final class ExceptionsOptions {

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "The organisation's central exceptions file (docs/exceptions.md). A repository's own "
                    + ".radar/exceptions.yaml is read as well; it counts only as the radar's policy.exceptions allows.")
    Path exceptions;

    /** The central exceptions, none without {@code --exceptions}. */
    List<ExceptionGrant> central() {
        if (exceptions == null) {
            return List.of();
        }
        if (!Files.isRegularFile(exceptions)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--exceptions " + exceptions + ": no such file");
        }
        return ExceptionLoader.load(exceptions);
    }
}
