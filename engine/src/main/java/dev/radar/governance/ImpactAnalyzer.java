package dev.radar.governance;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.collect.Collectors;
import dev.radar.model.Finding;
import dev.radar.model.RepoFacts;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges each repository twice, under the current and the proposed radar, with the real rule base, and
 * pairs the findings: first by fingerprint (same rule, file and subject), then by file, line and subject (the
 * same dependency judged by another rule, as when an entry moves from trial to hold). Facts are collected
 * once per repository and evaluated twice, so both sides see exactly the same repository.
 */
public final class ImpactAnalyzer {
    private final Checker checker;

    public ImpactAnalyzer(PolicyEngine engine) {
        this.checker = new Checker(engine);
    }

    /**
     * @param current  the radar in force
     * @param proposed the radar under review
     */
    public ImpactReport analyze(Radar current, Radar proposed, List<ImpactTarget> targets, LocalDate today, List<String> skipped)
            throws IOException {
        List<ImpactReport.RepoImpact> repos = new ArrayList<>();
        boolean recorded = false;
        for (ImpactTarget t : targets) {
            RepoFacts facts = t.recorded() != null ? t.recorded() : Collectors.collect(t.repo(), t.dir());
            recorded |= t.recorded() != null;
            List<Finding> before = checker.evaluate(new CheckRequest(t.dir(), t.repo(), current, today), facts).findings();
            List<Finding> after = checker.evaluate(new CheckRequest(t.dir(), t.repo(), proposed, today), facts).findings();
            repos.add(new ImpactReport.RepoImpact(t.repo(), t.team(), diff(before, after)));
        }
        repos.sort(Comparator.comparing(ImpactReport.RepoImpact::team).thenComparing(ImpactReport.RepoImpact::repo));
        return new ImpactReport(current.source(), proposed.source(), RadarDiff.between(current, proposed),
                recorded ? "recorded" : "checked", repos, skipped);
    }

    /** Pairs findings of the same repository under two radars. */
    static List<FindingChange> diff(List<Finding> before, List<Finding> after) {
        Map<String, Finding> old = new LinkedHashMap<>();
        before.forEach(f -> old.put(f.fingerprint(), f));
        List<FindingChange> out = new ArrayList<>();
        List<Finding> unpaired = new ArrayList<>();
        for (Finding f : after) {
            Finding was = old.remove(f.fingerprint());
            if (was == null) {
                unpaired.add(f);
            } else if (was.severity() != f.severity() || was.counts() != f.counts()) {
                out.add(new FindingChange(FindingChange.Kind.CHANGES_SEVERITY, was, f));
            }
        }
        Map<String, List<Finding>> bySubject = new HashMap<>();
        old.values().forEach(f -> bySubject.computeIfAbsent(subjectKey(f), k -> new ArrayList<>()).add(f));
        for (Finding f : unpaired) {
            List<Finding> candidates = bySubject.getOrDefault(subjectKey(f), List.of());
            if (!f.subject().isEmpty() && !candidates.isEmpty()) {
                Finding was = candidates.remove(0);
                old.remove(was.fingerprint());
                if (was.severity() != f.severity()) {
                    out.add(new FindingChange(FindingChange.Kind.CHANGES_SEVERITY, was, f));
                }
            } else {
                out.add(new FindingChange(FindingChange.Kind.APPEARS, null, f));
            }
        }
        old.values().forEach(f -> out.add(new FindingChange(FindingChange.Kind.DISAPPEARS, f, null)));
        out.sort(Comparator.comparing((FindingChange c) -> c.finding().file()).thenComparingInt(c -> c.finding().line())
                .thenComparing(c -> c.finding().ruleId()).thenComparing(FindingChange::kind));
        return out;
    }

    private static String subjectKey(Finding f) {
        return f.file() + "\n" + f.line() + "\n" + f.subject();
    }
}
