package dev.radar.policy;

import dev.radar.model.Finding;
import dev.radar.model.Usage;
import java.util.List;

/**
 * What one rule session concluded: the findings, and the {@link Usage} facts the inference rules derived
 * (which radar entry recognised which dependency), for inventories such as the org dashboard's radar usage.
 */
public record Evaluation(List<Finding> findings, List<Usage> usages) {

    public Evaluation {
        findings = List.copyOf(findings);
        usages = List.copyOf(usages);
    }
}
