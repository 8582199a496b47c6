package dev.radar.cli;

import dev.radar.model.RuleInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar explain ID}: one rule's rationale and remediation. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one rule: why it exists and how to fix its findings.")
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
        out.println(r.id() + "  " + r.title());
        out.println("severity:    " + r.severity().id() + " (override per rule in radar.yaml under 'standards')");
        out.println("defined in:  " + r.file());
        out.println();
        out.println("Why:  " + r.rationale());
        out.println("Fix:  " + r.remediation());
        out.flush();
        return ExitCode.COMPLIANT.code();
    }
}
