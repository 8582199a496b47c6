package dev.radar.scan;

import dev.radar.radar.Radar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to scan and how.
 *
 * @param output       the output folder, which also holds the incremental state
 * @param jobs         check workers (one rule session each at a time)
 * @param fetchJobs    fetch workers (clones and fetches wait on the network, so more of them pay off)
 * @param resume       continue an interrupted run: repositories it finished are not fetched or checked again
 * @param full         ignore stored results: evaluate every repository
 * @param historyDays  trend points older than this many days are deleted
 * @param config       the configuration key (radar, policies, exceptions files)
 * @param exceptions   exceptions to list on the dashboard when they expire soon
 */
public record ScanRequest(
        RepoSource source,
        Path output,
        Radar radar,
        LocalDate today,
        Shard shard,
        int jobs,
        int fetchJobs,
        boolean resume,
        boolean full,
        int historyDays,
        ScanConfig config,
        List<ExceptionInfo> exceptions) {

    public ScanRequest {
        if (jobs < 1 || fetchJobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        exceptions = List.copyOf(exceptions);
    }
}
