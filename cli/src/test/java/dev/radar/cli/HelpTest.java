package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "check --help", "deps --help", "rules --help", "explain --help", "exceptions --help",
        "exceptions list --help", "exceptions expiring --help", "exceptions validate --help", "validate --help", "render --help",
        "impact --help", "changelog --help", "export --help", "import --help", "scan --help", "merge --help"})
    void help_lists_every_exit_code_from_the_enum(String args) {
        var run = CliScenariosIT.run(args.split(" "));
        assertThat(run.exit()).isZero();
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).contains(code.code() + "   " + code.meaning().substring(0, 20));
        }
    }

    @org.junit.jupiter.api.Test
    void check_help_lists_every_report_format() {
        var run = CliScenariosIT.run("check", "--help");
        for (var w : dev.radar.report.ReportFormats.all()) {
            assertThat(run.out()).contains(w.name());
        }
        assertThat(run.out().replaceAll("\\s+", " ")).contains("error, warning, info, never");
    }

    @org.junit.jupiter.api.Test
    void exceptions_validate_help_says_when_it_exits_1_and_2() {
        String help = CliScenariosIT.run("exceptions", "validate", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("Exits 1 when any exception is invalid", "or expired, and 2 when a file cannot be loaded");
        assertThat(help).contains("--exceptions=FILE", "--repo=DIR", "--today=DATE", "--format=FORMAT");
    }

    @org.junit.jupiter.api.Test
    void check_help_offers_the_central_exceptions_file() {
        assertThat(CliScenariosIT.run("check", "--help").out()).contains("--exceptions=FILE");
    }

    @org.junit.jupiter.api.Test
    void scan_help_says_what_it_scans_and_where_it_writes_by_default() {
        var run = CliScenariosIT.run("scan", "--help");
        String text = run.out().replaceAll("\\s+", " ");
        assertThat(text).contains("default: examples/org").contains("default: radar-out").contains("--resume").contains("--shard=K/N");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "deps", "rules", "explain"})
    void a_subcommand_built_alone_for_speed_has_the_same_help_as_in_the_whole_tree(String command) {
        java.io.StringWriter alone = new java.io.StringWriter();
        java.io.StringWriter whole = new java.io.StringWriter();
        var noErr = new java.io.PrintWriter(java.io.Writer.nullWriter());
        int a = Main.commandLine(new java.io.PrintWriter(alone), noErr, command, "--help").execute(command, "--help");
        int w = Main.commandLine(new java.io.PrintWriter(whole), noErr).execute(command, "--help");
        assertThat(a).isEqualTo(w).isZero();
        assertThat(alone.toString()).isEqualTo(whole.toString()).contains("Usage: radar " + command);
    }

    @org.junit.jupiter.api.Test
    void the_hot_subcommands_are_listed_under_their_own_names() {
        var subcommands = java.util.List.of(RadarCommand.class.getAnnotation(picocli.CommandLine.Command.class).subcommands());
        Main.HOT.forEach((name, type) -> {
            assertThat(subcommands).contains(type);
            assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name);
            assertThat(Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    name, "--help").getSubcommands()).containsOnlyKeys(name);
        });
    }
}
