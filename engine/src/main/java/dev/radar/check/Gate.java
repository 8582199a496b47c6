package dev.radar.check;

import dev.radar.model.Finding;
import dev.radar.model.Severity;
import dev.radar.report.Report;
import java.util.List;
import java.util.Optional;

/**
 * The CI gate's decision on a report: fail on findings that count (not excepted) at or above the threshold and,
 * with a baseline, are new since the baseline; otherwise incomplete when a file could not be read, else pass.
 *
 * @param threshold the lowest severity that fails; empty never fails ({@code --fail-on never})
 */
public record Gate(Optional<Severity> threshold, Optional<Baseline> baseline) {

    /** What the gate decided. */
    public enum Outcome {
        /** Nothing at or above the threshold is new. */
        PASS,
        /** Findings at or above the threshold (they win over an incomplete check). */
        FAIL,
        /** A file could not be read; the rest passed. */
        INCOMPLETE
    }

    /**
     * The decision with its reasons.
     *
     * @param failing    the findings that fail the check
     * @param baselined  findings at or above the threshold that the baseline already had (they do not fail)
     */
    public record Verdict(Outcome outcome, List<Finding> failing, List<Finding> baselined) {}

    public Verdict decide(Report report) {
        List<Finding> over = threshold.map(report::failing).orElse(List.of());
        List<Finding> failing = over.stream().filter(f -> baseline.isEmpty() || !baseline.get().contains(f)).toList();
        List<Finding> baselined = over.stream().filter(f -> baseline.isPresent() && baseline.get().contains(f)).toList();
        Outcome outcome = !failing.isEmpty() ? Outcome.FAIL : report.incomplete() ? Outcome.INCOMPLETE : Outcome.PASS;
        return new Verdict(outcome, failing, baselined);
    }
}
