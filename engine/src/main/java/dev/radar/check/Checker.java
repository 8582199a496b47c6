package dev.radar.check;

import dev.radar.collect.Collectors;
import dev.radar.model.RepoFacts;
import dev.radar.model.Today;
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
        RepoFacts facts = Collectors.collect(request.repo(), request.dir());
        return evaluate(request, facts);
    }

    /** Evaluates facts that were already collected. */
    public Report evaluate(CheckRequest request, RepoFacts facts) {
        List<Object> all = new ArrayList<>(request.radar().facts());
        all.addAll(facts.all());
        all.add(new Today(request.today()));
        var findings = engine.evaluate(all, request.radar().standards());
        return Report.of(request.repo(), request.today(), request.radar().source(), findings,
                List.copyOf(engine.rules().values()), facts.dependencies().size(), facts.problems());
    }
}
