package dev.radar.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The organisation's picture after a scan, written as {@code summary.json} and drawn as {@code index.html}.
 * It is a function of the per-repository results, the catalog and the date only (no clock time, no host),
 * so merging shard outputs gives exactly the summary of a single run.
 *
 * @param shard {@code K/N} for the output of one shard, absent for a whole-organisation run or a merge
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrgSummary(
        int schemaVersion,
        ToolInfo tool,
        String today,
        RadarInfo radar,
        String source,
        String shard,
        Totals totals,
        List<TeamRow> teams,
        List<RepoRow> repos,
        List<TopFinding> topFindings,
        List<EntryUsage> radarUsage,
        List<Technology> notOnRadar,
        List<ExpiringException> expiringExceptions,
        List<FailureRow> failures) {

    /** Version of the summary.json layout; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    /** Days ahead in which an expiring exception is listed. */
    public static final int EXPIRY_WINDOW_DAYS = 30;

    /** How many of the most frequent findings are listed. */
    public static final int TOP_FINDINGS = 25;

    /** Name and version of the tool that wrote the summary. */
    public record ToolInfo(String name, String version) {}

    /** The radar and configuration the repositories were judged by. */
    public record RadarInfo(String title, String source, String config) {}

    /**
     * Totals over the organisation (or shard).
     *
     * @param compliance percentage of checked repositories that are compliant, one decimal; null when none was checked
     */
    public record Totals(int repos, int checked, int failed, int compliant, BigDecimal compliance, int error, int warning,
            int info, int excepted, int dependencies) {}

    /** Compliance of one team's repositories; the team is empty for repositories without one. */
    public record TeamRow(String team, int repos, int checked, int failed, int compliant, BigDecimal compliance, int error,
            int warning, int info, int excepted) {}

    /** One repository's line on the dashboard, with links to its reports (relative to the output folder). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RepoRow(String name, String team, List<String> tags, String location, String branch, String revision,
            String status, boolean compliant, int error, int warning, int info, int excepted, int dependencies, int problems,
            String evaluated, String report, String sarif, String failure) {}

    /**
     * A finding that recurs across the organisation: one rule about one radar entry (or one subject).
     *
     * @param example one message, from the first repository in name order
     */
    public record TopFinding(String ruleId, String severity, String title, String entryId, String subject, String example,
            int repos, int findings) {}

    /** Every radar entry, with the repositories that use it and the versions they use. */
    public record EntryUsage(String entryId, String name, String quadrant, String ring, int repos, List<RepoVersions> usedBy) {}

    /** A technology that no radar entry recognises, with the repositories that use it directly. */
    public record Technology(String ecosystem, String coordinate, int repos, List<RepoVersions> usedBy) {}

    /** One repository's versions of something (empty strings stand for "no version written"). */
    public record RepoVersions(String repo, List<String> versions) {}

    /** An exception that ends within {@link #EXPIRY_WINDOW_DAYS} days, and how much it covers today. */
    public record ExpiringException(String id, String entry, String rule, List<String> repos, String expires, long daysLeft,
            int excepted, List<String> usedBy, String file, int line) {}

    /** A repository that could not be scanned. */
    public record FailureRow(String repo, String stage, String message) {}
}
