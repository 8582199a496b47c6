package dev.radar.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: prints help when no subcommand is given. */
@Command(name = "radar",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Tech-radar and standards governance: reads a repository's build files and configs, judges them with the organisation's radar.yaml and Drools policies, and reports."},
        subcommands = {CheckCommand.class, DepsCommand.class, RulesCommand.class, ExplainCommand.class, ExceptionsCommand.class,
            ScanCommand.class, MergeCommand.class, ValidateCommand.class, RenderCommand.class,
            ImpactCommand.class, ChangelogCommand.class, ExportCommand.class, ImportCommand.class},
        footer = {"", "Run 'radar COMMAND --help' for a command's options. Docs: README.md and docs/ in the repository."})
final class RadarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
