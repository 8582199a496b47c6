package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FileProblem;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The result of checking one repository: findings sorted by file, line and rule, each with a stable
 * fingerprint, plus the files that could not be read.
 *
 * @param rules        metadata of every rule in the rule base, by id order (writers describe rules from it)
 * @param dependencies how many dependency facts the collectors found
 */
public record Report(
        String repo,
        LocalDate today,
        String radar,
        List<Finding> findings,
        List<RuleInfo> rules,
        int dependencies,
        List<FileProblem> problems) {

    /** Version of the JSON report layout; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::message);

    public Report {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** Sorts findings and gives each a fingerprint: a hash of rule, file and subject, numbered when repeated. */
    public static Report of(String repo, LocalDate today, String radar, List<Finding> findings, List<RuleInfo> rules,
            int dependencies, List<FileProblem> problems) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            String base = hash(f.ruleId() + "\n" + f.file() + "\n" + f.subject() + "\n" + (f.subject().isEmpty() ? f.message() : ""));
            int n = seen.merge(base, 1, Integer::sum);
            out.add(f.withFingerprint(n == 1 ? base : base + "-" + n));
        }
        List<RuleInfo> sortedRules = new ArrayList<>(rules);
        sortedRules.sort(Comparator.comparing(RuleInfo::id));
        List<FileProblem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing(FileProblem::file).thenComparingInt(FileProblem::line));
        return new Report(repo, today, radar, out, sortedRules, dependencies, sortedProblems);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Findings that count (not excepted) at or above the given severity. */
    public List<Finding> failing(Severity threshold) {
        return findings.stream().filter(f -> f.counts() && f.severity().atLeast(threshold)).toList();
    }

    /** Counts of findings that count, per severity (every severity present, possibly zero). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        findings.stream().filter(Finding::counts).forEach(f -> out.merge(f.severity(), 1, Integer::sum));
        return out;
    }

    public int excepted() {
        return (int) findings.stream().filter(f -> f.status() == FindingStatus.EXCEPTED).count();
    }

    /** True when some file could not be read: the check ran on the rest. */
    public boolean incomplete() {
        return !problems.isEmpty();
    }

    /** Metadata of one rule, if the rule base has it. */
    public RuleInfo rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
