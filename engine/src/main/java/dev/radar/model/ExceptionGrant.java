package dev.radar.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One time-bound exception to a standard, as written in an exceptions file: which findings it covers (a rule
 * and/or a radar entry, repositories, paths, versions), why, who approved it, and when it was granted and
 * expires. ("Exception" is the domain word; the type avoids clashing with {@link java.lang.Exception}.)
 * Whether it is valid is decided by the rule base ({@code policies/exceptions/}), not here.
 *
 * @param rule     the rule id it covers, or empty for every rule about {@code entry}
 * @param entry    the radar entry id it covers, or empty for every finding of {@code rule}
 * @param repos    globs on repository names; a repository's own file covers that repository only
 * @param paths    globs on repository-relative file paths; empty means every file
 * @param versions only dependency findings whose version is in this range, or null for any version
 * @param granted  the approval date, or null when missing (an invalid exception)
 * @param expires  the last day the exception is valid (through the whole day, UTC), or null when missing
 * @param file     the exceptions file as named on the command line, or {@code .radar/exceptions.yaml}
 * @param line     the line of the exception's first key
 */
public record ExceptionGrant(
        String id,
        String rule,
        String entry,
        List<String> repos,
        List<PathGlob> paths,
        VersionRange versions,
        String reason,
        String adr,
        String ticket,
        List<Approver> approvers,
        LocalDate granted,
        LocalDate expires,
        ExceptionOrigin origin,
        String file,
        int line) {

    /** The concern of the exception lifecycle rules, whose findings no exception can cover. */
    public static final String LIFECYCLE_CONCERN = "EXC";

    public ExceptionGrant {
        rule = rule == null ? "" : rule;
        entry = entry == null ? "" : entry;
        repos = repos == null ? List.of() : List.copyOf(repos);
        paths = paths == null ? List.of() : List.copyOf(paths);
        reason = reason == null ? "" : reason;
        adr = adr == null ? "" : adr;
        ticket = ticket == null ? "" : ticket;
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        file = file == null ? "" : file;
    }

    /** Whether a repository name matches one of {@link #repos}. */
    public boolean coversRepo(String repo) {
        return repos.stream().anyMatch(r -> Glob.matches(r, repo == null ? "" : repo));
    }

    /**
     * Whether the finding is of this exception's rule and entry, in one of its repositories and paths. Findings
     * of the exception lifecycle itself are never covered. Versions are checked separately
     * ({@link #admitsVersion}) against the dependency the finding is about.
     */
    public boolean covers(Finding f) {
        if (f.ruleId().startsWith(LIFECYCLE_CONCERN + "-") || rule.isEmpty() && entry.isEmpty()) {
            return false;
        }
        return (rule.isEmpty() || rule.equals(f.ruleId()))
                && (entry.isEmpty() || entry.equals(f.entryId()))
                && coversRepo(f.repo())
                && (paths.isEmpty() || paths.stream().anyMatch(p -> p.matches(f.file())));
    }

    /** Whether the dependency's version is in {@link #versions}; an unknown version is in no range. */
    public boolean admitsVersion(Dependency d) {
        return versions == null || versions.containsVersion(d.version().isEmpty() ? d.declaredVersion() : d.version());
    }

    /** True from the day after {@link #expires}: the expiry date itself is the last valid day. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Days from today to the expiry date: 0 on the last valid day, negative once expired. */
    public long daysLeft(LocalDate today) {
        return expires == null ? 0 : ChronoUnit.DAYS.between(today, expires);
    }

    /** Days from {@link #granted} to {@link #expires} (a grant from 1 to 31 March runs 30 days); 0 when a date is missing. */
    public long durationDays() {
        return granted == null || expires == null ? 0 : ChronoUnit.DAYS.between(granted, expires);
    }

    /** What the exception covers, for messages: {@code mongodb (RAD-001) in payments-*, paths legacy/**, versions [3,4)}. */
    public String scopeText() {
        StringBuilder s = new StringBuilder();
        s.append(entry.isEmpty() ? rule : rule.isEmpty() ? entry : entry + " (" + rule + ")");
        if (!repos.isEmpty()) {
            s.append(" in ").append(String.join(", ", repos));
        }
        if (!paths.isEmpty()) {
            s.append(", paths ").append(String.join(", ", paths.stream().map(PathGlob::toString).toList()));
        }
        if (versions != null) {
            s.append(", versions ").append(versions);
        }
        return s.toString();
    }

    /**
     * What the exception names that the radar or the rule base does not know, as zero or one message.
     *
     * @param knownEntries the radar entries whose id is {@link #entry} (empty when unknown)
     * @param knownRules   the rules whose id is {@link #rule} (empty when unknown)
     */
    public List<String> unknownReferences(List<?> knownEntries, List<?> knownRules) {
        List<String> problems = new ArrayList<>();
        if (!entry.isEmpty() && knownEntries.isEmpty()) {
            problems.add("entry '" + entry + "', which is not on the radar");
        }
        if (!rule.isEmpty() && rule.toUpperCase(Locale.ROOT).startsWith(LIFECYCLE_CONCERN + "-")) {
            problems.add("rule " + rule + ", but the exception lifecycle itself cannot be excepted");
        } else if (!rule.isEmpty() && knownRules.isEmpty()) {
            problems.add("rule '" + rule + "', which is not in the rule base");
        }
        return problems.isEmpty() ? List.of() : List.of("exception " + id + " names " + String.join(" and ", problems));
    }
}
