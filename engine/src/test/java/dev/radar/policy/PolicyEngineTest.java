package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEngineTest {

    @Test
    void built_in_rules_carry_complete_metadata() {
        PolicyEngine engine = PolicyEngine.load(Optional.empty());
        assertThat(engine.rules()).containsKeys("RAD-001", "RAD-002", "RAD-003", "RAD-004", "RAD-005", "RAD-010");
        assertThat(engine.rules().values()).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.rationale()).isNotBlank();
            assertThat(r.remediation()).isNotBlank();
            assertThat(r.file()).startsWith("policies/");
        });
    }

    @Test
    void every_built_in_rule_has_a_concern_prefix_and_a_passing_example() {
        PolicyEngine engine = PolicyEngine.load(Optional.empty());
        assertThat(engine.rules().values()).allSatisfy(r -> {
            assertThat(r.concern()).isIn("RAD", "EXC", "API", "OBS", "LOG", "SEC", "HYG");
            assertThat(r.file()).startsWith("policies/" + FOLDERS.get(r.concern()) + "/");
            assertThat(r.example()).as("@example of " + r.id()).isNotBlank();
        });
        assertThat(engine.rules().get("API-002").example()).startsWith("responses:\n  '200': ...\n");
    }

    private static final java.util.Map<String, String> FOLDERS = java.util.Map.of("RAD", "radar", "EXC", "exceptions", "API", "api",
            "OBS", "observability", "LOG", "logging", "SEC", "security", "HYG", "hygiene");

    @Test
    void an_empty_example_is_a_configuration_error(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bare.drl"), """
                package custom;
                import dev.radar.model.Dependency;
                rule "empty example"
                    @id("HYG-902") @severity("info") @title("T") @rationale("R") @remediation("M") @example("  ")
                when
                    Dependency()
                then
                end
                """);
        assertThatThrownBy(() -> PolicyEngine.load(Optional.of(dir)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::message)
                        .containsExactly("rule HYG-902: @example is empty; give a passing example or leave it out"));
    }

    @Test
    void a_drl_compile_error_names_the_file_and_line() throws URISyntaxException {
        Path broken = Path.of(getClass().getResource("/broken-drl").toURI());
        assertThatThrownBy(() -> PolicyEngine.load(Optional.of(broken)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).first().satisfies(p -> {
                    assertThat(p.file()).endsWith("broken-drl/custom/broken.drl");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).startsWith("DRL error");
                }));
    }

    @Test
    void a_rule_without_complete_metadata_is_a_configuration_error(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bare.drl"), """
                package custom;
                import dev.radar.model.Dependency;
                rule "no metadata"
                    @id("HYG-900")
                    @severity("error")
                when
                    Dependency()
                then
                end
                """);
        assertThatThrownBy(() -> PolicyEngine.load(Optional.of(dir)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::message)
                        .containsExactly("rule HYG-900 lacks @title, @rationale, @remediation"));
    }

    @Test
    void a_user_file_with_a_built_in_path_replaces_it_and_other_files_add_rules(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("radar"));
        Files.writeString(dir.resolve("radar/files.drl"), "package policies.radar;\n");
        Files.writeString(dir.resolve("extra.drl"), """
                package custom;
                import dev.radar.model.Dependency;
                global dev.radar.policy.FindingFactory findings;
                rule "snapshot dependency"
                    @id("HYG-901") @severity("warning") @title("Snapshot dependency")
                    @rationale("Snapshots change under you.") @remediation("Pin a release.")
                when
                    $d : Dependency(version.endsWith("-SNAPSHOT"))
                then
                    insert(findings.about(drools, $d, $d.display() + " is a snapshot"));
                end
                """);
        PolicyEngine engine = PolicyEngine.load(Optional.of(dir));
        assertThat(engine.rules()).containsKey("HYG-901").doesNotContainKey("RAD-010");
        assertThat(engine.sources()).extracting(PolicySource::path).contains("radar/rings.drl", "radar/files.drl", "extra.drl");
    }

    @Test
    void facts_from_different_repositories_do_not_meet_in_one_session() {
        PolicyEngine engine = PolicyEngine.load(Optional.empty());
        assertThat(engine.evaluate(List.of(), java.util.Map.of())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void rule_texts_collapse_whitespace_as_the_regex_did() {
        for (String t : java.util.List.of("", " ", "a", "  a  b ", "a\n\t  b\r\nc", "\u000Bx\fy\u000B", "\u0001 a \u0001", "tab\tend\t",
                "line one\n    line two\n", "é  ü", "a\u00A0b")) {
            org.assertj.core.api.Assertions.assertThat(PolicyEngine.collapseWhitespace(t)).as("[%s]", t)
                    .isEqualTo(t.replaceAll("\\s+", " ").trim());
        }
    }

    @Test
    void a_rule_id_has_a_concern_exactly_when_it_looks_like_api_002() {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("([A-Z]+)-[0-9]{3}");
        java.util.Random r = new java.util.Random(4);
        String alphabet = "AZaz-09x ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = r.nextInt(4) == 0 ? "API-" + b : b.toString();
            var m = id.matcher(text);
            assertThat(PolicyEngine.concern(text)).as(text).isEqualTo(m.matches() ? m.group(1) : null);
        }
        assertThat(PolicyEngine.concern("SEC-001")).isEqualTo("SEC");
        assertThat(PolicyEngine.concern("SEC-01")).isNull();
    }

    @Test
    void a_rule_file_mentions_matchers_when_it_names_the_type_in_any_form() {
        assertThat(PolicyEngine.mentionsMatcher("import dev.radar.model.Matcher;")).isTrue();
        assertThat(PolicyEngine.mentionsMatcher("when\n    dev.radar.model.Matcher(ecosystem == $e)\n")).isTrue();
        assertThat(PolicyEngine.mentionsMatcher("    $m : Matcher(exact)")).isTrue();
        assertThat(PolicyEngine.mentionsMatcher("Matcher")).isTrue();
        assertThat(PolicyEngine.mentionsMatcher("$m : LanguageMatcher($l : language)")).isFalse();
        assertThat(PolicyEngine.mentionsMatcher("MatcherX() Matchers() // no type")).isFalse();
    }

    @Test
    void only_the_built_in_matcher_rules_and_no_derived_dependencies_let_a_session_leave_out_other_ecosystems_matchers()
            throws java.io.IOException {
        String rings;
        try (var in = PolicyEngine.class.getClassLoader().getResourceAsStream(PolicyEngine.BUILT_IN_ROOT + "/radar/rings.drl")) {
            rings = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PolicySource builtIn = new PolicySource("radar/rings.drl", "policies/radar/rings.drl", rings);
        assertThat(PolicyEngine.matchersByEcosystem(List.of(builtIn))).isTrue();
        assertThat(PolicyEngine.matchersByEcosystem(List.of(builtIn, new PolicySource("x.drl", "x.drl", "rule r when Dependency() then end"))))
                .isTrue();
        assertThat(PolicyEngine.matchersByEcosystem(List.of(builtIn,
                new PolicySource("x.drl", "x.drl", "rule r when $d : Dependency() then insert(new Dependency(null)); end")))).isFalse();
        assertThat(PolicyEngine.matchersByEcosystem(List.of(builtIn, new PolicySource("x.drl", "x.drl", "rule r when Matcher() then end"))))
                .isFalse();
        assertThat(PolicyEngine.matchersByEcosystem(List.of(new PolicySource("radar/rings.drl", "mine/radar/rings.drl", rings + "\n"))))
                .isFalse();
    }
}
