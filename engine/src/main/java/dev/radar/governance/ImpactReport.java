package dev.radar.governance;

import java.util.List;

/**
 * What a proposed radar would change, per repository: findings that appear, disappear or change severity.
 *
 * @param radarChanges the entry-level difference between the two radars
 * @param method       how findings were obtained: "checked" (repository folders) or "recorded" (summary.json)
 * @param skipped      repositories that could not be judged, with the reason
 */
public record ImpactReport(String current, String proposed, List<RadarChange> radarChanges, String method, List<RepoImpact> repos,
        List<String> skipped) {

    /** One repository's changes. */
    public record RepoImpact(String repo, String team, List<FindingChange> changes) {
        public RepoImpact {
            changes = List.copyOf(changes);
        }

        public long count(FindingChange.Kind kind) {
            return changes.stream().filter(c -> c.kind() == kind).count();
        }

        public long newErrors() {
            return changes.stream().filter(FindingChange::newError).count();
        }
    }

    public ImpactReport {
        radarChanges = List.copyOf(radarChanges);
        repos = List.copyOf(repos);
        skipped = List.copyOf(skipped);
    }

    /** Errors the change would add across all repositories: the exit code of {@code radar impact} is 1 when positive. */
    public long newErrors() {
        return repos.stream().mapToLong(RepoImpact::newErrors).sum();
    }

    /** Repositories with at least one change. */
    public List<RepoImpact> affected() {
        return repos.stream().filter(r -> !r.changes().isEmpty()).toList();
    }
}
