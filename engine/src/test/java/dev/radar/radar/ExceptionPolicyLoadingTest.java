package dev.radar.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.ExceptionPolicy;
import dev.radar.model.RepoLocalTrust;
import dev.radar.model.Ring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code policy.exceptions} in radar.yaml: defaults, every key, and errors at their line and column. */
class ExceptionPolicyLoadingTest {

    private static final String HEAD = "quadrants: [tools]\nentries: []\n";

    @Test
    void a_radar_without_a_policy_gets_the_documented_defaults() {
        ExceptionPolicy p = RadarLoader.parse("radar.yaml", HEAD).exceptionPolicy();
        assertThat(p).isEqualTo(ExceptionPolicy.DEFAULT);
        assertThat(p.maxDays(Ring.HOLD)).isEqualTo(90);
        assertThat(p.maxDays(Ring.TRIAL)).isEqualTo(180);
        assertThat(p.maxDays(Ring.ASSESS)).isEqualTo(180);
        assertThat(p.requirementText()).isEqualTo("1 staff-engineer and 1 engineering-manager");
        assertThat(p.trustedApprovers()).isEmpty();
        assertThat(p.warningDays()).isEqualTo(14);
        assertThat(p.repoLocal()).isEqualTo(RepoLocalTrust.TRUSTED);
    }

    @Test
    void every_key_of_the_exception_policy_is_read() {
        ExceptionPolicy p = RadarLoader.parse("radar.yaml", HEAD + """
                policy:
                  exceptions:
                    max-days: {hold: 30, assess: 60, default: 45}
                    required-approvers: {staff-engineer: 2, security-officer: 1}
                    trusted-approvers: [alice, bob]
                    warning-days: 7
                    repo-local: never
                """).exceptionPolicy();
        assertThat(p.maxDays(Ring.HOLD)).isEqualTo(30);
        assertThat(p.maxDays(Ring.TRIAL)).as("unchanged default").isEqualTo(180);
        assertThat(p.maxDays(Ring.ASSESS)).isEqualTo(60);
        assertThat(p.maxDays(Ring.ADOPT)).isEqualTo(45);
        assertThat(p.defaultMaxDays()).isEqualTo(45);
        assertThat(p.requirementText()).isEqualTo("2 staff-engineer and 1 security-officer");
        assertThat(p.trustedApprovers()).containsExactly("alice", "bob");
        assertThat(p.warningDays()).isEqualTo(7);
        assertThat(p.repoLocal()).isEqualTo(RepoLocalTrust.NEVER);
    }

    @Test
    void the_example_radar_carries_an_exception_policy() {
        assertThat(RadarLoader.builtIn().exceptionPolicy().trustedApprovers()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown policy key       | policy: {budgets: 1}                                   | radar.yaml:3:10: unknown policy key 'budgets'; known keys: exceptions
            unknown exception key    | policy: {exceptions: {max-dayz: 1}}                    | radar.yaml:3:23: unknown exception policy key 'max-dayz'
            unknown ring             | policy: {exceptions: {max-days: {never: 1}}}           | radar.yaml:3:34: unknown ring 'never' in 'max-days'
            days not a number        | policy: {exceptions: {max-days: {hold: ninety}}}       | radar.yaml:3:40: 'max-days.hold' must be a whole number of at least 1, not 'ninety'
            zero days                | policy: {exceptions: {max-days: {hold: 0}}}            | radar.yaml:3:40: 'max-days.hold' must be a whole number of at least 1
            negative warning window  | policy: {exceptions: {warning-days: -1}}               | radar.yaml:3:37: 'warning-days' must be a whole number of at least 0, not '-1'
            trusted not a list       | policy: {exceptions: {trusted-approvers: alice}}       | radar.yaml:3:42: 'trusted-approvers' must be a list of names
            roles not a mapping      | policy: {exceptions: {required-approvers: [a]}}        | radar.yaml:3:43: 'required-approvers' maps roles to a number of people
            bad repo-local value     | policy: {exceptions: {repo-local: sometimes}}          | radar.yaml:3:35: 'repo-local' must be one of trusted, always, never, not 'sometimes'
            policy not a mapping     | policy: strict                                         | radar.yaml:3:9: 'policy' must be a mapping
            """)
    void policy_problems_are_configuration_errors_at_their_line_and_column(String scenario, String yaml, String expected) {
        assertThatThrownBy(() -> RadarLoader.parse("radar.yaml", HEAD + yaml + "\n"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString)
                        .anySatisfy(p -> assertThat(p).startsWith(expected)));
    }
}
