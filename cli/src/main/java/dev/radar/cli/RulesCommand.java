package dev.radar.cli;

import dev.radar.model.RuleInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar rules}: every rule of the rule base with id, severity, concern and title. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules of the rule base.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policies", paramLabel = "DIR", description = "A folder of .drl files added to the built-in policies.")
    Path policies;

    @Override
    public Integer call() {
        EngineOptions options = new EngineOptions();
        options.policies = policies;
        var out = spec.commandLine().getOut();
        out.printf("%-8s  %-8s  %-7s  %s%n", "ID", "SEVERITY", "CONCERN", "TITLE");
        for (RuleInfo r : options.engine().rules().values()) {
            out.printf("%-8s  %-8s  %-7s  %s%n", r.id(), r.severity().id(), r.concern(), r.title());
        }
        out.flush();
        return ExitCode.COMPLIANT.code();
    }
}
