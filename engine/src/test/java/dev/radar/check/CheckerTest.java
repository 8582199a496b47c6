package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.Finding;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Checker} with a rule base that is asked for only when the collected facts are judged. */
class CheckerTest {
    static PolicyEngine engine;
    static Radar radar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        HostileRepoTest.load(); // the same rule base, radar and repository helpers
        engine = HostileRepoTest.engine;
        radar = HostileRepoTest.radar;
    }

    Path repo() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("svc"));
        HostileRepoTest.write(repo.resolve("pom.xml"), HostileRepoTest.pom("<version>1.0</version>", "log4j", "log4j", "1.2.17"));
        return repo;
    }

    @Test
    void a_rule_base_given_later_judges_like_one_given_up_front_and_is_asked_for_once() throws IOException {
        Path repo = repo();
        List<String> asked = new ArrayList<>();
        Supplier<PolicyEngine> later = () -> {
            asked.add("asked");
            return engine;
        };
        Checker lazy = new Checker(later);
        CheckRequest request = new CheckRequest(repo, "svc", radar, LocalDate.of(2026, 11, 22));
        Report first = lazy.check(request);
        Report second = lazy.check(request);
        Report upFront = new Checker(engine).check(request);

        assertThat(first).isEqualTo(upFront);
        assertThat(second).isEqualTo(upFront);
        assertThat(first.findings()).extracting(Finding::ruleId).contains("RAD-001");
        assertThat(asked).hasSize(1);
    }

    @Test
    void a_session_gets_the_matchers_of_its_dependency_ecosystems_unless_a_user_rule_reads_matchers() throws IOException {
        Radar twoEcosystems = dev.radar.radar.RadarLoader.parse("radar.yaml", """
                title: T
                quadrants: [tools]
                entries:
                  - id: log4j1
                    name: Log4j 1
                    quadrant: tools
                    ring: hold
                    since: 2024-01-01
                    rationale: End of life.
                    match:
                      - maven: "log4j:log4j"
                  - id: left-pad
                    name: left-pad
                    quadrant: tools
                    ring: hold
                    since: 2024-01-01
                    rationale: Unpublished once.
                    match:
                      - npm: "left-pad"
                """);
        Path policies = Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(policies.resolve("matchers.drl"), """
                package custom;
                import dev.radar.model.CheckScope;
                import dev.radar.model.Ecosystem;
                import dev.radar.model.Matcher;
                global dev.radar.policy.FindingFactory findings;
                rule "the radar matches npm packages"
                    @id("HYG-903") @severity("info") @title("Radar matches npm") @rationale("R") @remediation("M")
                when
                    CheckScope($r : repo)
                    Matcher(ecosystem == Ecosystem.NPM, $p : pattern)
                then
                    insert(findings.at(drools, $r, "", 0, "the radar matches npm " + $p, "", "", $p));
                end
                """);
        PolicyEngine withUserRule = PolicyEngine.load(java.util.Optional.of(policies));
        CheckRequest request = new CheckRequest(repo(), "svc", twoEcosystems, LocalDate.of(2026, 11, 22));

        assertThat(engine.needsOnlyMatchersOfDependencyEcosystems()).isTrue();
        assertThat(withUserRule.needsOnlyMatchersOfDependencyEcosystems()).isFalse();
        // the Maven-only repository is judged alike by both, and the user rule still sees the radar's npm matcher
        assertThat(new Checker(engine).check(request).findings()).extracting(Finding::ruleId).contains("RAD-001")
                .doesNotContain("HYG-903");
        assertThat(new Checker(withUserRule).check(request).findings()).extracting(Finding::ruleId, Finding::message)
                .contains(org.assertj.core.api.Assertions.tuple("HYG-903", "the radar matches npm left-pad"));
    }

    @Test
    void the_rule_base_is_not_asked_for_when_the_repository_cannot_be_collected() {
        List<String> asked = new ArrayList<>();
        Checker lazy = new Checker(() -> {
            asked.add("asked");
            return engine;
        });
        CheckRequest request = new CheckRequest(tmp.resolve("missing"), "svc", radar, LocalDate.of(2026, 11, 22));

        assertThatThrownBy(() -> lazy.check(request)).isInstanceOf(IOException.class);
        assertThat(asked).isEmpty();
    }
}
