package dev.radar.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.radar.model.FileProblem;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract test for every report writer: each scenario renders to a golden file per format
 * ({@code src/test/resources/golden/<scenario>.<format>}). Run with {@code -Dgolden.update=true} to rewrite
 * them after a deliberate change, then review the diff.
 */
class ReportWritersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<RuleInfo> RULES = List.of(
            new RuleInfo("RAD-001", Severity.ERROR, "Dependency on a hold entry", "Hold means stop.", "Replace it.", "RAD",
                    "policies/radar/rings.drl", "dependency on a hold entry"),
            new RuleInfo("RAD-003", Severity.INFO, "Dependency not on the radar", "Unknown technology.", "Propose an entry.", "RAD",
                    "policies/radar/rings.drl", "direct dependency on no radar entry"),
            new RuleInfo("RAD-004", Severity.ERROR, "Language on hold", "No support.", "Port it.", "RAD", "policies/radar/rings.drl",
                    "language on hold"),
            new RuleInfo("RAD-010", Severity.WARNING, "File could not be read", "Hidden dependencies.", "Fix the file.", "RAD",
                    "policies/radar/files.drl", "file could not be read"));

    static Map<String, Report> scenarios() {
        Report empty = Report.of("empty-repo", TODAY, "radar.yaml", List.of(), RULES, 0, List.of());
        Report several = Report.of("shop", TODAY, "radar.yaml", List.of(
                finding("RAD-003", Severity.INFO, "services/api/pom.xml", 30, "com.example:lib 1.0 is not on the radar", "", "maven|com.example:lib",
                        FindingStatus.OPEN, ""),
                finding("RAD-001", Severity.ERROR, "services/api/pom.xml", 12,
                        "org.mongodb:mongodb-driver-sync 4.11.1 is on hold in the radar (MongoDB): One stack.",
                        "Replace it with PostgreSQL (postgres).", "maven|org.mongodb:mongodb-driver-sync", FindingStatus.OPEN, ""),
                finding("RAD-001", Severity.ERROR, "legacy app/pom.xml", 8, "log4j:log4j 1.2.17 is on hold in the radar (Log4j 1.x): EOL.",
                        "Replace it with Log4j 2 (log4j-2).", "maven|log4j:log4j", FindingStatus.EXCEPTED, "EXC-2026-014"),
                finding("RAD-004", Severity.ERROR, "web/index.php", 0, "1 php file(s) found, and PHP is on hold in the radar: No support.",
                        "Move this code to Kotlin (kotlin).", "language|php", FindingStatus.OPEN, "")),
                RULES, 17, List.of());
        Report incomplete = Report.of("broken", TODAY, "radar.yaml", List.of(
                finding("RAD-010", Severity.WARNING, "pom.xml", 4, "POM is not well-formed XML: expected end tag", "Fix the file.",
                        "unreadable|pom.xml", FindingStatus.OPEN, "")),
                RULES, 0, List.of(new FileProblem("broken", "pom.xml", 4, "POM is not well-formed XML: expected end tag")));
        List<RuleInfo> withExceptionRules = new java.util.ArrayList<>(RULES);
        withExceptionRules.add(new RuleInfo("EXC-001", Severity.ERROR, "Expired exception", "Expired means expired.",
                "Fix the findings or renew.", "EXC", "policies/exceptions/lifecycle.drl", "expired exception"));
        withExceptionRules.add(new RuleInfo("EXC-008", Severity.INFO, "Stale exception", "Debt in the books only.",
                "Delete the exception.", "EXC", "policies/exceptions/lifecycle.drl", "stale exception"));
        Report exceptions = Report.of("payments-api", TODAY, "radar.yaml", List.of(
                finding("RAD-001", Severity.ERROR, "pom.xml", 27, "org.mongodb:mongodb-driver-sync 4.11.1 is on hold in the radar (MongoDB): One stack.",
                        "Replace it with PostgreSQL (postgres).", "maven|org.mongodb:mongodb-driver-sync", FindingStatus.EXCEPTED, "EXC-2026-014"),
                finding("RAD-001", Severity.ERROR, "pom.xml", 32, "log4j:log4j 1.2.17 is on hold in the radar (Log4j 1.x): EOL.",
                        "Replace it with Log4j 2 (log4j-2).", "maven|log4j:log4j", FindingStatus.EXCEPTION_EXPIRED, "EXC-2026-011"),
                finding("EXC-001", Severity.ERROR, "exceptions.yaml", 26,
                        "exception EXC-2026-011 (log4j-1 in payments-api) expired on 2026-10-31: the findings it covered count again",
                        "Fix the findings or renew.", "exception|EXC-2026-011", FindingStatus.OPEN, ""),
                finding("EXC-008", Severity.INFO, "exceptions.yaml", 77,
                        "exception EXC-2026-009 (mongodb in ledger-service) covers no finding in payments-api", "Delete the exception.",
                        "exception|EXC-2026-009", FindingStatus.OPEN, "")),
                withExceptionRules, 8, List.of());
        List<Finding> lots = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            lots.add(finding("RAD-001", Severity.ERROR, "pom.xml", 10 + i, "com.example:legacy-" + i + " 1.0 is on hold in the radar (Legacy): Old.",
                    "Replace it with New (new).", "maven|com.example:legacy-" + i, FindingStatus.OPEN, ""));
        }
        for (int i = 1; i <= 11; i++) {
            lots.add(finding("RAD-002", Severity.WARNING, "app/build.gradle", i, "com.example:trial-" + i + " 0.9 is in trial (Trial): New, 100% \"fun\"",
                    "", "gradle|com.example:trial-" + i, i == 1 ? FindingStatus.EXCEPTION_EXPIRED : FindingStatus.OPEN, i == 1 ? "EXC-2026-001" : ""));
        }
        lots.add(finding("RAD-003", Severity.INFO, "web/package.json", 0, "left-pad <1.3> is not on the radar", "", "npm|left-pad",
                FindingStatus.OPEN, ""));
        Report many = Report.of("monolith", TODAY, "radar.yaml", lots, RULES, 40, List.of());
        return Map.of("empty", empty, "several", several, "incomplete", incomplete, "exceptions", exceptions, "many", many);
    }

    private static Finding finding(String rule, Severity severity, String file, int line, String message, String remediation,
            String subject, FindingStatus status, String exception) {
        return new Finding(rule, severity, "shop", file, line, message, remediation, subject.startsWith("maven|org.mongodb") ? "mongodb" : "",
                subject, "", status, exception);
    }

    static Stream<Arguments> cases() {
        return scenarios().keySet().stream().sorted().flatMap(s -> ReportFormats.all().stream().map(w -> Arguments.of(s, w.name())));
    }

    static String render(ReportWriter writer, Report report) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(report, out);
        return out.toString().replace("\r\n", "\n").replace("\"version\" : \"" + Tool.version() + "\"", "\"version\" : \"VERSION\"");
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("cases")
    void writer_output_matches_its_golden_file(String scenario, String format) throws IOException {
        ReportWriter writer = ReportFormats.byName(format).orElseThrow();
        String actual = render(writer, scenarios().get(scenario));
        Path golden = Path.of("src/test/resources/golden", scenario + "." + format);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sarifScenarios")
    void sarif_validates_against_the_official_schema(String scenario) throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema on the test class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode sarif = new ObjectMapper().readTree(render(new SarifWriter(), scenarios().get(scenario)));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            assertThat(result.at("/partialFingerprints/" + SarifWriter.FINGERPRINT_KEY.replace("/", "~1")).asText()).hasSize(16);
            for (JsonNode loc : result.path("locations")) {
                assertThat(loc.at("/physicalLocation/artifactLocation/uri").asText()).doesNotStartWith("/").doesNotContain("file:");
                JsonNode region = loc.at("/physicalLocation/region");
                if (!region.isMissingNode()) {
                    assertThat(region.path("startLine").asInt()).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    static Stream<String> sarifScenarios() {
        return scenarios().keySet().stream().sorted();
    }

    @Test
    void sarif_leaves_out_excepted_findings_and_json_keeps_them() throws IOException {
        Report several = scenarios().get("several");
        JsonNode sarif = new ObjectMapper().readTree(render(new SarifWriter(), several));
        JsonNode json = new ObjectMapper().readTree(render(new JsonWriter(), several));
        assertThat(sarif.at("/runs/0/results")).hasSize(3);
        assertThat(json.at("/findings")).hasSize(4);
        assertThat(json.at("/findings").findValuesAsText("exceptionId")).containsExactly("EXC-2026-014");
        assertThat(json.at("/schemaVersion").asInt()).isEqualTo(Report.SCHEMA_VERSION);
    }

    @Test
    void an_expired_exception_keeps_its_finding_in_sarif_and_the_exception_id_in_json() throws IOException {
        Report report = scenarios().get("exceptions");
        JsonNode sarif = new ObjectMapper().readTree(render(new SarifWriter(), report));
        JsonNode json = new ObjectMapper().readTree(render(new JsonWriter(), report));
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).containsExactly("EXC-001", "EXC-008", "RAD-001");
        assertThat(json.at("/findings").findValuesAsText("status")).containsExactly("open", "open", "excepted", "exception-expired");
        assertThat(json.at("/findings").findValuesAsText("exceptionId")).containsExactly("EXC-2026-014", "EXC-2026-011");
        assertThat(json.at("/summary/excepted").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/error").asInt()).as("the re-opened finding and the expiry count").isEqualTo(2);
    }

    @Test
    void fingerprints_are_stable_when_lines_move() {
        Finding at12 = finding("RAD-001", Severity.ERROR, "pom.xml", 12, "m", "", "maven|a:b", FindingStatus.OPEN, "");
        Finding at40 = finding("RAD-001", Severity.ERROR, "pom.xml", 40, "m", "", "maven|a:b", FindingStatus.OPEN, "");
        String first = Report.of("r", TODAY, "x", List.of(at12), RULES, 1, List.of()).findings().get(0).fingerprint();
        String moved = Report.of("r", TODAY, "x", List.of(at40), RULES, 1, List.of()).findings().get(0).fingerprint();
        assertThat(moved).isEqualTo(first);
        List<Finding> twice = Report.of("r", TODAY, "x", List.of(at12, at40), RULES, 2, List.of()).findings();
        assertThat(twice).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }
}
