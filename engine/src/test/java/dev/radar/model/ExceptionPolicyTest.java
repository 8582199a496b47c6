package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date, approval and trust helpers the exception rules call, each at its boundary. */
class ExceptionPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final RadarEntry MONGODB = new RadarEntry("mongodb", "MongoDB", "platforms", Ring.HOLD, null, null, "x", "", "",
            List.of(), "radar.yaml", 1);
    private static final RadarEntry TESTCONTAINERS = new RadarEntry("testcontainers", "Testcontainers", "tools", Ring.TRIAL, null, null,
            "x", "", "", List.of(), "radar.yaml", 9);
    private static final List<Approver> BOTH = List.of(new Approver("alice", "staff-engineer"), new Approver("bob", "engineering-manager"));

    static ExceptionGrant grant(String granted, String expires, List<Approver> approvers, ExceptionOrigin origin) {
        return new ExceptionGrant("EXC-1", "", "mongodb", List.of("payments-api"), List.of(), null, "why", "adr.md", "", approvers,
                granted == null ? null : LocalDate.parse(granted), expires == null ? null : LocalDate.parse(expires), origin,
                "exceptions.yaml", 3);
    }

    static ExceptionGrant grant(String granted, String expires) {
        return grant(granted, expires, BOTH, ExceptionOrigin.CENTRAL);
    }

    @ParameterizedTest(name = "expires {0}: expired on 2026-11-22 = {1}, {2} days left")
    @CsvSource({"2026-11-21, true, -1", "2026-11-22, false, 0", "2026-11-23, false, 1"})
    void the_expiry_date_is_the_last_valid_day(String expires, boolean expired, long daysLeft) {
        ExceptionGrant g = grant("2026-10-01", expires);
        assertThat(g.expiredOn(TODAY)).isEqualTo(expired);
        assertThat(g.daysLeft(TODAY)).isEqualTo(daysLeft);
    }

    @ParameterizedTest(name = "expires {0}: expiring = {1}")
    @CsvSource({"2026-11-21, false", "2026-11-22, true", "2026-12-06, true", "2026-12-07, false"})
    void the_warning_window_is_fourteen_days_by_default(String expires, boolean expiring) {
        assertThat(ExceptionPolicy.DEFAULT.expiring(grant("2026-10-01", expires), TODAY)).isEqualTo(expiring);
    }

    @ParameterizedTest(name = "{0} to {1} for {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-09-02 | 2026-12-01 | hold  | ''
            2026-09-01 | 2026-12-01 | hold  | runs 91 days (2026-09-01 to 2026-12-01); the policy allows at most 90 days for exceptions to hold entries (mongodb)
            2026-06-02 | 2026-11-29 | trial | ''
            2026-06-01 | 2026-11-29 | trial | runs 181 days
            2026-11-22 | 2027-01-31 | hold  | ''
            2026-11-23 | 2027-01-31 | hold  | is granted on 2026-11-23, after today (2026-11-22)
            2026-11-01 | 2026-10-31 | hold  | expires on 2026-10-31, before it was granted on 2026-11-01
            """)
    void durations_are_counted_from_granted_to_expires_against_the_entry_ring(String granted, String expires, String ring, String problem) {
        RadarEntry entry = ring.equals("hold") ? MONGODB : TESTCONTAINERS;
        List<String> problems = ExceptionPolicy.DEFAULT.durationProblem(grant(granted, expires), List.of(entry), TODAY);
        if (problem.isEmpty()) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().startsWith("exception EXC-1 ").contains(problem);
        }
    }

    @Test
    void an_exception_naming_no_known_entry_takes_the_default_maximum() {
        assertThat(ExceptionPolicy.DEFAULT.durationProblem(grant("2026-06-01", "2026-11-28"), List.of(), TODAY)).isEmpty();
        assertThat(ExceptionPolicy.DEFAULT.durationProblem(grant("2026-06-01", "2026-11-29"), List.of(), TODAY)).singleElement()
                .asString().contains("at most 180 days for exceptions that name no radar entry");
    }

    @Test
    void missing_dates_are_a_duration_problem() {
        assertThat(ExceptionPolicy.DEFAULT.durationProblem(grant("2026-10-01", null), List.of(MONGODB), TODAY)).singleElement()
                .asString().contains("has no 'expires' date");
        assertThat(ExceptionPolicy.DEFAULT.durationProblem(grant(null, null), List.of(MONGODB), TODAY)).singleElement()
                .asString().contains("no 'granted' and no 'expires' date");
    }

    @Test
    void approvals_need_each_required_role_from_different_people() {
        ExceptionPolicy p = ExceptionPolicy.DEFAULT;
        assertThat(p.approvalProblem(grant("2026-10-01", "2026-12-01"))).isEmpty();
        assertThat(p.approvalProblem(grant("2026-10-01", "2026-12-01", List.of(), ExceptionOrigin.CENTRAL))).singleElement()
                .asString().isEqualTo("exception EXC-1 has no approvers; it needs 1 staff-engineer and 1 engineering-manager");
        assertThat(p.approvalProblem(grant("2026-10-01", "2026-12-01", List.of(new Approver("alice", "staff-engineer")),
                ExceptionOrigin.CENTRAL))).singleElement().asString().contains("lacks approval by 1 engineering-manager");
        assertThat(p.approvalProblem(grant("2026-10-01", "2026-12-01",
                List.of(new Approver("alice", "staff-engineer"), new Approver("ALICE", "engineering-manager")), ExceptionOrigin.CENTRAL)))
                .singleElement().asString().contains("one person approves in one role only");
    }

    @Test
    void a_repository_cannot_approve_its_own_exceptions_by_default() {
        ExceptionPolicy noTrustList = ExceptionPolicy.DEFAULT;
        ExceptionPolicy trusting = new ExceptionPolicy(Map.of(), 180, Map.of(), List.of("alice", "Bob"), 14, RepoLocalTrust.TRUSTED);
        ExceptionGrant local = grant("2026-10-01", "2026-12-01", BOTH, ExceptionOrigin.REPO_LOCAL);
        ExceptionGrant localUntrusted = grant("2026-10-01", "2026-12-01",
                List.of(new Approver("alice", "staff-engineer"), new Approver("dave", "engineering-manager")), ExceptionOrigin.REPO_LOCAL);

        assertThat(noTrustList.trustProblem(local)).singleElement().asString().contains("names no trusted approvers");
        assertThat(noTrustList.trustProblem(grant("2026-10-01", "2026-12-01"))).as("central, no trust list").isEmpty();
        assertThat(trusting.trustProblem(local)).as("names compare case-insensitively").isEmpty();
        assertThat(trusting.trustProblem(localUntrusted)).singleElement().asString()
                .contains("approved by dave, not trusted approvers: a repository cannot approve its own exceptions");
        assertThat(new ExceptionPolicy(Map.of(), 180, Map.of(), List.of(), 14, RepoLocalTrust.ALWAYS).trustProblem(localUntrusted)).isEmpty();
        assertThat(new ExceptionPolicy(Map.of(), 180, Map.of(), List.of("alice", "bob"), 14, RepoLocalTrust.NEVER).trustProblem(local))
                .singleElement().asString().contains("repo-local: never");
    }

    @Test
    void a_central_exception_with_an_untrusted_approver_is_named() {
        ExceptionPolicy trusting = new ExceptionPolicy(Map.of(), 180, Map.of(), List.of("alice"), 14, RepoLocalTrust.TRUSTED);
        assertThat(trusting.trustProblem(grant("2026-10-01", "2026-12-01"))).singleElement().asString()
                .isEqualTo("exception EXC-1 is approved by bob, who is not in the radar's trusted approvers (policy.exceptions.trusted-approvers)");
    }
}
