package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.Finding;
import dev.radar.model.Severity;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import dev.radar.report.Report;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code rules/<RULE-ID>/<scenario>/}: a {@code fail-*} scenario must produce a
 * finding of that rule at the rule's severity, a {@code warn-*} scenario one at warning (a hold announced before
 * its escalation date), a {@code pass-*} scenario none. Every rule of the built-in rule base has a pass and a fail.
 * A scenario's repository may carry its own {@code .radar/exceptions.yaml}; a file {@code <scenario>.exceptions.yaml}
 * next to the scenario is loaded as the central exceptions file.
 */
class RuleFixturesTest {

    static PolicyEngine engine;
    static Radar radar;
    static Path root;

    @BeforeAll
    static synchronized void load() {
        if (engine != null) {
            return;
        }
        engine = PolicyEngine.load(Optional.empty());
        try {
            root = Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        radar = RadarLoader.load(root.resolve("radar.yaml"));
    }

    static Stream<Arguments> scenarios() throws IOException, URISyntaxException {
        Path base = Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
        try (Stream<Path> rules = Files.list(base)) {
            return rules.filter(Files::isDirectory).sorted().toList().stream().flatMap(rule -> {
                try (Stream<Path> s = Files.list(rule)) {
                    return s.filter(Files::isDirectory).sorted().toList().stream()
                            .map(dir -> Arguments.of(rule.getFileName().toString(), dir.getFileName().toString()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static List<Finding> check(String rule, String scenario) throws IOException {
        return report(rule, scenario).findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** The whole report of a scenario, with its central exceptions file when it has one. */
    static Report report(String rule, String scenario) throws IOException {
        Path dir = root.resolve(rule).resolve(scenario);
        Path central = root.resolve(rule).resolve(scenario + ".exceptions.yaml");
        List<ExceptionGrant> grants = Files.isRegularFile(central) ? ExceptionLoader.load(central) : List.of();
        return new Checker(engine).check(new CheckRequest(dir, scenario, radar, LocalDate.of(2026, 11, 22), grants));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void fixture_produces_the_expected_outcome(String rule, String scenario) throws IOException {
        List<Finding> findings = check(rule, scenario);
        if (scenario.startsWith("fail") || scenario.startsWith("warn")) {
            Severity expected = scenario.startsWith("warn") ? Severity.WARNING : engine.rules().get(rule).severity();
            assertThat(findings).as("findings of %s in %s", rule, scenario).isNotEmpty();
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(expected);
                assertThat(f.file()).isNotEmpty();
            });
        } else {
            assertThat(findings).as("findings of %s in %s", rule, scenario).isEmpty();
        }
    }

    @Test
    void every_rule_has_a_passing_and_a_failing_fixture() throws IOException {
        for (String id : engine.rules().keySet()) {
            Path dir = root.resolve(id);
            assertThat(dir).as("fixtures for " + id).isDirectory();
            try (Stream<Path> s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                assertThat(names).as("scenarios of " + id).anyMatch(n -> n.startsWith("pass")).anyMatch(n -> n.startsWith("fail"));
            }
        }
    }

    @Test
    void hold_finding_names_the_entry_its_rationale_and_its_replacement() throws IOException {
        Finding f = check("RAD-001", "fail-hold-by-wildcard").get(0);
        assertThat(f.message()).contains("org.mongodb:mongodb-driver-sync 4.11.1", "MongoDB",
                "Postgres covers our document needs with one operational stack.");
        assertThat(f.remediation()).isEqualTo("Replace it with PostgreSQL (postgres).");
        assertThat(f.entryId()).isEqualTo("mongodb");
        assertThat(f.file()).isEqualTo("pom.xml");
        assertThat(f.line()).isEqualTo(7);
    }

    @Test
    void a_version_range_decides_between_hold_and_adopt() throws IOException {
        assertThat(check("RAD-001", "fail-version-in-hold-range")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("log4j-core 2.14.1", "Log4j 1.x"));
        assertThat(check("RAD-003", "pass-known-coordinate-with-unknown-version")).isEmpty();
    }

    @Test
    void a_rule_switched_off_in_the_radar_produces_nothing() throws IOException {
        Radar quiet = RadarLoader.parse("radar.yaml", Files.readString(root.resolve("radar.yaml")) + "standards:\n  RAD-003: off\n  RAD-001: warning\n");
        Path dir = root.resolve("RAD-003/fail-unknown");
        Report report = new Checker(engine).check(new CheckRequest(dir, "x", quiet, LocalDate.of(2026, 11, 22)));
        assertThat(report.findings()).noneMatch(f -> f.ruleId().equals("RAD-003"));
        Report hold = new Checker(engine).check(new CheckRequest(root.resolve("RAD-001/fail-hold-by-wildcard"), "x", quiet,
                LocalDate.of(2026, 11, 22)));
        assertThat(hold.findings()).filteredOn(f -> f.ruleId().equals("RAD-001")).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("warning"));
    }
}
