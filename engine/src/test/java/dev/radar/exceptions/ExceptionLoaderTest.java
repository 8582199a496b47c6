package dev.radar.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.Approver;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.ExceptionOrigin;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExceptionLoaderTest {

    private static final String GRANT = """
            exceptions:
              - id: EXC-2026-014
                entry: mongodb
                rule: RAD-001
                repos: ["payments-*"]
                paths: ["legacy/**"]
                versions: "[3.0,4.0)"
                reason: Migration to Postgres planned for Q1
                adr: docs/adr/0012-keep-mongodb.md
                ticket: PAY-123
                approvers:
                  - {name: alice, role: staff-engineer}
                  - {name: bob, role: Engineering-Manager}
                granted: 2026-09-01
                expires: 2026-11-30
            """;

    static List<ExceptionGrant> central(String yaml) {
        return ExceptionLoader.parse("exceptions.yaml", yaml, ExceptionOrigin.CENTRAL, "");
    }

    @Test
    void the_documented_example_loads_completely() {
        ExceptionGrant g = central(GRANT).get(0);
        assertThat(g.id()).isEqualTo("EXC-2026-014");
        assertThat(g.entry()).isEqualTo("mongodb");
        assertThat(g.rule()).isEqualTo("RAD-001");
        assertThat(g.repos()).containsExactly("payments-*");
        assertThat(g.paths()).extracting(Object::toString).containsExactly("legacy/**");
        assertThat(g.versions()).hasToString("[3.0,4.0)");
        assertThat(g.reason()).isEqualTo("Migration to Postgres planned for Q1");
        assertThat(g.adr()).isEqualTo("docs/adr/0012-keep-mongodb.md");
        assertThat(g.ticket()).isEqualTo("PAY-123");
        assertThat(g.approvers()).containsExactly(new Approver("alice", "staff-engineer"), new Approver("bob", "engineering-manager"));
        assertThat(g.granted()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(g.expires()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(g.origin()).isEqualTo(ExceptionOrigin.CENTRAL);
        assertThat(g.file()).isEqualTo("exceptions.yaml");
        assertThat(g.line()).isEqualTo(2);
    }

    @Test
    void an_empty_file_or_list_holds_no_exceptions() {
        assertThat(central("")).isEmpty();
        assertThat(central("exceptions: []\n")).isEmpty();
        assertThat(central("exceptions:\n")).isEmpty();
    }

    @Test
    void content_problems_are_left_to_the_rules_and_do_not_stop_loading() {
        List<ExceptionGrant> grants = central("""
                exceptions:
                  - id: EXC-1
                    entry: no-such-entry
                    repos: [a]
                  - id: EXC-2
                    rule: RAD-001
                    repos: [b]
                    granted: 2026-01-01
                    expires: 2027-12-31
                """);
        assertThat(grants).extracting(ExceptionGrant::id).containsExactly("EXC-1", "EXC-2");
        assertThat(grants.get(0).approvers()).isEmpty();
        assertThat(grants.get(0).expires()).isNull();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("YAML syntax error", "exceptions:\n  - id: [unclosed\n", "exceptions.yaml:3:"),
                Arguments.of("unknown top-level key", GRANT + "extra: 1\n", "exceptions.yaml:16:1: unknown exceptions file key 'extra'"),
                Arguments.of("unknown exception key", GRANT.replace("    ticket:", "    tikcet: x\n    ticket:"),
                        "exceptions.yaml:10:5: unknown exception key 'tikcet'; known keys: adr, approvers, entry, expires"),
                Arguments.of("unknown approver key", GRANT.replace("{name: alice, role: staff-engineer}",
                        "{name: alice, role: staff-engineer, team: core}"), "exceptions.yaml:12:45: unknown approver key 'team'"),
                Arguments.of("approver without role", GRANT.replace("{name: alice, role: staff-engineer}", "{name: alice}"),
                        "exceptions.yaml:12:9: an approver needs a 'name' and a 'role'"),
                Arguments.of("exceptions not a list", "exceptions: {id: x}\n", "exceptions.yaml:1:13: 'exceptions' must be a list, found a mapping"),
                Arguments.of("exception not a mapping", "exceptions:\n  - EXC-1\n", "exceptions.yaml:2:5: an exception must be a mapping"),
                Arguments.of("repos as text", GRANT.replace("repos: [\"payments-*\"]", "repos: payments-*"),
                        "exceptions.yaml:5:12: 'repos' must be a list"),
                Arguments.of("reason as a list", GRANT.replace("reason: Migration to Postgres planned for Q1", "reason: [a, b]"),
                        "exceptions.yaml:8:13: 'reason' must be text, found a list"),
                Arguments.of("malformed expiry date", GRANT.replace("expires: 2026-11-30", "expires: 2026-11-31"),
                        "exceptions.yaml:15:14: 'expires' must be a date like 2026-12-31, not '2026-11-31'"),
                Arguments.of("malformed granted date", GRANT.replace("granted: 2026-09-01", "granted: 1 Sep 2026"),
                        "exceptions.yaml:14:14: 'granted' must be a date like 2026-12-31, not '1 Sep 2026'"),
                Arguments.of("malformed version range", GRANT.replace("\"[3.0,4.0)\"", "\"[3.0,x)\""),
                        "exceptions.yaml:7:21: malformed version range: 'x' at character 6 is not a version"),
                Arguments.of("malformed path glob", GRANT.replace("legacy/**", "/legacy/**"),
                        "exceptions.yaml:6:13: malformed path glob: '/legacy/**' must be relative to the repository root"),
                Arguments.of("missing id", GRANT.replace("  - id: EXC-2026-014\n    entry:", "  - entry:"),
                        "exceptions.yaml:2:5: an exception needs an 'id'"),
                Arguments.of("bad id", GRANT.replace("id: EXC-2026-014", "id: EXC 14"), "exceptions.yaml:2:9: exception id 'EXC 14' must be"),
                Arguments.of("duplicate id", GRANT + GRANT.replace("exceptions:\n", ""),
                        "exceptions.yaml:16:9: duplicate exception id 'EXC-2026-014' (first at line 2)"),
                Arguments.of("neither entry nor rule", GRANT.replace("    entry: mongodb\n    rule: RAD-001\n", ""),
                        "exceptions.yaml:2:5: exception 'EXC-2026-014' names neither an 'entry' nor a 'rule'"),
                Arguments.of("central exception without repos", GRANT.replace("    repos: [\"payments-*\"]\n", ""),
                        "exceptions.yaml:2:5: a central exception needs 'repos'"),
                Arguments.of("duplicate key", GRANT.replace("    ticket: PAY-123\n", "    ticket: PAY-123\n    ticket: PAY-124\n"),
                        "exceptions.yaml:11:5: duplicate key 'ticket' (first at line 10)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void every_shape_problem_is_a_configuration_error_at_its_line_and_column(String scenario, String yaml, String expected) {
        assertThatThrownBy(() -> central(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .anySatisfy(p -> assertThat(p).startsWith(expected)));
    }

    @Test
    void all_problems_of_a_file_are_reported_at_once() {
        String yaml = GRANT.replace("expires: 2026-11-30", "expires: tomorrow").replace("    ticket:", "    tikcet: x\n    ticket:");
        assertThatThrownBy(() -> central(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void a_repositorys_own_exceptions_cover_that_repository_only() {
        List<ExceptionGrant> grants = own(GRANT.replace("    repos: [\"payments-*\"]\n", ""));
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.repos()).containsExactly("payments-api");
            assertThat(g.origin()).isEqualTo(ExceptionOrigin.REPO_LOCAL);
            assertThat(g.file()).isEqualTo(".radar/exceptions.yaml");
        });
    }

    @Test
    void a_repositorys_own_file_may_not_name_other_repositories() {
        assertThatThrownBy(() -> own(GRANT))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".radar/exceptions.yaml:5:12: 'repos' is not allowed in a repository's own .radar/exceptions.yaml");
    }

    /** A repository's own .radar/exceptions.yaml of payments-api, as the check parses it. */
    private static List<ExceptionGrant> own(String text) {
        return ExceptionLoader.parse(ExceptionLoader.REPO_LOCAL_PATH, text, ExceptionOrigin.REPO_LOCAL, "payments-api");
    }

    @Test
    void a_yaml_tag_snakeyaml_refuses_is_a_configuration_error_naming_the_file() {
        // Found by fuzzing: a tag ending in an escaped space made snakeyaml throw IllegalArgumentException.
        assertThatThrownBy(() -> central("exceptions:\n  - !x%20 a\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exceptions.yaml").hasMessageContaining("not valid YAML");
    }
}
