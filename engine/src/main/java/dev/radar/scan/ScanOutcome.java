package dev.radar.scan;

import java.util.List;

/**
 * How a scan (or merge) went.
 *
 * @param incomplete what could not be covered, one line each (failed repositories, missing shards)
 */
public record ScanOutcome(OrgSummary summary, RunRecord run, List<String> incomplete) {

    public ScanOutcome {
        incomplete = List.copyOf(incomplete);
    }
}
