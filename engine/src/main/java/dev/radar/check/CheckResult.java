package dev.radar.check;

import dev.radar.model.RepoFacts;
import dev.radar.model.Usage;
import dev.radar.report.Report;
import java.util.List;

/**
 * A check with everything it saw: the report, the facts the collectors produced, and which radar entry
 * recognised which dependency (the session's {@link Usage} facts), for org-wide inventories.
 */
public record CheckResult(Report report, RepoFacts facts, List<Usage> usages) {

    public CheckResult {
        usages = List.copyOf(usages);
    }
}
