package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.radar.RadarLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The org scan's summary.json and a repos.yaml, as governance tools read them. */
class OrgInputsTest {
    @TempDir
    Path dir;

    @Test
    void malformed_summary_json_is_reported_at_its_line_and_column() {
        assertThatThrownBy(() -> OrgSummary.parse("summary.json", "{\n  \"repos\": [\n    {\"name\": \"a\",}\n  ]\n}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("summary.json:3:18: not valid JSON: ");
    }

    @Test
    void a_dependency_with_an_unknown_ecosystem_names_its_repository() {
        assertThatThrownBy(() -> OrgSummary.parse("summary.json", "{\"repos\": [{\"name\": \"web\", \"dependencies\": [{\"ecosystem\": \"nuget\", \"name\": \"x\"}]}]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("repos[0] (web): a dependency needs a known 'ecosystem'");
    }

    @Test
    void usage_counts_recorded_dependencies_languages_and_precomputed_usage() {
        var radar = RadarLoader.parse("radar.yaml", """
                quadrants: [tools]
                entries:
                  - {id: mongodb, name: MongoDB, quadrant: tools, ring: hold, rationale: r, match: [{maven: "org.mongodb:*"}]}
                  - {id: php, name: PHP, quadrant: tools, ring: hold, rationale: r, match: [{language: php}]}
                  - {id: kafka, name: Kafka, quadrant: tools, ring: adopt, rationale: r}
                """);
        var summary = OrgSummary.parse("summary.json", """
                {"repos": [
                   {"name": "a", "dependencies": [{"ecosystem": "maven", "coordinate": "org.mongodb:bson", "version": "4.0"}], "languages": ["PHP"]},
                   {"name": "b", "dependencies": [{"ecosystem": "maven", "group": "org.mongodb", "name": "mongodb-driver-sync"}]}],
                 "usage": {"kafka": 3, "unknown-entry": ["x"]}}
                """);
        var usage = RadarUsage.of(radar, summary);
        assertThat(usage.get("mongodb")).containsExactly("a", "b");
        assertThat(usage.get("php")).containsExactly("a");
        assertThat(usage.get("kafka")).hasSize(3);
        assertThat(usage).doesNotContainKey("unknown-entry");
    }

    @Test
    void repos_yaml_gives_local_folders_and_skips_remote_repositories_with_a_reason() throws Exception {
        Files.createDirectories(dir.resolve("clones/payments-api"));
        Path file = dir.resolve("repos.yaml");
        Files.writeString(file, """
                repos:
                  - name: payments-api
                    path: clones/payments-api
                    team: payments
                  - url: https://github.com/acme/ledger.git
                  - name: gone
                    path: clones/gone
                """, StandardCharsets.UTF_8);
        RepoList list = RepoList.read(file);
        assertThat(list.targets()).extracting(ImpactTarget::repo, ImpactTarget::team)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-api", "payments"));
        assertThat(list.skipped()).hasSize(2);
        assertThat(list.skipped().get(0)).startsWith("ledger (https://github.com/acme/ledger.git): impact reads local folders only");
        assertThat(list.skipped().get(1)).startsWith("gone: ").endsWith("is not a folder");
    }

    @Test
    void exception_references_tolerate_unknown_keys_and_report_yaml_errors_with_positions() {
        ExceptionRefs refs = ExceptionRefs.parse("exceptions.yaml", """
                exceptions:
                  - id: EXC-1
                    entry: mongodb
                    approvers: [{name: alice, role: staff-engineer}]
                    anything: goes
                """);
        assertThat(refs.refs()).singleElement().satisfies(r -> {
            assertThat(r.entry()).isEqualTo("mongodb");
            assertThat(r.entryLine()).isEqualTo(3);
            assertThat(r.rule()).isEmpty();
        });
        assertThat(ExceptionRefs.parse("exceptions.yaml", "exceptions: [\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("exceptions.yaml:2:1: not valid YAML"));
    }
}
