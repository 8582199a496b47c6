package dev.radar.cli;

import dev.radar.governance.Diagnostic;
import dev.radar.governance.ExceptionRefs;
import dev.radar.governance.OrgSummary;
import dev.radar.governance.PreviousRadar;
import dev.radar.governance.RadarValidator;
import dev.radar.governance.ValidationRequest;
import dev.radar.model.Severity;
import dev.radar.policy.PolicyEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar validate [radar.yaml]}: schema and cross-entry checks of a radar before it is merged. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a radar.yaml before it is merged.", "It reports every schema error as file:line:column, matchers of different entries that overlap (an error when their rings differ), entries without matchers, ring moves without a new rationale (compared with git history or --against-radar), exceptions naming unknown entries or rules, and with --against, entries no repository uses.",
            "Exit 2 on errors; warnings alone exit 0."})
final class ValidateCommand implements Callable<Integer> {

    /** A top-level standards key: only then are rule ids needed (compiling the rule base takes seconds). */
    private static final java.util.regex.Pattern STANDARDS = java.util.regex.Pattern.compile("(?m)^standards\\s*:");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RADAR", description = "The radar file (default: ./radar.yaml).")
    Path radar;

    @Option(names = "--policies", paramLabel = "DIR", description = "Extra .drl files: their rule ids are known to exceptions and standards.")
    Path policies;

    @Option(names = "--exceptions", paramLabel = "FILE", description = "An exceptions.yaml whose entry and rule references are checked.")
    Path exceptions;

    @Option(names = "--against", paramLabel = "SUMMARY", description = "An org scan's summary.json: entries that match nothing in any repository are warned about.")
    Path summary;

    @Option(names = "--against-radar", paramLabel = "FILE", description = "The previous radar, for ring moves (instead of git history).")
    Path previousFile;

    @Option(names = "--base", paramLabel = "REV", description = "The git revision to compare ring moves with (default: HEAD when the file "
            + "has uncommitted edits, else HEAD~1, which is the target branch on a pull request's merge commit).")
    String base;

    @Option(names = "--no-history", description = "Do not compare with an earlier version of the radar.")
    boolean noHistory;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (file:line:column: severity: message) or github "
            + "(workflow annotations) (default: text).")
    String format = "text";

    @Option(names = {"-v", "--verbose"}, description = "Also print notes (entries without matchers in quadrants of practices).")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "github").contains(format)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--format " + format + ": use text or github");
        }
        Path file = radar != null ? radar : Path.of("radar.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCode.CONFIG_ERROR, file + ": no such radar file");
        }
        String name = file.toString().replace('\\', '/');
        Optional<ValidationRequest.Previous> previous = Optional.empty();
        if (previousFile != null) {
            previous = Optional.of(new ValidationRequest.Previous(previousFile.toString(), read(previousFile, "--against-radar")));
        } else if (!noHistory) {
            previous = PreviousRadar.fromGit(file, Optional.ofNullable(base));
        }
        Optional<ExceptionRefs> refs = Optional.empty();
        if (exceptions != null) {
            if (!Files.isRegularFile(exceptions)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--exceptions " + exceptions + ": no such file");
            }
            refs = Optional.of(ExceptionRefs.read(exceptions));
        }
        Optional<Set<String>> rules = Optional.empty();
        String text = read(file, "radar");
        if (policies != null || refs.isPresent() || STANDARDS.matcher(text).find()) {
            if (policies != null && !Files.isDirectory(policies)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--policies " + policies + ": not a folder");
            }
            rules = Optional.of(PolicyEngine.load(Optional.ofNullable(policies)).rules().keySet());
        }
        Optional<OrgSummary> org = Optional.empty();
        if (summary != null) {
            if (!Files.isRegularFile(summary)) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--against " + summary + ": no such file");
            }
            org = Optional.of(OrgSummary.read(summary));
        }
        List<Diagnostic> found = RadarValidator.validate(new ValidationRequest(name, text, previous, refs, rules, org));
        PrintWriter out = spec.commandLine().getOut();
        long errors = found.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = found.stream().filter(d -> d.severity() == Severity.WARNING).count();
        long notes = found.stream().filter(d -> d.severity() == Severity.INFO).count();
        for (Diagnostic d : found) {
            if (d.severity() == Severity.INFO && !verbose) {
                continue;
            }
            out.println(format.equals("github") ? github(d) : d.toString());
        }
        out.println(name + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note")
                + (notes > 0 && !verbose ? " (--verbose shows notes)" : "")
                + previous.map(p -> "; ring moves compared with " + p.label()).orElse("; ring moves not checked (no earlier version)"));
        out.flush();
        return errors > 0 ? ExitCode.CONFIG_ERROR.code() : ExitCode.COMPLIANT.code();
    }

    private static String github(Diagnostic d) {
        String level = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        String props = "file=" + d.file() + (d.line() > 0 ? ",line=" + d.line() : "") + (d.column() > 0 ? ",col=" + d.column() : "");
        return "::" + level + " " + props + "::" + d.message().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(ExitCode.CONFIG_ERROR, what + " " + file + ": cannot read: " + e.getMessage());
        }
    }
}
