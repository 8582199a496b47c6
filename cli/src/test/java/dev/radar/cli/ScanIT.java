package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code radar scan} and {@code radar merge}, in process and as a separate JVM. */
class ScanIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The repository root: the folder with radar.yaml and examples/. */
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("radar.yaml")) && Files.isDirectory(p.resolve("examples/org")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Runs the radar main class in a fresh JVM in {@code dir}, with CI=true (log lines, no progress bar). */
    static Process launch(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("CI", "true");
        return pb.start();
    }

    static String slurp(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void the_readme_command_with_no_arguments_scans_examples_org_into_radar_out() throws Exception {
        Path root = repoRoot();
        copy(root.resolve("examples/org"), tmp.resolve("examples/org"));
        Files.copy(root.resolve("radar.yaml"), tmp.resolve("radar.yaml"));

        Process p = launch(tmp, "scan");
        String err = slurp(p.getErrorStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(err).isZero();
        JsonNode summary = JSON.readTree(tmp.resolve("radar-out/summary.json").toFile());
        assertThat(summary.get("totals").get("repos").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(summary.get("totals").get("failed").asInt()).isZero();
        assertThat(summary.get("source").asText()).isEqualTo("examples/org/");
        assertThat(tmp.resolve("radar-out/index.html")).isRegularFile();
        assertThat(err).contains("[1/").contains("radar scan: dashboard radar-out/index.html").doesNotContain("\r");
        List<String> teams = new ArrayList<>();
        summary.get("teams").forEach(t -> teams.add(t.get("team").asText()));
        assertThat(teams).contains("payments", "platform", "web", "data");
    }

    @Test
    void an_unreachable_repository_exits_3_and_is_named_while_the_others_are_reported() throws IOException {
        Path org = repoRoot().resolve("examples/org");
        Path repos = Files.writeString(tmp.resolve("repos.yaml"), "repos:\n"
                + "  - {path: " + org.resolve("orders-service") + ", team: checkout}\n"
                + "  - {name: vanished, url: " + tmp.resolve("no-such-remote.git") + ", team: core}\n");
        Path out = tmp.resolve("out");

        var run = CliScenariosIT.run("scan", repos.toString(), "-o", out.toString(), "--cache", tmp.resolve("cache").toString(),
                "--radar", repoRoot().resolve("radar.yaml").toString(), "--today", "2026-11-22", "--progress", "none");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(run.err()).contains("radar: incomplete: 1 problem(s)").contains("vanished: fetch: ");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("totals").get("checked").asInt()).isEqualTo(1);
        assertThat(summary.get("failures").get(0).get("repo").asText()).isEqualTo("vanished");
    }

    @Test
    void fail_on_error_exits_1_when_a_repository_has_an_error() {
        var run = CliScenariosIT.run("scan", repoRoot().resolve("examples/org").toString(), "-o", tmp.resolve("out").toString(),
                "--radar", repoRoot().resolve("radar.yaml").toString(), "--today", "2026-11-22", "--fail-on", "error",
                "--progress", "none");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void shards_merged_on_the_command_line_equal_a_single_run() throws IOException {
        String org = repoRoot().resolve("examples/org").toString();
        String radar = repoRoot().resolve("radar.yaml").toString();
        var single = CliScenariosIT.run("scan", org, "-o", tmp.resolve("single").toString(), "--radar", radar, "--today", "2026-11-22",
                "--progress", "none");
        List<String> shardDirs = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String dir = tmp.resolve("shard-" + k).toString();
            var shard = CliScenariosIT.run("scan", org, "--shard", k + "/3", "-o", dir, "--radar", radar, "--today", "2026-11-22",
                    "--progress", "none");
            assertThat(shard.exit()).as(shard.err()).isZero();
            shardDirs.add(dir);
        }
        List<String> mergeArgs = new ArrayList<>(List.of("merge", "-o", tmp.resolve("merged").toString()));
        mergeArgs.addAll(shardDirs);

        var merge = CliScenariosIT.run(mergeArgs.toArray(String[]::new));

        assertThat(single.exit()).isZero();
        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(Files.readString(tmp.resolve("merged/summary.json"))).isEqualTo(Files.readString(tmp.resolve("single/summary.json")));
    }

    @Test
    void a_shard_outside_one_to_n_is_a_usage_error() {
        var run = CliScenariosIT.run("scan", repoRoot().resolve("examples/org").toString(), "--shard", "4/3", "-o", tmp.toString());

        assertThat(run.exit()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(run.err()).contains("--shard").contains("1 <= K <= N");
    }
}
