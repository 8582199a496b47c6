package dev.radar.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The radar's rules for exceptions ({@code policy.exceptions} in radar.yaml): how long an exception may run per
 * ring, which approver roles it needs, whose approval is trusted, how early expiry is announced, and whether a
 * repository's own exceptions count. A fact in every session; the exception rules ask it through the helpers here.
 *
 * @param maxDays           the longest exception per ring of its entry, in days from granted to expires
 * @param defaultMaxDays    the longest exception for rings not in {@code maxDays} and for exceptions naming no entry
 * @param requiredApprovers role to number of different people who must approve in that role
 * @param trustedApprovers  names allowed to approve; empty means any name (but then repo-local exceptions need
 *                          {@link RepoLocalTrust#ALWAYS} to count)
 * @param warningDays       an exception with this many days left or fewer is reported as expiring
 */
public record ExceptionPolicy(
        Map<Ring, Integer> maxDays,
        int defaultMaxDays,
        Map<String, Integer> requiredApprovers,
        List<String> trustedApprovers,
        int warningDays,
        RepoLocalTrust repoLocal) {

    /** hold 90 days, trial and assess 180, others 180; one staff-engineer and one engineering-manager; 14 days warning. */
    public static final ExceptionPolicy DEFAULT = new ExceptionPolicy(
            Map.of(Ring.HOLD, 90, Ring.TRIAL, 180, Ring.ASSESS, 180), 180,
            orderedRoles("staff-engineer", 1, "engineering-manager", 1), List.of(), 14, RepoLocalTrust.TRUSTED);

    public ExceptionPolicy {
        EnumMap<Ring, Integer> rings = new EnumMap<>(Ring.class);
        rings.putAll(maxDays);
        maxDays = Collections.unmodifiableMap(rings);
        requiredApprovers = Collections.unmodifiableMap(new LinkedHashMap<>(requiredApprovers));
        trustedApprovers = List.copyOf(trustedApprovers);
    }

    private static Map<String, Integer> orderedRoles(String a, int na, String b, int nb) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(a, na);
        m.put(b, nb);
        return m;
    }

    /** The longest exception for an entry in this ring. */
    public int maxDays(Ring ring) {
        return maxDays.getOrDefault(ring, defaultMaxDays);
    }

    /**
     * What is wrong with the exception's dates, as zero or one message: a date missing, expiry before the grant,
     * a grant dated after today, or a duration over the maximum for its entry's ring.
     *
     * @param entries the radar entry the exception names, as a list of zero or one {@link RadarEntry}
     */
    public List<String> durationProblem(ExceptionGrant g, List<?> entries, LocalDate today) {
        String id = "exception " + g.id();
        if (g.granted() == null || g.expires() == null) {
            String missing = g.granted() == null && g.expires() == null ? "no 'granted' and no 'expires' date"
                    : g.granted() == null ? "no 'granted' date" : "no 'expires' date";
            return List.of(id + " has " + missing + ": every exception is approved on a date and runs until a date");
        }
        if (g.expires().isBefore(g.granted())) {
            return List.of(id + " expires on " + g.expires() + ", before it was granted on " + g.granted());
        }
        if (g.granted().isAfter(today)) {
            return List.of(id + " is granted on " + g.granted() + ", after today (" + today + "): an approval cannot be dated in the future");
        }
        RadarEntry entry = entries.stream().filter(RadarEntry.class::isInstance).map(RadarEntry.class::cast).findFirst().orElse(null);
        int max = entry == null ? defaultMaxDays : maxDays(entry.ring());
        if (g.durationDays() > max) {
            String what = entry == null ? "exceptions that name no radar entry"
                    : "exceptions to " + entry.ring().id() + " entries (" + entry.id() + ")";
            return List.of(id + " runs " + g.durationDays() + " days (" + g.granted() + " to " + g.expires()
                    + "); the policy allows at most " + max + " days for " + what);
        }
        return List.of();
    }

    /** What the approvals lack, as zero or one message: no approvers, or too few different people in a required role. */
    public List<String> approvalProblem(ExceptionGrant g) {
        String id = "exception " + g.id();
        if (g.approvers().isEmpty()) {
            return List.of(id + " has no approvers; it needs " + requirementText());
        }
        List<String> lacking = new ArrayList<>();
        for (var need : requiredApprovers.entrySet()) {
            long have = g.approvers().stream().filter(a -> a.role().equals(need.getKey())).map(Approver::key).distinct().count();
            if (have < need.getValue()) {
                lacking.add((need.getValue() - have) + " " + need.getKey());
            }
        }
        int total = requiredApprovers.values().stream().mapToInt(Integer::intValue).sum();
        long people = g.approvers().stream().map(Approver::key).distinct().count();
        if (lacking.isEmpty() && people < total) {
            lacking.add((total - people) + " more person(s): one person approves in one role only");
        }
        if (lacking.isEmpty()) {
            return List.of();
        }
        String has = g.approvers().stream().map(a -> a.name() + " as " + (a.role().isEmpty() ? "(no role)" : a.role()))
                .collect(Collectors.joining(", "));
        return List.of(id + " lacks approval by " + String.join(" and ", lacking) + " (approved by " + has + "); it needs "
                + requirementText());
    }

    /** Whose approval is not trusted, as zero or one message; repo-local exceptions follow {@link #repoLocal}. */
    public List<String> trustProblem(ExceptionGrant g) {
        String id = "exception " + g.id();
        Set<String> trusted = trustedApprovers.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> untrusted = new LinkedHashSet<>();
        g.approvers().stream().filter(a -> !trusted.contains(a.key())).forEach(a -> untrusted.add(a.name()));
        boolean local = g.origin() == ExceptionOrigin.REPO_LOCAL;
        if (local && repoLocal == RepoLocalTrust.NEVER) {
            return List.of(id + " is in the repository's own exceptions file, and this radar's policy counts none of those"
                    + " (policy.exceptions.repo-local: never)");
        }
        if (local && repoLocal == RepoLocalTrust.TRUSTED) {
            if (trusted.isEmpty()) {
                return List.of(id + " is in the repository's own exceptions file, and the radar names no trusted approvers"
                        + " (policy.exceptions.trusted-approvers): a repository cannot approve its own exceptions");
            }
            if (!untrusted.isEmpty()) {
                return List.of(id + " is in the repository's own exceptions file and approved by " + String.join(", ", untrusted)
                        + ", not trusted approvers: a repository cannot approve its own exceptions");
            }
            return List.of();
        }
        if (!trusted.isEmpty() && !untrusted.isEmpty()) {
            return List.of(id + " is approved by " + String.join(", ", untrusted) + (untrusted.size() == 1 ? ", who is" : ", who are")
                    + " not in the radar's trusted approvers (policy.exceptions.trusted-approvers)");
        }
        return List.of();
    }

    /** Whether a not yet expired exception has {@link #warningDays} or fewer days left. */
    public boolean expiring(ExceptionGrant g, LocalDate today) {
        return g.expires() != null && !g.expiredOn(today) && g.daysLeft(today) <= warningDays;
    }

    /** "1 staff-engineer and 1 engineering-manager". */
    public String requirementText() {
        if (requiredApprovers.isEmpty()) {
            return "at least one approver";
        }
        List<String> parts = requiredApprovers.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
