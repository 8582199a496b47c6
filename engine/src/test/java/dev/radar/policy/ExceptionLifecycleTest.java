package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.ExceptionOrigin;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import dev.radar.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What exceptions do to a check, through the real rule base: which findings end excepted or re-opened, what is
 * reported about the exceptions themselves, and that escalation dates soften hold findings until they apply.
 * The fixtures are the rule fixtures under {@code rules/} (checked on 2026-11-22).
 */
class ExceptionLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Report fixture(String rule, String scenario) throws IOException {
        RuleFixturesTest.load();
        return RuleFixturesTest.report(rule, scenario);
    }

    static Finding only(Report report, String rule) {
        List<Finding> of = report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertThat(of).as("findings of %s in %s", rule, report.findings()).hasSize(1);
        return of.get(0);
    }

    @Test
    void a_live_exception_excepts_its_finding_which_no_longer_fails_the_check() throws IOException {
        Report report = fixture("EXC-008", "pass-covers-a-finding");
        Finding hold = only(report, "RAD-001");
        assertThat(hold.status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(hold.exceptionId()).isEqualTo("EXC-2026-001");
        assertThat(report.failing(Severity.INFO)).noneMatch(f -> f.ruleId().startsWith("RAD-") || f.ruleId().startsWith("EXC-"));
        assertThat(report.excepted()).isEqualTo(1);
    }

    @Test
    void an_expired_exception_reopens_its_finding_and_is_an_error_naming_it_and_its_expiry() throws IOException {
        Report report = fixture("EXC-001", "fail-expired-yesterday");
        Finding hold = only(report, "RAD-001");
        assertThat(hold.status()).isEqualTo(FindingStatus.EXCEPTION_EXPIRED);
        assertThat(hold.exceptionId()).isEqualTo("EXC-2026-001");
        assertThat(hold.counts()).isTrue();
        Finding expired = only(report, "EXC-001");
        assertThat(expired.message()).contains("EXC-2026-001", "expired on 2026-11-21");
        assertThat(expired.file()).isEqualTo(".radar/exceptions.yaml");
        assertThat(expired.line()).isEqualTo(3);
        assertThat(report.failing(Severity.ERROR)).hasSize(2);
    }

    @Test
    void on_its_expiry_date_an_exception_still_excepts_and_warns_that_it_is_the_last_day() throws IOException {
        Report report = fixture("EXC-002", "fail-expires-today");
        assertThat(only(report, "RAD-001").status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(only(report, "EXC-002").message()).contains("expires today (2026-11-22), its last valid day");
    }

    @Test
    void an_expiring_exception_warns_with_the_days_left() throws IOException {
        assertThat(only(fixture("EXC-002", "fail-fourteen-days-left"), "EXC-002").message()).endsWith("expires on 2026-12-06, in 14 days");
    }

    @Test
    void an_invalid_exception_covers_nothing_and_is_not_also_reported_stale() throws IOException {
        for (String[] s : new String[][] {{"EXC-003", "fail-91-days-for-a-hold-entry"}, {"EXC-005", "fail-no-approvers"},
            {"EXC-006", "fail-repository-approves-its-own-exception"}, {"EXC-006", "fail-central-approver-not-trusted"},
            {"EXC-007", "fail-unknown-rule"}, {"EXC-004", "fail-no-adr"}}) {
            Report report = fixture(s[0], s[1]);
            assertThat(only(report, "RAD-001").status()).as(s[1]).isEqualTo(FindingStatus.OPEN);
            assertThat(report.findings()).as(s[1]).noneMatch(f -> f.ruleId().equals("EXC-008") || f.ruleId().equals("EXC-002"));
            assertThat(only(report, s[0]).file()).as(s[1]).isNotEmpty();
        }
    }

    @Test
    void a_live_renewal_wins_over_the_expired_exception_which_becomes_stale() throws IOException {
        Report report = fixture("EXC-001", "pass-renewed-by-a-live-exception");
        Finding hold = only(report, "RAD-001");
        assertThat(hold.status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(hold.exceptionId()).isEqualTo("EXC-2026-002");
        assertThat(only(report, "EXC-008").message()).contains("EXC-2026-001", "expired on 2026-11-21 and covers no finding");
    }

    @Test
    void path_and_version_scopes_decide_what_an_exception_covers() throws IOException {
        Report path = fixture("EXC-008", "pass-path-scope-covers-the-finding");
        assertThat(only(path, "RAD-001").file()).isEqualTo("legacy/pom.xml");
        assertThat(only(path, "RAD-001").status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(only(fixture("EXC-008", "fail-path-scope-matches-no-finding"), "RAD-001").status()).isEqualTo(FindingStatus.OPEN);
        assertThat(only(fixture("EXC-008", "pass-version-scope-covers-the-finding"), "RAD-001").status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(only(fixture("EXC-008", "fail-version-scope-matches-no-finding"), "RAD-001").status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void a_stale_exception_says_which_repository_it_no_longer_applies_to() throws IOException {
        Finding stale = only(fixture("EXC-008", "fail-repository-no-longer-uses-the-entry"), "EXC-008");
        assertThat(stale.severity()).isEqualTo(Severity.INFO);
        assertThat(stale.message()).isEqualTo(
                "exception EXC-2026-001 (mongodb in fail-repository-no-longer-uses-the-entry) covers no finding in fail-repository-no-longer-uses-the-entry");
    }

    @Test
    void central_exceptions_apply_to_the_repositories_their_globs_name(@TempDir Path dir) throws IOException {
        RuleFixturesTest.load();
        Path repo = RuleFixturesTest.root.resolve("RAD-001/fail-hold-by-wildcard");
        var grants = ExceptionLoader.parse("exceptions.yaml", """
                exceptions:
                  - id: EXC-9
                    rule: RAD-001
                    repos: ["payments-*"]
                    reason: r
                    adr: a
                    approvers: [{name: alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
                    granted: 2026-11-01
                    expires: 2026-12-31
                """, ExceptionOrigin.CENTRAL, "");
        Checker checker = new Checker(RuleFixturesTest.engine);
        Report payments = checker.check(new CheckRequest(repo, "payments-api", RuleFixturesTest.radar, TODAY, grants));
        Report ledger = checker.check(new CheckRequest(repo, "ledger", RuleFixturesTest.radar, TODAY, grants));
        assertThat(only(payments, "RAD-001").status()).isEqualTo(FindingStatus.EXCEPTED);
        assertThat(only(ledger, "RAD-001").status()).isEqualTo(FindingStatus.OPEN);
        assertThat(ledger.findings()).as("another repository's exception is none of ledger's business")
                .noneMatch(f -> f.ruleId().startsWith("EXC-"));
    }

    @Test
    void a_broken_repository_exceptions_file_is_reported_like_an_unreadable_file_and_used_for_nothing(@TempDir Path repo)
            throws IOException {
        RuleFixturesTest.load();
        Files.copy(RuleFixturesTest.root.resolve("RAD-001/fail-hold-by-wildcard/pom.xml"), repo.resolve("pom.xml"));
        Files.createDirectories(repo.resolve(".radar"));
        Files.writeString(repo.resolve(".radar/exceptions.yaml"), "exceptions:\n  - id: EXC-1\n    entry: mongodb\n    expires: soon\n");
        Report report = new Checker(RuleFixturesTest.engine).check(new CheckRequest(repo, "svc", RuleFixturesTest.radar, TODAY));
        assertThat(report.incomplete()).isTrue();
        Finding unreadable = only(report, "RAD-010");
        assertThat(unreadable.file()).isEqualTo(".radar/exceptions.yaml");
        assertThat(unreadable.line()).isEqualTo(4);
        assertThat(unreadable.message()).contains("'expires' must be a date like 2026-12-31, not 'soon'");
        assertThat(only(report, "RAD-001").status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void a_hold_is_a_warning_that_names_its_escalation_date_until_the_date_and_an_error_from_it() throws IOException {
        Finding before = only(fixture("RAD-001", "warn-effective-date-tomorrow"), "RAD-001");
        assertThat(before.severity()).isEqualTo(Severity.WARNING);
        assertThat(before.message()).startsWith("org.easymock:easymock 5.2.0 becomes hold on 2026-11-23 in the radar (EasyMock)");
        Finding dayOf = only(fixture("RAD-001", "fail-effective-date-today"), "RAD-001");
        assertThat(dayOf.severity()).isEqualTo(Severity.ERROR);
        assertThat(dayOf.message()).contains("is on hold in the radar").doesNotContain("becomes hold");
        assertThat(only(fixture("RAD-001", "fail-effective-date-yesterday"), "RAD-001").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void a_severity_override_lowers_an_announced_hold_but_never_raises_it() throws IOException {
        RuleFixturesTest.load();
        String text = Files.readString(RuleFixturesTest.root.resolve("radar.yaml"));
        Path repo = RuleFixturesTest.root.resolve("RAD-001/warn-effective-date-tomorrow");
        for (String[] c : new String[][] {{"error", "WARNING"}, {"info", "INFO"}}) {
            Radar radar = RadarLoader.parse("radar.yaml", text + "standards:\n  RAD-001: " + c[0] + "\n");
            Report report = new Checker(RuleFixturesTest.engine).check(new CheckRequest(repo, "svc", radar, TODAY));
            assertThat(only(report, "RAD-001").severity()).as("RAD-001: " + c[0]).isEqualTo(Severity.valueOf(c[1]));
        }
    }

    @Test
    void switching_a_validity_rule_off_drops_that_requirement() throws IOException {
        RuleFixturesTest.load();
        String text = Files.readString(RuleFixturesTest.root.resolve("radar.yaml"));
        Radar radar = RadarLoader.parse("radar.yaml", text + "standards:\n  EXC-004: off\n");
        Report report = new Checker(RuleFixturesTest.engine).check(new CheckRequest(
                RuleFixturesTest.root.resolve("EXC-004/fail-no-adr"), "svc", radar, TODAY));
        assertThat(only(report, "RAD-001").status()).isEqualTo(FindingStatus.EXCEPTED);
    }
}
