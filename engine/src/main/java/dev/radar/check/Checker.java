package dev.radar.check;

import dev.radar.collect.Collectors;
import dev.radar.model.RepoFacts;
import dev.radar.model.Today;
import dev.radar.policy.Evaluation;
import dev.radar.policy.PolicyEngine;
import dev.radar.report.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Checks one repository: collectors, then one rule session, then a sorted, fingerprinted report. */
public final class Checker {
    private final PolicyEngine engine;

    public Checker(PolicyEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs the check.
     *
     * @throws IOException when the repository folder itself cannot be walked (single unreadable files are findings)
     */
    public Report check(CheckRequest request) throws IOException {
        return run(request).report();
    }

    /** Runs the check and keeps the facts and radar usages next to the report (the org scan needs them). */
    public CheckResult run(CheckRequest request) throws IOException {
        RepoFacts facts = Collectors.collect(request.repo(), request.dir());
        return run(request, facts);
    }

    /** Evaluates facts that were already collected. */
    public Report evaluate(CheckRequest request, RepoFacts facts) {
        return run(request, facts).report();
    }

    private CheckResult run(CheckRequest request, RepoFacts facts) {
        List<Object> all = new ArrayList<>(request.radar().facts());
        all.addAll(facts.all());
        all.add(new Today(request.today()));
        Evaluation evaluation = engine.run(all, request.radar().standards());
        Report report = Report.of(request.repo(), request.today(), request.radar().source(), evaluation.findings(),
                List.copyOf(engine.rules().values()), facts.dependencies().size(), facts.problems());
        return new CheckResult(report, facts, evaluation.usages());
    }
}
