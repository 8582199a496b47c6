package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Severity;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactAnalyzerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String HEAD = "quadrants: [languages-frameworks, tools, platforms, techniques]\nentries:\n";
    private static ImpactAnalyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void ruleBase() {
        analyzer = new ImpactAnalyzer(PolicyEngine.load(Optional.empty()));
    }

    private static String entry(String id, String ring, String pattern) {
        return "  - id: " + id + "\n    name: " + id + "\n    quadrant: tools\n    ring: " + ring + "\n    rationale: Because.\n"
                + "    match:\n      - maven: \"" + pattern + "\"\n";
    }

    private static Radar radar(String name, String entries) {
        return RadarLoader.parse(name, HEAD + entries);
    }

    private Path repo(String name, String codeowners) throws Exception {
        Path r = dir.resolve(name);
        Files.createDirectories(r.resolve(".github"));
        Files.writeString(r.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.testcontainers</groupId>
                      <artifactId>postgresql</artifactId>
                      <version>1.20.1</version>
                    </dependency>
                    <dependency>
                      <groupId>org.mongodb</groupId>
                      <artifactId>mongodb-driver-sync</artifactId>
                      <version>4.11.1</version>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(name), StandardCharsets.UTF_8);
        if (codeowners != null) {
            Files.writeString(r.resolve(".github/CODEOWNERS"), codeowners, StandardCharsets.UTF_8);
        }
        return r;
    }

    @Test
    void a_trial_entry_moved_to_hold_turns_its_warnings_into_errors() throws Exception {
        Radar current = radar("current.yaml", entry("testcontainers", "trial", "org.testcontainers:*") + entry("mongodb", "adopt", "org.mongodb:*"));
        Radar proposed = radar("proposed.yaml", entry("testcontainers", "hold", "org.testcontainers:*") + entry("mongodb", "adopt", "org.mongodb:*"));
        ImpactReport report = analyzer.analyze(current, proposed,
                List.of(ImpactTarget.folder("payments-api", "", repo("payments-api", "*  @acme/payments\n"))), TODAY, List.of());
        assertThat(report.newErrors()).isEqualTo(1);
        ImpactReport.RepoImpact repo = report.repos().get(0);
        assertThat(repo.team()).isEqualTo("acme/payments");
        assertThat(repo.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FindingChange.Kind.CHANGES_SEVERITY);
            assertThat(c.before().severity()).isEqualTo(Severity.WARNING);
            assertThat(c.after().severity()).isEqualTo(Severity.ERROR);
            assertThat(c.after().line()).isEqualTo(7);
        });
        assertThat(report.radarChanges()).extracting(RadarChange::describe).containsExactly("moved trial -> hold");
    }

    @Test
    void a_new_hold_entry_turns_an_unknown_dependency_into_an_error_and_a_removed_entry_leaves_its_dependency_unknown()
            throws Exception {
        Radar current = radar("current.yaml", entry("testcontainers", "trial", "org.testcontainers:*"));
        Radar proposed = radar("proposed.yaml", entry("mongodb", "hold", "org.mongodb:*"));
        ImpactReport report = analyzer.analyze(current, proposed, List.of(ImpactTarget.folder("ledger", "finance", repo("ledger", null))),
                TODAY, List.of());
        assertThat(report.repos().get(0).changes()).extracting(c -> c.finding().subject(), c -> c.before().ruleId(), c -> c.after().ruleId())
                .containsExactly(tuple("maven|org.testcontainers:postgresql", "RAD-002", "RAD-003"),
                        tuple("maven|org.mongodb:mongodb-driver-sync", "RAD-003", "RAD-001"));
        assertThat(report.newErrors()).isEqualTo(1);
        assertThat(report.repos().get(0).team()).isEqualTo("finance");
    }

    @Test
    void with_unknown_dependencies_switched_off_findings_appear_and_disappear() throws Exception {
        String off = "standards:\n  RAD-003: off\n";
        Radar current = radar("current.yaml", entry("testcontainers", "trial", "org.testcontainers:*") + off);
        Radar proposed = radar("proposed.yaml", entry("mongodb", "hold", "org.mongodb:*") + off);
        ImpactReport report = analyzer.analyze(current, proposed, List.of(ImpactTarget.folder("ledger", "", repo("ledger", null))),
                TODAY, List.of());
        assertThat(report.repos().get(0).changes()).extracting(FindingChange::kind, c -> c.finding().ruleId(), c -> c.finding().severity())
                .containsExactly(tuple(FindingChange.Kind.DISAPPEARS, "RAD-002", Severity.WARNING),
                        tuple(FindingChange.Kind.APPEARS, "RAD-001", Severity.ERROR));
    }

    @Test
    void an_unchanged_radar_changes_nothing() throws Exception {
        Radar current = radar("current.yaml", entry("mongodb", "hold", "org.mongodb:*"));
        ImpactReport report = analyzer.analyze(current, current, List.of(ImpactTarget.folder("ledger", "", repo("ledger", null))), TODAY,
                List.of());
        assertThat(report.affected()).isEmpty();
        assertThat(report.newErrors()).isZero();
    }

    @Test
    void recorded_dependencies_from_an_org_summary_are_judged_under_both_radars() throws Exception {
        OrgSummary summary = OrgSummary.parse("summary.json", """
                {"repos": [
                  {"name": "payments-api", "team": "payments", "dependencies": [
                     {"ecosystem": "maven", "group": "org.mongodb", "name": "mongodb-driver-sync", "version": "4.11.1", "file": "pom.xml", "line": 27}]},
                  {"name": "web", "team": "frontend", "dependencies": [{"ecosystem": "npm", "name": "react", "version": "18.2.0"}]}
                ]}
                """);
        Radar current = radar("current.yaml", entry("mongodb", "trial", "org.mongodb:*"));
        Radar proposed = radar("proposed.yaml", entry("mongodb", "hold", "org.mongodb:*"));
        ImpactReport report = analyzer.analyze(current, proposed, summary.repos().stream().map(ImpactTarget::recorded).toList(), TODAY,
                List.of());
        assertThat(report.method()).isEqualTo("recorded");
        assertThat(report.affected()).extracting(ImpactReport.RepoImpact::repo).containsExactly("payments-api");
        assertThat(report.affected().get(0).changes().get(0).after().file()).isEqualTo("pom.xml");
        assertThat(report.affected().get(0).changes().get(0).after().line()).isEqualTo(27);
    }

    @Test
    void the_markdown_comment_summarises_per_team_and_lists_findings_per_repository() throws Exception {
        Radar current = radar("radar.yaml", entry("testcontainers", "trial", "org.testcontainers:*"));
        Radar proposed = radar("proposed.yaml", entry("testcontainers", "hold", "org.testcontainers:*"));
        ImpactReport report = analyzer.analyze(current, proposed,
                List.of(ImpactTarget.folder("payments-api", "", repo("payments-api", "* @acme/payments\n")),
                        ImpactTarget.folder("ledger", "finance", repo("ledger", null))), TODAY, List.of("billing: not a folder"));
        StringWriter out = new StringWriter();
        ImpactWriter.write(report, "markdown", out);
        assertThat(out.toString())
                .startsWith("<!-- radar-impact -->\n## Radar impact: 2 new errors; 2 of 2 repositories affected\n")
                .contains("**Radar changes:** testcontainers (testcontainers) moved trial \u2192 hold")
                .contains("| acme/payments | 1 | 1 | 0 | 0 |\n")
                .contains("| finance | 1 | 1 | 0 | 0 |\n")
                .contains("| warning \u2192 error | RAD-001 | `pom.xml:7` |")
                .contains("- skipped: billing: not a folder");
    }

    @Test
    void codeowners_gives_the_last_owner_of_the_catch_all_pattern() throws Exception {
        Path r = repo("x", "# owners\n* @acme/old\n/docs @acme/docs\n* @Acme/Payments @someone\n");
        assertThat(ImpactTarget.codeOwner(r)).isEqualTo("acme/payments");
    }
}
