package dev.radar.check;

import dev.radar.exceptions.ExceptionReview;
import dev.radar.exceptions.GrantStatus;
import dev.radar.model.CheckScope;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.Finding;
import dev.radar.model.Today;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reviews exceptions without a repository ({@code radar exceptions list|expiring|validate}): one rule session with
 * the radar, the exceptions and the day, judged by the same exception rules as {@code radar check}.
 */
public final class ExceptionAudit {
    private static final String EXPIRED = "EXC-001";
    private static final String EXPIRING = "EXC-002";
    private static final String STALE = "EXC-008";
    private static final Set<String> LIFECYCLE = Set.of(EXPIRED, EXPIRING, STALE);

    private final PolicyEngine engine;

    public ExceptionAudit(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Every exception with its status on {@code today}, sorted by file and line. */
    public List<ExceptionReview> review(Radar radar, List<ExceptionGrant> grants, LocalDate today) {
        List<Object> facts = new ArrayList<>(radar.facts());
        facts.add(new Today(today));
        facts.add(CheckScope.review());
        facts.addAll(grants);
        List<Finding> findings = engine.evaluate(facts, radar.standards());
        List<ExceptionReview> out = new ArrayList<>();
        for (ExceptionGrant g : grants) {
            List<Finding> mine = findings.stream()
                    .filter(f -> f.file().equals(g.file()) && f.line() == g.line() && f.subject().equals("exception|" + g.id()))
                    .sorted(Comparator.comparing(Finding::ruleId))
                    .toList();
            out.add(new ExceptionReview(g, status(mine), g.daysLeft(today), mine));
        }
        out.sort(Comparator.comparing((ExceptionReview r) -> r.grant().file()).thenComparingInt(r -> r.grant().line()));
        return out;
    }

    /** Any finding of a validity rule makes the exception invalid; otherwise EXC-001 expired, EXC-002 expiring. */
    private static GrantStatus status(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> !LIFECYCLE.contains(f.ruleId()))) {
            return GrantStatus.INVALID;
        }
        if (findings.stream().anyMatch(f -> f.ruleId().equals(EXPIRED))) {
            return GrantStatus.EXPIRED;
        }
        if (findings.stream().anyMatch(f -> f.ruleId().equals(EXPIRING))) {
            return GrantStatus.EXPIRING;
        }
        return GrantStatus.VALID;
    }
}
