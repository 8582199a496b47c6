package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end scenarios: each folder under {@code it/} holds the command's {@code args} (one per line), the
 * expected {@code exit} code, and optionally the exact expected {@code stdout}, a line {@code stderr-contains}, and
 * {@code stdout-contains} / {@code stdout-lacks} (every non-blank line must / must not appear in standard output).
 * Placeholders: {@code {repo}} is the scenario's repo/ folder, {@code {scenario}} the scenario folder,
 * {@code {radar}} the shared it/radar.yaml.
 */
class CliScenariosIT {

    static Path root() throws URISyntaxException {
        return Path.of(CliScenariosIT.class.getResource("/it").toURI());
    }

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The result of one run of the command line. */
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_gives_the_expected_exit_code_and_output(String name) throws Exception {
        Path dir = root().resolve(name);
        String radar = root().resolve("radar.yaml").toString();
        List<String> args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> substitute(l, dir, radar))
                .toList();
        Run run = run(args.toArray(String[]::new));
        int expectedExit = Integer.parseInt(Files.readString(dir.resolve("exit")).trim());
        assertThat(run.exit()).as("exit code of %s; stderr: %s", name, run.err()).isEqualTo(expectedExit);
        if (Files.exists(dir.resolve("stdout")) && Boolean.getBoolean("golden.update")) {
            // Write the source copy (the module folder is the working directory under Maven), not target/test-classes.
            Files.writeString(Path.of("src/test/resources/it", name, "stdout"), placeholders(run.out(), dir, radar), StandardCharsets.UTF_8);
        }
        if (Files.exists(dir.resolve("stdout"))) {
            assertThat(run.out()).isEqualTo(substitute(Files.readString(dir.resolve("stdout")), dir, radar));
        }
        for (String line : lines(dir.resolve("stdout-contains"))) {
            assertThat(run.out()).contains(substitute(line, dir, radar));
        }
        for (String line : lines(dir.resolve("stdout-lacks"))) {
            assertThat(run.out()).doesNotContain(substitute(line, dir, radar));
        }
        if (Files.exists(dir.resolve("stderr-contains"))) {
            assertThat(run.err()).contains(substitute(Files.readString(dir.resolve("stderr-contains")).strip(), dir, radar));
        }
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** The reverse of {@link #substitute}: machine paths back to placeholders, for {@code -Dgolden.update=true}. */
    private static String placeholders(String text, Path dir, String radar) {
        return text.replace(dir.resolve("repo").toString(), "{repo}").replace(dir.toString(), "{scenario}").replace(radar, "{radar}");
    }

    private static String substitute(String text, Path dir, String radar) {
        return text.replace("{repo}", dir.resolve("repo").toString())
                .replace("{scenario}", dir.toString())
                .replace("{radar}", radar);
    }
}
