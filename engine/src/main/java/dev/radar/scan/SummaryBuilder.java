package dev.radar.scan;

import dev.radar.model.Severity;
import dev.radar.model.Version;
import dev.radar.report.Tool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds per-repository results, one at a time in name order, into the {@link OrgSummary}. Only the
 * aggregates are kept in memory (counts, and who uses which entry in which version), never the reports.
 */
final class SummaryBuilder {

    private final Catalog catalog;
    private final LocalDate today;
    private final String source;
    private final String shard;

    private int repos;
    private int checked;
    private int failed;
    private int compliant;
    private RepoResult.Counts counts = RepoResult.Counts.ZERO;
    private int dependencies;
    private final Map<String, TeamAcc> teams = new TreeMap<>();
    private final List<OrgSummary.RepoRow> rows = new ArrayList<>();
    private final Map<String, TopAcc> top = new HashMap<>();
    private final Map<String, Map<String, TreeSet<String>>> usage = new HashMap<>();
    private final Map<String, Map<String, TreeSet<String>>> unknown = new TreeMap<>();
    private final Map<String, Integer> exceptionUse = new HashMap<>();
    private final Map<String, TreeSet<String>> exceptionRepos = new HashMap<>();
    private final List<OrgSummary.FailureRow> failures = new ArrayList<>();
    private String last = "";
    /** {@link #VERSIONS} with each version text parsed once per summary, not at every comparison. */
    private final Map<String, Optional<Version>> parsed = new HashMap<>();
    private final Comparator<String> versions = (a, b) -> compareVersions(a, b, parsed.computeIfAbsent(a, Version::parse),
            parsed.computeIfAbsent(b, Version::parse));

    SummaryBuilder(Catalog catalog, LocalDate today, String source, Optional<Shard> shard) {
        this.catalog = catalog;
        this.today = today;
        this.source = source;
        this.shard = shard.filter(s -> !s.isAll()).map(Shard::toString).orElse(null);
    }

    /** Adds the next repository; results must come in ascending name order (the summary is then stable). */
    void add(RepoResult r) {
        if (r.name().compareTo(last) <= 0 && repos > 0) {
            throw new IllegalStateException("results out of order: " + r.name() + " after " + last);
        }
        last = r.name();
        repos++;
        TeamAcc team = teams.computeIfAbsent(r.team(), t -> new TeamAcc());
        team.repos++;
        if (!r.checked()) {
            failed++;
            team.failed++;
            String stage = r.failure() == null ? "" : r.failure().stage();
            String message = r.failure() == null ? "" : r.failure().message();
            failures.add(new OrgSummary.FailureRow(r.name(), stage, message));
            rows.add(new OrgSummary.RepoRow(r.name(), r.team(), r.tags(), r.location(), r.branch(), r.revision(), r.status(),
                    false, 0, 0, 0, 0, 0, 0, r.evaluated(), null, null, stage + ": " + message));
            return;
        }
        checked++;
        team.checked++;
        counts = counts.plus(r.counts());
        team.counts = team.counts.plus(r.counts());
        dependencies += r.dependencies();
        if (r.compliant()) {
            compliant++;
            team.compliant++;
        }
        rows.add(new OrgSummary.RepoRow(r.name(), r.team(), r.tags(), r.location(), r.branch(), r.revision(), r.status(),
                r.compliant(), r.counts().error(), r.counts().warning(), r.counts().info(), r.counts().excepted(),
                r.dependencies(), r.problems(), r.evaluated(), ScanStore.REPOS + "/" + r.name() + ".json",
                ScanStore.REPOS + "/" + r.name() + ".sarif", null));
        Map<String, Integer> perGroup = new HashMap<>();
        for (RepoResult.FindingRow f : r.findings()) {
            if (!f.exceptionId().isEmpty() && "excepted".equals(f.status())) {
                exceptionUse.merge(f.exceptionId(), 1, Integer::sum);
                exceptionRepos.computeIfAbsent(f.exceptionId(), k -> new TreeSet<>()).add(r.name());
            }
            if ("excepted".equals(f.status())) {
                continue;
            }
            String key = f.ruleId() + "\n" + (f.entryId().isEmpty() ? f.subject() : f.entryId()) + "\n" + f.severity();
            TopAcc acc = top.computeIfAbsent(key, k -> new TopAcc(f));
            acc.findings++;
            if (perGroup.merge(key, 1, Integer::sum) == 1) {
                acc.repos++;
            }
        }
        for (RepoResult.UsageRow u : r.usages()) {
            // per entry, repositories in insertion order, which is name order (checked above): what a TreeMap would
            // give, without comparing long, alike names at every row (a tenth of a 10,000-repository summary's time)
            usage.computeIfAbsent(u.entryId(), k -> new java.util.LinkedHashMap<>()).computeIfAbsent(r.name(), k -> new TreeSet<>(versions))
                    .add(u.version());
        }
        for (RepoResult.TechRow t : r.notOnRadar()) {
            unknown.computeIfAbsent(t.ecosystem() + "\n" + t.coordinate(), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(r.name(), k -> new TreeSet<>(versions)).add(t.version());
        }
    }

    OrgSummary build() {
        List<OrgSummary.TeamRow> teamRows = new ArrayList<>();
        teams.forEach((name, t) -> teamRows.add(new OrgSummary.TeamRow(name, t.repos, t.checked, t.failed, t.compliant,
                percent(t.compliant, t.checked), t.counts.error(), t.counts.warning(), t.counts.info(), t.counts.excepted())));
        return new OrgSummary(OrgSummary.SCHEMA_VERSION, new OrgSummary.ToolInfo(Tool.NAME, Tool.version()), today.toString(),
                new OrgSummary.RadarInfo(catalog.title(), catalog.radarSource(), catalog.config()), source, shard,
                new OrgSummary.Totals(repos, checked, failed, compliant, percent(compliant, checked), counts.error(),
                        counts.warning(), counts.info(), counts.excepted(), dependencies),
                teamRows, rows, topFindings(), radarUsage(), notOnRadar(), expiring(), failures);
    }

    private List<OrgSummary.TopFinding> topFindings() {
        List<TopAcc> all = new ArrayList<>(top.values());
        all.sort(Comparator.comparingInt((TopAcc a) -> severityRank(a.first.severity()))
                .thenComparing(Comparator.comparingInt((TopAcc a) -> a.repos).reversed())
                .thenComparing(Comparator.comparingInt((TopAcc a) -> a.findings).reversed())
                .thenComparing(a -> a.first.ruleId())
                .thenComparing(a -> a.first.entryId())
                .thenComparing(a -> a.first.subject()));
        List<OrgSummary.TopFinding> out = new ArrayList<>();
        for (TopAcc a : all.subList(0, Math.min(OrgSummary.TOP_FINDINGS, all.size()))) {
            RepoResult.FindingRow f = a.first;
            out.add(new OrgSummary.TopFinding(f.ruleId(), f.severity(), catalog.ruleTitle(f.ruleId()), f.entryId(),
                    f.entryId().isEmpty() ? f.subject() : "", f.message(), a.repos, a.findings));
        }
        return out;
    }

    private static int severityRank(String id) {
        return Severity.byId(id).map(Enum::ordinal).orElse(Severity.values().length);
    }

    private List<OrgSummary.EntryUsage> radarUsage() {
        List<OrgSummary.EntryUsage> out = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            Map<String, TreeSet<String>> users = usage.getOrDefault(e.id(), Map.of());
            out.add(new OrgSummary.EntryUsage(e.id(), e.name(), e.quadrant(), e.ring(), users.size(), repoVersions(users)));
        }
        return out;
    }

    private List<OrgSummary.Technology> notOnRadar() {
        List<OrgSummary.Technology> out = new ArrayList<>();
        unknown.forEach((key, users) -> {
            String[] parts = key.split("\n", 2);
            out.add(new OrgSummary.Technology(parts[0], parts[1], users.size(), repoVersions(users)));
        });
        out.sort(Comparator.comparingInt(OrgSummary.Technology::repos).reversed()
                .thenComparing(OrgSummary.Technology::ecosystem).thenComparing(OrgSummary.Technology::coordinate));
        return out;
    }

    private List<OrgSummary.ExpiringException> expiring() {
        List<OrgSummary.ExpiringException> out = new ArrayList<>();
        for (ExceptionInfo x : catalog.exceptions()) {
            LocalDate expires;
            try {
                expires = LocalDate.parse(x.expires());
            } catch (RuntimeException e) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, expires);
            if (days < 0 || days > OrgSummary.EXPIRY_WINDOW_DAYS) {
                continue;
            }
            List<String> usedBy = List.copyOf(exceptionRepos.getOrDefault(x.id(), new TreeSet<>()));
            out.add(new OrgSummary.ExpiringException(x.id(), x.entry(), x.rule(), x.repos(), x.expires(), days,
                    exceptionUse.getOrDefault(x.id(), 0), usedBy, x.file(), x.line()));
        }
        out.sort(Comparator.comparing(OrgSummary.ExpiringException::expires).thenComparing(OrgSummary.ExpiringException::id));
        return out;
    }

    private static List<OrgSummary.RepoVersions> repoVersions(Map<String, TreeSet<String>> users) {
        List<OrgSummary.RepoVersions> out = new ArrayList<>(users.size());
        users.forEach((repo, versions) -> out.add(new OrgSummary.RepoVersions(repo, List.copyOf(versions))));
        return out;
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Versions in version order (1.9 before 1.10), unparseable text after them in text order, empty first. */
    static final Comparator<String> VERSIONS = (a, b) -> compareVersions(a, b, Version.parse(a), Version.parse(b));

    private static int compareVersions(String a, String b, Optional<Version> va, Optional<Version> vb) {
        if (va.isPresent() && vb.isPresent()) {
            int c = va.get().compareTo(vb.get());
            return c != 0 ? c : a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
            return a.isEmpty() ? -1 : b.isEmpty() ? 1 : va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static final class TeamAcc {
        int repos;
        int checked;
        int failed;
        int compliant;
        RepoResult.Counts counts = RepoResult.Counts.ZERO;
    }

    private static final class TopAcc {
        final RepoResult.FindingRow first;
        int repos;
        int findings;

        TopAcc(RepoResult.FindingRow first) {
            this.first = first;
        }
    }
}
