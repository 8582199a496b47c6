package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI gate from the command line: several reports from one run, the step summary, and adopting with a baseline. */
class CiGateIT {

    static Path scenario(String name) throws Exception {
        return CliScenariosIT.root().resolve(name);
    }

    @Test
    void one_run_writes_annotations_sarif_json_and_appends_the_step_summary(@TempDir Path out) throws Exception {
        Path repo = scenario("hold-listed-dependency-fails").resolve("repo");
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, "## earlier step\n");
        var run = CliScenariosIT.run("check", repo.toString(), "--radar", CliScenariosIT.root().resolve("radar.yaml").toString(),
                "--today", "2026-11-22", "--format", "github", "--report", "sarif=" + out.resolve("radar.sarif"),
                "--report", "json=" + out.resolve("radar.json"), "--step-summary", summary.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run.out()).startsWith("::error file=pom.xml,line=7,");
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("radar.sarif").toFile());
        JsonNode hold = null;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (result.path("ruleId").asText().equals("RAD-001")) {
                hold = result;
            }
        }
        assertThat(hold).as("the SARIF report has the RAD-001 result").isNotNull();
        assertThat(hold.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
        assertThat(hold.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("pom.xml");
        JsonNode json = new ObjectMapper().readTree(out.resolve("radar.json").toFile());
        assertThat(json.at("/findings").findValuesAsText("ruleId")).contains("RAD-001", "HYG-001");
        assertThat(Files.readString(summary)).startsWith("## earlier step\n### :x: radar check of repo: 1 error")
                .contains("| error | RAD-001 | `pom.xml:7` |");
    }

    @Test
    void a_report_option_without_a_file_or_with_an_unknown_format_is_a_usage_error() throws Exception {
        Path repo = scenario("hold-listed-dependency-fails").resolve("repo");
        var noFile = CliScenariosIT.run("check", repo.toString(), "--report", "sarif");
        assertThat(noFile.exit()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(noFile.err()).contains("--report sarif: use FORMAT=FILE");
        var unknown = CliScenariosIT.run("check", repo.toString(), "--report", "pdf=x.pdf");
        assertThat(unknown.exit()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(unknown.err()).contains("--report pdf=x.pdf: unknown format");
    }

    @Test
    void an_output_that_cannot_be_written_is_one_clear_line_and_exit_2(@TempDir Path out) throws Exception {
        Path repo = scenario("hold-listed-dependency-fails").resolve("repo");
        Path notAFolder = out.resolve("report.json");
        Files.writeString(notAFolder, "{\"earlier\": true}");
        var run = CliScenariosIT.run("check", repo.toString(), "--radar", CliScenariosIT.root().resolve("radar.yaml").toString(),
                "--format", "json", "--output", notAFolder.resolve("radar.json").toString());
        assertThat(run.exit()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(run.err()).startsWith("radar: cannot write " + notAFolder.resolve("radar.json"))
                .contains("a file is in the way of a folder: " + notAFolder).doesNotContain("internal error", "Exception");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.readString(notAFolder)).isEqualTo("{\"earlier\": true}");
    }

    @Test
    void a_legacy_repository_adopts_the_gate_with_its_own_report_as_baseline(@TempDir Path out) throws Exception {
        Path repo = scenario("baseline-fails-on-a-new-finding").resolve("repo");
        String radar = CliScenariosIT.root().resolve("radar.yaml").toString();
        Path baseline = out.resolve("baseline.json");
        var first = CliScenariosIT.run("check", repo.toString(), "--radar", radar, "--format", "json", "--output", baseline.toString());
        assertThat(first.exit()).isEqualTo(ExitCode.FINDINGS.code());
        var adopted = CliScenariosIT.run("check", repo.toString(), "--radar", radar, "--baseline", baseline.toString());
        assertThat(adopted.exit()).isEqualTo(ExitCode.COMPLIANT.code());
        assertThat(adopted.out()).contains("2 errors"); // the report still lists them
        assertThat(adopted.err()).contains("2 of 2 findings at or above --fail-on are in the baseline");
    }
}
