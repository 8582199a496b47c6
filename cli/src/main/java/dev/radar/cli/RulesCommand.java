package dev.radar.cli;

import dev.radar.report.RuleCatalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar rules}: every rule of the rule base with id, severity, concern and title. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules of the rule base: id, default severity, concern (the id prefix) and title.",
            "JSON adds rationale, remediation, a passing example and the defining file."})
final class RulesCommand implements Callable<Integer> {

    /** Output formats of the rule list. */
    enum Format { TABLE, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--policies", paramLabel = "DIR", description = "A folder of .drl files added to the built-in policies.")
    Path policies;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        EngineOptions options = new EngineOptions();
        options.policies = policies;
        var rules = options.engine().rules().values();
        output.write(spec.commandLine().getOut(), w -> {
            if (format == Format.JSON) {
                RuleCatalog.writeJson(rules, w);
            } else {
                RuleCatalog.writeTable(rules, w);
            }
        });
        return ExitCode.COMPLIANT.code();
    }
}
