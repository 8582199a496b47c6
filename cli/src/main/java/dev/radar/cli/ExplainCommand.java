package dev.radar.cli;

import dev.radar.model.RuleInfo;
import dev.radar.report.RuleCatalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar explain ID}: one rule's rationale, remediation and a passing example. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one rule: why it exists, how to fix its findings, and an example that passes it.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "A rule id, e.g. RAD-001.")
    String id;

    @Option(names = "--policies", paramLabel = "DIR", description = "A folder of .drl files added to the built-in policies.")
    Path policies;

    @Override
    public Integer call() {
        EngineOptions options = new EngineOptions();
        options.policies = policies;
        RuleInfo r = options.engine().rules().get(id.trim().toUpperCase(java.util.Locale.ROOT));
        if (r == null) {
            throw new UserError(ExitCode.CONFIG_ERROR, "no rule " + id + "; 'radar rules' lists them");
        }
        var out = spec.commandLine().getOut();
        try {
            RuleCatalog.writeExplanation(r, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
        return ExitCode.COMPLIANT.code();
    }
}
