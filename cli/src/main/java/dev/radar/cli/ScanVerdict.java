package dev.radar.cli;

import dev.radar.model.Severity;
import dev.radar.scan.OrgSummary;
import dev.radar.scan.ScanOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The exit code of a scan or merge: findings at or above {@code --fail-on} (1) win over repositories not scanned (3). */
final class ScanVerdict {

    /** How many unscanned repositories are named on stderr before "and N more". */
    static final int NAMED = 10;

    private ScanVerdict() {}

    static ExitCode exitCode(ScanOutcome outcome, FailOn failOn, PrintWriter err) {
        Optional<Severity> threshold = failOn.threshold();
        boolean failing = threshold.isPresent() && outcome.summary().repos().stream().anyMatch(r -> failing(r, threshold.get()));
        List<String> incomplete = outcome.incomplete();
        if (!incomplete.isEmpty()) {
            err.println("radar: incomplete: " + incomplete.size() + " problem(s); the rest was scanned and reported:");
            incomplete.stream().limit(NAMED).forEach(line -> err.println("  " + line));
            if (incomplete.size() > NAMED) {
                err.println("  and " + (incomplete.size() - NAMED) + " more (see summary.json, 'failures')");
            }
            err.flush();
        }
        if (failing) {
            return ExitCode.FINDINGS;
        }
        return incomplete.isEmpty() ? ExitCode.COMPLIANT : ExitCode.INCOMPLETE;
    }

    private static boolean failing(OrgSummary.RepoRow r, Severity threshold) {
        return switch (threshold) {
            case ERROR -> r.error() > 0;
            case WARNING -> r.error() + r.warning() > 0;
            case INFO -> r.error() + r.warning() + r.info() > 0;
        };
    }
}
