package dev.radar.scan;

import static dev.radar.scan.ScanFixture.TODAY;
import static dev.radar.scan.ScanFixture.engine;
import static dev.radar.scan.ScanFixture.folder;
import static dev.radar.scan.ScanFixture.pom;
import static dev.radar.scan.ScanFixture.read;
import static dev.radar.scan.ScanFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust in the org scan: the organisation's radar, policies and exceptions are the only source of rules, severities
 * and approvals. A scanned repository's own radar.yaml, policies/ folder, {@code .radar/} files or exceptions.yaml
 * change nothing, and its own exceptions count only as the organisation's {@code policy.exceptions} allows.
 */
class OrgScanTrustTest {

    /** The organisation trusts alice and bob; repository files count only when every approver is one of them. */
    static final String ORG_POLICY = "policy:\n  exceptions:\n    trusted-approvers: [alice, bob]\n    repo-local: trusted\n";

    @TempDir
    Path tmp;

    /** A radar.yaml a repository might carry to get its way: log4j-1 moved to adopt, RAD-001 off, a lax exception policy. */
    static final String ROGUE_RADAR = read(ScanFixture.resource("/scan/radar.yaml")).replace("""
                ring: hold
                since: 2024-01-15
                rationale: End of life since 2015.""", """
                ring: adopt
                since: 2024-01-15
                rationale: End of life since 2015.""")
            + "standards:\n  RAD-001: off\n  EXC-006: off\n  EXC-005: off\n"
            + "policy:\n  exceptions:\n    max-days: {hold: 3650, default: 3650}\n    required-approvers: {developer: 1}\n"
            + "    trusted-approvers: []\n    repo-local: always\n";

    /** A DRL that, if it were ever compiled into the scan's rule base, would withdraw every finding. */
    static final String RETRACTING_DRL = """
            package rogue;
            import dev.radar.model.Finding;
            rule "drop every finding"
            when
                $f : Finding()
            then
                delete($f);
            end
            """;

    /** The files a repository adds to try to change its own verdict; every one must be ignored or judged by the org. */
    static Map<String, String> rogueFiles(String name) {
        return Map.ofEntries(
                Map.entry("pom.xml", pom(name, "log4j:log4j:1.2.17")),
                Map.entry("radar.yaml", ROGUE_RADAR),
                Map.entry(".radar/radar.yaml", ROGUE_RADAR),
                Map.entry("policies/retract.drl", RETRACTING_DRL),
                Map.entry(".radar/policies/retract.drl", RETRACTING_DRL),
                // a central-looking file inside the repository: not central, never read
                Map.entry("exceptions.yaml", """
                        exceptions:
                          - id: ROGUE-CENTRAL
                            entry: log4j-1
                            repos: ["*"]
                            reason: we like it
                            adr: docs/adr/1.md
                            approvers: [{name: alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
                            granted: 2026-11-01
                            expires: 2026-12-31
                        """),
                // the repository approves its own exception
                Map.entry(".radar/exceptions.yaml", """
                        exceptions:
                          - id: SELF-APPROVED
                            entry: log4j-1
                            reason: we like it
                            adr: docs/adr/1.md
                            approvers: [{name: mallory, role: staff-engineer}, {name: trent, role: engineering-manager}]
                            granted: 2026-11-01
                            expires: 2026-12-31
                          - id: TRUSTED-BUT-TOO-LONG
                            rule: RAD-001
                            reason: we like it
                            adr: docs/adr/1.md
                            approvers: [{name: alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
                            granted: 2026-11-01
                            expires: 2030-12-31
                          - id: TRUSTED-BUT-ONE-PERSON
                            entry: log4j-1
                            rule: RAD-001
                            reason: we like it
                            adr: docs/adr/1.md
                            approvers: [{name: alice, role: staff-engineer}]
                            granted: 2026-11-01
                            expires: 2026-12-31
                        """));
    }

    private Radar orgRadar(String policy) {
        return RadarLoader.parse("org-radar.yaml", read(ScanFixture.resource("/scan/radar.yaml")) + policy);
    }

    private OrgSummary scan(Path org, Radar radar, Path out) throws IOException {
        ScanRequest request = new ScanRequest(folder(org), out, radar, TODAY, Shard.ALL, 2, 2, false, false, 90,
                ScanConfig.of(radar, engine().sources(), List.of()), List.of());
        return new OrgScan(engine(), null).run(request, ScanListener.NONE).summary();
    }

    @Test
    void a_repository_cannot_move_its_hold_dependency_turn_rules_off_retract_findings_or_approve_its_own_exception()
            throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("rogue"), rogueFiles("rogue"));
        write(org.resolve("plain"), Map.of("pom.xml", pom("plain", "log4j:log4j:1.2.17")));
        Path out = tmp.resolve("out");

        OrgSummary s = scan(org, orgRadar(ORG_POLICY), out);
        RepoResult rogue = new ScanStore(out).readResult("rogue").orElseThrow();

        assertThat(s.repos()).filteredOn(r -> r.name().equals("rogue")).singleElement().satisfies(r -> {
            assertThat(r.compliant()).isFalse();
            assertThat(r.excepted()).isZero();
        });
        assertThat(rogue.findings()).as("the hold is still an open error: no radar.yaml, DRL or standards of the repository applied")
                .anySatisfy(f -> {
                    assertThat(f.ruleId()).isEqualTo("RAD-001");
                    assertThat(f.entryId()).isEqualTo("log4j-1");
                    assertThat(f.severity()).isEqualTo("error");
                    assertThat(f.status()).isEqualTo("open");
                });
        assertThat(rogue.findings()).noneSatisfy(f -> assertThat(f.status()).isNotEqualTo("open"));
        assertThat(rogue.findings()).as("judged by the organisation's policy, at the repository's file and line")
                .filteredOn(f -> f.file().equals(".radar/exceptions.yaml"))
                .extracting(RepoResult.FindingRow::ruleId, f -> f.message().split(" ")[1])
                .contains(tuple("EXC-006", "SELF-APPROVED"),
                        tuple("EXC-003", "TRUSTED-BUT-TOO-LONG"),
                        tuple("EXC-005", "TRUSTED-BUT-ONE-PERSON"));
        assertThat(rogue.findings()).extracting(RepoResult.FindingRow::message).noneMatch(m -> m.contains("ROGUE-CENTRAL"));
        assertThat(s.expiringExceptions()).isEmpty();
        // the repository's files are not part of the configuration: both repositories were judged by one rule base
        assertThat(rogue.config()).isEqualTo(new ScanStore(out).readResult("plain").orElseThrow().config());
        assertThat(s.repos()).filteredOn(r -> r.name().equals("plain")).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo(1));
    }

    @Test
    void a_repository_exception_approved_by_the_organisations_trusted_names_within_the_policy_counts() throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("legit"), Map.of("pom.xml", pom("legit", "log4j:log4j:1.2.17"), ".radar/exceptions.yaml", """
                exceptions:
                  - id: LEGIT-1
                    entry: log4j-1
                    reason: Migration to Log4j 2 planned for Q1
                    adr: docs/adr/7.md
                    approvers: [{name: Alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
                    granted: 2026-11-01
                    expires: 2027-01-15
                """));

        OrgSummary trusted = scan(org, orgRadar(ORG_POLICY), tmp.resolve("trusted"));
        OrgSummary never = scan(org, orgRadar(ORG_POLICY.replace("repo-local: trusted", "repo-local: never")), tmp.resolve("never"));

        assertThat(trusted.repos()).singleElement().satisfies(r -> {
            assertThat(r.compliant()).isTrue();
            assertThat(r.excepted()).isEqualTo(1);
        });
        assertThat(never.repos()).as("the organisation counts no repository exceptions: the same file changes nothing")
                .singleElement().satisfies(r -> {
                    assertThat(r.compliant()).isFalse();
                    assertThat(r.excepted()).isZero();
                });
        RepoResult neverResult = new ScanStore(tmp.resolve("never")).readResult("legit").orElseThrow();
        assertThat(neverResult.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("EXC-006");
            assertThat(f.message()).contains("repo-local: never");
        });
    }

    @Test
    void with_the_default_policy_no_repository_exception_counts_whoever_it_names() throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("rogue"), rogueFiles("rogue"));

        OrgSummary s = scan(org, orgRadar(""), tmp.resolve("out"));

        assertThat(s.repos()).singleElement().satisfies(r -> {
            assertThat(r.compliant()).isFalse();
            assertThat(r.excepted()).isZero();
        });
        assertThat(new ScanStore(tmp.resolve("out")).readResult("rogue").orElseThrow().findings())
                .filteredOn(f -> f.ruleId().equals("EXC-006")).extracting(f -> f.message().split(" ")[1])
                .containsExactlyInAnyOrder("SELF-APPROVED", "TRUSTED-BUT-TOO-LONG", "TRUSTED-BUT-ONE-PERSON");
    }
}
