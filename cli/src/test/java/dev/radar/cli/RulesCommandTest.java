package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void the_json_rule_list_gives_every_rule_its_concern_metadata_and_a_passing_example() throws Exception {
        var run = CliScenariosIT.run("rules", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        List<String> concerns = new ArrayList<>();
        for (JsonNode rule : root.get("rules")) {
            String id = rule.get("id").asText();
            assertThat(rule.get("concern").asText()).isEqualTo(id.substring(0, id.indexOf('-')));
            for (String field : List.of("severity", "title", "rationale", "remediation", "example", "file")) {
                assertThat(rule.get(field).asText()).as(id + " " + field).isNotBlank();
            }
            concerns.add(rule.get("concern").asText());
        }
        assertThat(concerns).contains("RAD", "API", "OBS", "LOG", "SEC", "HYG");
    }

    @Test
    void the_table_lists_id_severity_concern_and_title() {
        var run = CliScenariosIT.run("rules");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("ID        SEVERITY  CONCERN  TITLE")
                .contains("API-002   error     API      Operation documents no 4xx or 5xx response")
                .contains("HYG-004   info      HYG      Service has no ADR folder");
    }

    @Test
    void explaining_an_unknown_rule_is_a_usage_error() {
        var run = CliScenariosIT.run("explain", "API-999");
        assertThat(run.exit()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(run.err()).contains("no rule API-999; 'radar rules' lists them");
    }
}
