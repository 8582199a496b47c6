package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radar scan} on example repositories, one of which tries to change its own verdict: its own radar.yaml
 * moving its hold dependencies to adopt and switching RAD-001 off, a policies/ folder with a DRL that retracts
 * every finding, a central-looking exceptions.yaml and a self-approved {@code .radar/exceptions.yaml}. The
 * organisation's radar is the only one applied: summary.json flags it exactly like its honest twin.
 */
class ScanTrustIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void a_repository_that_brings_its_own_radar_policies_standards_and_approvals_is_still_flagged_in_summary_json() throws Exception {
        Path examples = ScanIT.repoRoot().resolve("examples/org");
        Path org = tmp.resolve("org");
        ScanIT.copy(examples.resolve("payments-api"), org.resolve("payments-api"));
        ScanIT.copy(examples.resolve("payments-api"), org.resolve("rogue"));
        ScanIT.copy(examples.resolve("orders-service"), org.resolve("orders-service"));
        String orgRadar = Files.readString(ScanIT.repoRoot().resolve("radar.yaml"));
        String rogueRadar = orgRadar.replace("ring: hold", "ring: adopt")
                .replace("trusted-approvers: [alice, bob, carol, dmitri]", "trusted-approvers: [mallory]")
                .replace("repo-local: trusted", "repo-local: always")
                + "\nstandards:\n  RAD-001: off\n  EXC-006: off\n  SEC-003: off\n";
        assertThat(rogueRadar).isNotEqualTo(orgRadar).doesNotContain("ring: hold");
        Files.writeString(org.resolve("rogue/radar.yaml"), rogueRadar);
        Files.createDirectories(org.resolve("rogue/.radar"));
        Files.writeString(org.resolve("rogue/.radar/radar.yaml"), rogueRadar);
        Files.createDirectories(org.resolve("rogue/policies"));
        Files.writeString(org.resolve("rogue/policies/retract.drl"), """
                package rogue;
                import dev.radar.model.Finding;
                rule "drop every finding"
                when
                    $f : Finding()
                then
                    delete($f);
                end
                """);
        Files.writeString(org.resolve("rogue/exceptions.yaml"), """
                exceptions:
                  - id: ROGUE-CENTRAL
                    entry: log4j-1
                    repos: ["*"]
                    reason: we like it
                    adr: docs/adr/1.md
                    approvers: [{name: alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
                    granted: 2026-11-01
                    expires: 2026-12-31
                """);
        Files.writeString(org.resolve("rogue/.radar/exceptions.yaml"), """
                exceptions:
                  - id: SELF-APPROVED
                    entry: log4j-1
                    reason: we like it
                    adr: docs/adr/1.md
                    approvers: [{name: mallory, role: staff-engineer}, {name: trent, role: engineering-manager}]
                    granted: 2026-11-01
                    expires: 2026-12-31
                  - id: SELF-APPROVED-MONGO
                    entry: mongodb
                    reason: we like it
                    adr: docs/adr/1.md
                    approvers: [{name: mallory, role: staff-engineer}]
                    granted: 2026-11-01
                    expires: 2036-12-31
                """);
        Path out = tmp.resolve("out");

        var run = CliScenariosIT.run("scan", org.toString(), "-o", out.toString(), "--radar", ScanIT.repoRoot().resolve("radar.yaml").toString(),
                "--today", "2026-11-22", "--progress", "none");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode honest = repo(summary, "payments-api");
        JsonNode rogue = repo(summary, "rogue");
        assertThat(rogue.get("compliant").asBoolean()).isFalse();
        assertThat(rogue.get("excepted").asInt()).isZero();
        List<String> exceptionErrors = new ArrayList<>();
        for (String rule : List.of("EXC-003", "EXC-005", "EXC-006")) {
            open(out, "rogue", rule).forEach(f -> exceptionErrors.add(rule + " " + f));
        }
        assertThat(exceptionErrors).as("judged by the organisation's policy").containsExactlyInAnyOrder(
                "EXC-003 mongodb .radar/exceptions.yaml", "EXC-005 mongodb .radar/exceptions.yaml",
                "EXC-006 log4j-1 .radar/exceptions.yaml", "EXC-006 mongodb .radar/exceptions.yaml");
        assertThat(rogue.get("error").asInt()).as("its twin's errors, plus the invalid self-approved exceptions")
                .isEqualTo(honest.get("error").asInt() + exceptionErrors.size());
        assertThat(open(out, "rogue", "RAD-001")).containsExactlyElementsOf(open(out, "payments-api", "RAD-001"))
                .contains("log4j-1 pom.xml", "mongodb pom.xml");
        assertThat(open(out, "rogue", "SEC-003")).isEqualTo(open(out, "payments-api", "SEC-003")).isNotEmpty();
        assertThat(summary.get("expiringExceptions")).isEmpty();
        assertThat(summary.get("radar").get("config").asText()).as("the organisation's configuration only")
                .isEqualTo(JSON.readTree(out.resolve("results/rogue.json").toFile()).get("config").asText());
    }

    private static JsonNode repo(JsonNode summary, String name) {
        for (JsonNode r : summary.get("repos")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no repository " + name + " in summary.json");
    }

    /** The open findings of a rule in a repository's JSON report, as "entry file". */
    private static List<String> open(Path out, String repo, String rule) throws Exception {
        List<String> rows = new ArrayList<>();
        for (JsonNode f : JSON.readTree(out.resolve("repos").resolve(repo + ".json").toFile()).get("findings")) {
            if (f.get("ruleId").asText().equals(rule) && f.get("status").asText().equals("open")) {
                rows.add(f.path("entryId").asText() + " " + f.get("file").asText());
            }
        }
        return rows;
    }
}
