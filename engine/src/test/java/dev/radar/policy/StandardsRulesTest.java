package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.model.Finding;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import dev.radar.report.Report;
import dev.radar.report.ReportFormats;
import dev.radar.report.ReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standards rules as a user of radar.yaml sees them: severities overridden per rule for every concern,
 * services told apart from libraries (and overridden per repository), and secrets that never reach a report.
 */
class StandardsRulesTest {

    static PolicyEngine engine;
    static Path root;
    static String radarText;

    @BeforeAll
    static void load() throws URISyntaxException, IOException {
        engine = PolicyEngine.load(Optional.empty());
        root = Path.of(StandardsRulesTest.class.getResource("/rules").toURI());
        radarText = Files.readString(root.resolve("radar.yaml"));
    }

    static Report check(String fixture, String repo, String radarExtra) throws IOException {
        Radar radar = RadarLoader.parse("radar.yaml", radarText + radarExtra);
        return new Checker(engine).check(new CheckRequest(root.resolve(fixture), repo, radar, LocalDate.of(2026, 11, 22)));
    }

    static List<Finding> of(Report report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "API-002, API-002/fail-only-success-documented,           warning",
        "API-003, API-003/fail-error-body-is-plain-json,          off",
        "OBS-001, OBS-001/fail-dockerfile-service-without-health, warning",
        "LOG-001, LOG-001/fail-service-without-logging-setup,     off",
        "SEC-003, SEC-003/fail-literal-password-in-prod-profile,  warning",
        "SEC-005, SEC-005/fail-no-scanning,                       off",
        "HYG-004, HYG-004/fail-service-without-adr,               off",
        "HYG-001, HYG-001/fail-no-readme,                         error",
    })
    void the_standards_section_of_the_radar_sets_a_rules_severity_or_switches_it_off(String rule, String fixture, String severity)
            throws IOException {
        assertThat(of(check(fixture, "x", ""), rule)).as("without override").isNotEmpty();
        List<Finding> findings = of(check(fixture, "x", "standards:\n  " + rule + ": " + severity + "\n"), rule);
        if (severity.equals("off")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.severity().id()).isEqualTo(severity));
        }
    }

    @Test
    void a_library_is_never_asked_for_health_metrics_logs_adrs_or_coverage() throws IOException {
        Report report = check("OBS-001/pass-library-is-not-asked", "orders-lib", "");
        assertThat(report.findings()).extracting(Finding::ruleId)
                .noneMatch(id -> id.startsWith("OBS-") || id.startsWith("LOG-") || id.equals("HYG-004") || id.equals("HYG-006"))
                .contains("HYG-001"); // the general hygiene rules still apply
    }

    @Test
    void a_repository_set_to_library_in_the_radar_is_not_asked_for_a_health_endpoint_despite_its_dockerfile() throws IOException {
        String fixture = "OBS-001/pass-dockerfile-but-library-in-radar";
        assertThat(of(check(fixture, "pass-dockerfile-but-library-in-radar", ""), "OBS-001")).isEmpty();
        assertThat(of(check(fixture, "some-other-name", ""), "OBS-001")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("service (it builds an image from Dockerfile)"));
    }

    @Test
    void a_repository_set_to_service_in_the_radar_is_held_to_the_service_standards() throws IOException {
        Report report = check("HYG-001/fail-no-readme", "edge-proxy", "  edge-proxy:\n    kind: service\n"); // extends the fixture radar's repos
        assertThat(of(report, "OBS-001")).singleElement().satisfies(f -> assertThat(f.message()).contains("set in radar.yaml"));
        assertThat(of(report, "HYG-004")).hasSize(1);
    }

    @Test
    void an_operation_with_several_error_responses_without_problem_json_is_one_finding_that_names_them_all() throws IOException {
        // RealWorld's Conduit API: 401 with an empty content map and 422 as application/json, keys written as integers
        Report report = check("API-003/fail-several-error-bodies-without-problem-json", "conduit", "");
        assertThat(of(report, "API-003")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("POST /users/login: error responses without an application/problem+json body: 401, 422"));
    }

    @ParameterizedTest(name = "{0} never shows {1}")
    @CsvSource({"SEC-002/fail-aws-access-key-in-application-yml, AKIAIOSFODNN7EXAMPLE, AKIA****************",
        "SEC-003/fail-literal-password-in-prod-profile, hunter2, *******"})
    void a_secret_is_masked_in_every_report_format(String fixture, String secret, String masked) throws IOException {
        Report report = check(fixture, "x", "");
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.message()).endsWith(": " + masked));
        for (ReportWriter writer : ReportFormats.all()) {
            StringWriter out = new StringWriter();
            writer.write(report, out);
            assertThat(out.toString()).as(writer.name()).doesNotContain(secret);
        }
    }
}
