package dev.radar.cli;

import dev.radar.check.CheckRequest;
import dev.radar.collect.Collectors;
import dev.radar.model.RepoFacts;
import dev.radar.report.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar deps [DIR]}: the dependency inventory the engine sees, without judging it. */
@Command(name = "deps", mixinStandardHelpOptions = true,
        description = {"List the dependencies a repository declares, with file, line and versions.",
            "Lockfile, SBOM and indirect entries are added with --transitive.",
            "TSV columns: ecosystem, group, name, version_declared, version_resolved, file, line, scope, direct, via."})
final class DepsCommand implements Callable<Integer> {

    /** Inventory formats. */
    enum Format { TSV, JSON }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The repository folder (default: the current folder).")
    Path dir = Path.of(".");

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "tsv or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.TSV;

    @Option(names = "--transitive", description = "Also list transitive dependencies (lockfiles, SBOMs, Go // indirect), with the path they came by.")
    boolean transitive;

    @Option(names = "--peer-and-optional",
            description = {"Also list npm peerDependencies and optionalDependencies entries (scopes peer and optional).",
                "The inventory counts what a package.json declares for its own install, dependencies and devDependencies; "
                        + "radar check judges peer and optional entries either way."})
    boolean peerAndOptional;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCode.CONFIG_ERROR, dir + ": not a folder");
        }
        RepoFacts facts = Collectors.collect(CheckRequest.nameOf(dir), dir);
        var deps = facts.dependencies().stream()
                .filter(d -> transitive || d.direct())
                .filter(d -> peerAndOptional || !Inventory.isNpmPeerOrOptional(d))
                .toList();
        output.write(spec.commandLine().getOut(), w -> {
            if (format == Format.TSV) {
                Inventory.writeTsv(deps, w);
            } else {
                Inventory.writeJson(facts.repo(), deps, w);
            }
        });
        var err = spec.commandLine().getErr();
        facts.problems().forEach(p -> err.println(p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message()));
        return facts.problems().isEmpty() ? ExitCode.COMPLIANT.code() : ExitCode.INCOMPLETE.code();
    }
}
