package dev.radar.scan;

import java.util.List;

/**
 * What the scan learnt about one repository, stored as {@code results/NAME.json} in the output folder: the
 * incremental key it was learnt under ({@code revision} and {@code config}), the counts, and the compact
 * finding, usage and technology rows the org summary is built from. Written after the repository's reports,
 * so a result on disk always has its reports beside it.
 *
 * @param status        {@code checked} or {@code failed}
 * @param revision      the commit checked, or {@code tree:SHA} (file list, sizes, times) for a folder source
 * @param config        digest of radar, policies, exceptions files and tool version ({@link ScanConfig})
 * @param evaluated     the date the rules ran with (the run's {@code --today})
 * @param dateSensitive whether findings depend on exceptions, whose validity changes with the date: such
 *                      repositories are re-evaluated on every new date even when nothing else changed
 * @param problems      files that could not be read (the check is incomplete when above zero)
 */
public record RepoResult(
        int schemaVersion,
        String name,
        String team,
        List<String> tags,
        String location,
        String branch,
        String status,
        String revision,
        String config,
        String runId,
        String evaluated,
        boolean dateSensitive,
        Counts counts,
        int dependencies,
        int problems,
        Failure failure,
        List<FindingRow> findings,
        List<UsageRow> usages,
        List<TechRow> notOnRadar) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CHECKED = "checked";
    public static final String FAILED = "failed";

    public RepoResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        counts = counts == null ? Counts.ZERO : counts;
        findings = findings == null ? List.of() : List.copyOf(findings);
        usages = usages == null ? List.of() : List.copyOf(usages);
        notOnRadar = notOnRadar == null ? List.of() : List.copyOf(notOnRadar);
    }

    public boolean checked() {
        return CHECKED.equals(status);
    }

    /** No open (or exception-expired) error-level finding: what "compliant" means on the dashboard. */
    public boolean compliant() {
        return checked() && counts.error() == 0;
    }

    /** Findings that count, per severity, and findings covered by a valid exception. */
    public record Counts(int error, int warning, int info, int excepted) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(error + o.error, warning + o.warning, info + o.info, excepted + o.excepted);
        }
    }

    /** Why a repository could not be scanned: the stage ({@code fetch}, {@code check}) and a credential-free message. */
    public record Failure(String stage, String message) {}

    /** One finding, compact: enough to rank the organisation's top findings and count exception use. */
    public record FindingRow(String ruleId, String severity, String status, String entryId, String subject, String file,
            int line, String message, String exceptionId) {}

    /** A radar entry recognised something in the repository: a dependency ({@code ecosystem}) or a language. */
    public record UsageRow(String entryId, String ecosystem, String coordinate, String version) {}

    /** A direct dependency that no radar entry recognises (a RAD-003 finding). */
    public record TechRow(String ecosystem, String coordinate, String version) {}
}
