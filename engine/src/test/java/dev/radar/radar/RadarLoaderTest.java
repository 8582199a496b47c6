package dev.radar.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Ecosystem;
import dev.radar.model.Ring;
import dev.radar.model.Severity;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RadarLoaderTest {

    private static final String HEAD = "quadrants: [languages-frameworks, tools, platforms, techniques]\nentries:\n";

    private static final String VALID = HEAD + """
              - id: log4j-1
                name: Log4j 1.x
                quadrant: languages-frameworks
                ring: hold
                since: 2024-01-15
                rationale: End of life since 2015, unpatched CVEs.
                replacement: log4j-2
                match:
                  - maven: "log4j:log4j"
                  - maven: "org.apache.logging.log4j:log4j-core"
                    versions: "[2.0,2.17.1)"
              - id: log4j-2
                name: Log4j 2
                quadrant: languages-frameworks
                ring: adopt
                rationale: Maintained.
                match:
                  - maven: "org.apache.logging.log4j:log4j-core"
                    versions: "[2.17.1,)"
              - id: php
                name: PHP
                quadrant: languages-frameworks
                ring: hold
                effective: 2027-03-01
                rationale: No platform support.
                replacement: the platform's JVM stack
                match:
                  - language: PHP
              - id: left-pad
                name: left-pad
                quadrant: tools
                ring: assess
                rationale: Tiny.
                match:
                  - purl: "pkg:npm/left-pad"
                  - purl: "pkg:maven/org.mongodb/*"
            standards:
              RAD-003: off
              RAD-002: error
            """;

    @Test
    void a_valid_radar_becomes_entries_and_matchers() {
        Radar radar = RadarLoader.parse("radar.yaml", VALID);

        assertThat(radar.quadrants()).containsExactly("languages-frameworks", "tools", "platforms", "techniques");
        assertThat(radar.entries()).extracting(e -> e.id()).containsExactly("log4j-1", "log4j-2", "php", "left-pad");
        var log4j1 = radar.entry("log4j-1").orElseThrow();
        assertThat(log4j1.ring()).isEqualTo(Ring.HOLD);
        assertThat(log4j1.since()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(log4j1.replacementText()).isEqualTo("Log4j 2 (log4j-2)");
        assertThat(log4j1.line()).isEqualTo(3);
        assertThat(radar.entry("php").orElseThrow().replacementText()).isEqualTo("the platform's JVM stack");
        assertThat(radar.entry("php").orElseThrow().effective()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(radar.matchers()).hasSize(5);
        assertThat(radar.matchers().get(1).versions()).hasToString("[2.0,2.17.1)");
        assertThat(radar.matchers().get(3).ecosystem()).isEqualTo(Ecosystem.NPM);
        assertThat(radar.matchers().get(3).pattern()).isEqualTo("left-pad");
        assertThat(radar.matchers().get(4).pattern()).isEqualTo("org.mongodb:*");
        assertThat(radar.matchers().get(4).exact()).isFalse();
        assertThat(radar.languageMatchers()).singleElement().satisfies(l -> assertThat(l.language()).isEqualTo("php"));
        assertThat(radar.standards()).containsEntry("RAD-003", Optional.empty()).containsEntry("RAD-002", Optional.of(Severity.ERROR));
        assertThat(radar.digest()).hasSize(32).isNotEqualTo(RadarLoader.parse("radar.yaml", VALID + "\n").digest());
    }

    static Stream<Arguments> broken() {
        String entry = """
              - id: mongodb
                name: MongoDB
                quadrant: platforms
                ring: hold
                rationale: One operational stack.
                replacement: postgres
                match:
                  - maven: "org.mongodb:*"
            """;
        return Stream.of(
                Arguments.of("unknown top-level key", HEAD + entry + "colour: blue\n", "radar.yaml:11:1: unknown radar key 'colour'"),
                Arguments.of("unknown entry key", HEAD + entry.replace("    rationale:", "    ratonale: x\n    rationale:"),
                        "radar.yaml:7:5: unknown entry key 'ratonale'"),
                Arguments.of("unknown ring", HEAD + entry.replace("ring: hold", "ring: maybe"),
                        "radar.yaml:6:11: unknown ring 'maybe'; rings are: adopt, trial, assess, hold"),
                Arguments.of("unknown quadrant", HEAD + entry.replace("quadrant: platforms", "quadrant: databases"),
                        "radar.yaml:5:15: unknown quadrant 'databases'"),
                Arguments.of("duplicate id", HEAD + entry + entry, "radar.yaml:11:9: duplicate entry id 'mongodb' (first at line 3)"),
                Arguments.of("malformed version range", HEAD + entry.replace("- maven: \"org.mongodb:*\"",
                        "- maven: \"org.mongodb:*\"\n        versions: \"[3.0,x)\""),
                        "radar.yaml:11:25: malformed version range: 'x' at character 6 is not a version"),
                Arguments.of("unclosed version range", HEAD + entry.replace("- maven: \"org.mongodb:*\"",
                        "- maven: \"org.mongodb:*\"\n        versions: \"[3.0,4.0\""), "radar.yaml:11:20: malformed version range: range opened at character 1 is not closed"),
                Arguments.of("malformed date", HEAD + entry.replace("    rationale:", "    since: 2026-13-01\n    rationale:"),
                        "radar.yaml:7:12: 'since' must be a date like 2026-12-31, not '2026-13-01'"),
                Arguments.of("missing rationale", HEAD + entry.replace("    rationale: One operational stack.\n", ""),
                        "radar.yaml:3:5: entry is missing 'rationale'"),
                Arguments.of("two ecosystems in one matcher", HEAD + entry.replace("- maven: \"org.mongodb:*\"",
                        "- maven: \"org.mongodb:*\"\n        npm: mongodb"), "radar.yaml:10:9: a matcher has one ecosystem key, found maven, npm"),
                Arguments.of("unknown matcher kind", HEAD + entry.replace("- maven: \"org.mongodb:*\"", "- nuget: Mongo.Driver"),
                        "radar.yaml:10:9: unknown matcher 'nuget'"),
                Arguments.of("maven pattern without colon", HEAD + entry.replace("org.mongodb:*", "org.mongodb"),
                        "radar.yaml:10:16: a maven pattern is 'groupId:artifactId'"),
                Arguments.of("bad purl", HEAD + entry.replace("- maven: \"org.mongodb:*\"", "- purl: \"npm/mongodb\""),
                        "radar.yaml:10:15: 'npm/mongodb' is not a package URL"),
                Arguments.of("duplicate key", HEAD + entry.replace("    ring: hold\n", "    ring: hold\n    ring: adopt\n"),
                        "radar.yaml:7:5: duplicate key 'ring' (first at line 6)"),
                Arguments.of("bad id syntax", HEAD + entry.replace("id: mongodb", "id: Mongo DB"),
                        "radar.yaml:3:9: entry id 'Mongo DB' must be lowercase"),
                Arguments.of("entries not a list", HEAD.replace("entries:\n", "entries: none\n"),
                        "radar.yaml:2:10: 'entries' must be a list, found text"),
                Arguments.of("missing quadrants", "entries: []\n", "radar.yaml:1:1: missing 'quadrants'"),
                Arguments.of("YAML syntax error", HEAD + "  - id: [unclosed\n", "radar.yaml:4:"),
                Arguments.of("bad severity override", HEAD + entry + "standards:\n  RAD-001: fatal\n",
                        "radar.yaml:12:12: severity of RAD-001 must be error, warning, info or off, not 'fatal'"),
                Arguments.of("unknown repository kind", HEAD + entry + "repos:\n  legacy-lib:\n    kind: app\n",
                        "radar.yaml:13:11: kind of repository 'legacy-lib' must be service or library, not 'app'"),
                Arguments.of("unknown repository key", HEAD + entry + "repos:\n  legacy-lib:\n    kind: library\n    team: core\n",
                        "radar.yaml:14:5: unknown repository key 'team'; known keys: kind"),
                Arguments.of("repos not a mapping", HEAD + entry + "repos: [legacy-lib]\n",
                        "radar.yaml:11:8: 'repos' must map repository names to settings"),
                Arguments.of("duplicate repository", HEAD + entry + "repos:\n  a: {kind: library}\n  a: {kind: service}\n",
                        "radar.yaml:13:3: duplicate key 'a' (first at line 12)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void every_problem_is_reported_at_its_line_and_column(String scenario, String yaml, String expected) {
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .anySatisfy(p -> assertThat(p).startsWith(expected)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1} {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            pkg:npm/left-pad                 | npm           | left-pad
            pkg:npm/%40angular/core          | npm           | @angular/core
            pkg:npm/@angular/core@17.0.0     | npm           | @angular/core
            pkg:maven/org.mongodb/*          | maven         | org.mongodb:*
            pkg:maven/log4j/log4j@1.2.17     | maven         | log4j:log4j
            pkg:pypi/requests?extra=socks    | pypi          | requests
            pkg:golang/github.com/gin-gonic/gin | go         | github.com/gin-gonic/gin
            pkg:github/actions/checkout      | github-action | actions/checkout
            """)
    void purl_patterns_become_ecosystem_patterns(String purl, String ecosystem, String pattern) {
        Purl p = Purl.parse(purl).orElseThrow();
        assertThat(p.ecosystem().id()).isEqualTo(ecosystem);
        assertThat(p.pattern()).isEqualTo(pattern);
    }

    @Test
    void repository_kinds_set_in_the_radar_become_facts() {
        Radar radar = RadarLoader.parse("radar.yaml", HEAD.replace("entries:\n", "entries: []\n") + "repos:\n  legacy-lib:\n    kind: Library\n  edge-proxy: {kind: service}\n");
        assertThat(radar.repoKinds()).extracting(o -> o.repo() + "=" + o.kind() + "@" + o.line())
                .containsExactly("legacy-lib=library@5", "edge-proxy=service@6");
        assertThat(radar.facts()).containsAll(radar.repoKinds());
    }

    @Test
    void all_problems_are_reported_at_once() {
        String yaml = HEAD + """
              - id: a
                name: A
                quadrant: nowhere
                ring: never
                rationale: x
            """;
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void an_alias_bomb_is_refused_with_a_clear_error() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", yaml.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("radar.yaml:")
                .hasMessageContaining("an alias bomb?");
    }

    @Test
    void a_purl_with_a_malformed_percent_escape_is_a_problem_at_its_line_not_a_crash() {
        // Found by RadarLoader fuzzing: URLDecoder threw IllegalArgumentException out of the loader.
        String yaml = HEAD + """
              - id: bad-purl
                name: Bad
                quadrant: tools
                ring: hold
                match:
                  - purl: "pkg:npm/%zz"
            """;
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("radar.yaml:8")
                .hasMessageContaining("is not a package URL");
    }

    @Test
    void a_control_character_is_reported_at_its_line_and_column() {
        // Found by fuzzing: snakeyaml's ReaderException has no mark, so the problem named no line.
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", HEAD + "  - id: a\n    name: x\u0003y\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("radar.yaml:4:12: not valid YAML: special characters are not allowed (U+0003)");
    }

    @Test
    void the_built_in_radar_loads() {
        Radar radar = RadarLoader.builtIn();
        assertThat(radar.entries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(radar.entries()).extracting(e -> e.ring()).contains(Ring.values());
        assertThat(radar.entries()).filteredOn(e -> e.ring() == Ring.HOLD).allSatisfy(e -> assertThat(e.replacement()).isNotEmpty());
    }
}
