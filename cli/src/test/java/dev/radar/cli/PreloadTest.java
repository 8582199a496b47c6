package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The built-in rule base loaded beside the command-line parsing: only when the check will use it. */
class PreloadTest {

    @Test
    void a_check_without_own_policies_preloads_the_built_in_rule_base_and_gets_it() {
        assertThat(Preload.start("check", ".", "--format", "json")).isTrue();
        assertThat(Preload.builtInPolicies().rules()).containsKeys("RAD-001", "RAD-010");
    }

    @Test
    void other_commands_help_and_own_policies_load_nothing_ahead() {
        assertThat(Preload.start("rules")).isFalse();
        assertThat(Preload.start()).isFalse();
        assertThat(Preload.start("check", "--policies", "dir")).isFalse();
        assertThat(Preload.start("check", "--policies=dir")).isFalse();
        assertThat(Preload.start("check", "--help")).isFalse();
    }
}
