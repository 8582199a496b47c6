package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code radar scan}: the scan of an organisation of local git remotes, run as a separate JVM, is
 * killed with SIGKILL at seeded random points and resumed each time. After every kill every output file is whole;
 * no repository finished before a kill is fetched or checked again; the final output equals an uninterrupted run's.
 * The seed is {@code -Dradar.kill.seed=N} (default fixed, so a failure can be replayed).
 */
class ScanCrashIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int REPOS = 30;
    static final int KILLS = 20;
    static final String TODAY = "2026-11-22";
    /** A log line of a repository the process fetched and checked itself (not resumed or unchanged). */
    static final Pattern CHECKED_LINE = Pattern.compile("^\\[\\s*\\d+/\\d+] (\\S+): (?!.*\\((resumed|unchanged)\\)$).*");

    @TempDir
    Path tmp;

    /** What a finished repository's files were when it was first seen finished: they must never be written again. */
    record Finished(String runId, Object resultKey, String result, Object reportKey, String report) {}

    @Test
    void a_scan_killed_with_sigkill_at_twenty_random_points_resumes_to_the_uninterrupted_result() throws Exception {
        long t0 = System.nanoTime();
        long seed = Long.getLong("radar.kill.seed", 20261122L);
        int rounds = Integer.getInteger("radar.kill.rounds", 1);
        Path reposYaml = organisation();
        long tRepos = System.nanoTime();
        String radar = ScanIT.repoRoot().resolve("radar.yaml").toString();

        var reference = CliScenariosIT.run("scan", reposYaml.toString(), "-o", tmp.resolve("reference").toString(), "--cache",
                tmp.resolve("reference-cache").toString(), "--radar", radar, "--today", TODAY, "--progress", "none");
        assertThat(reference.exit()).as(reference.err()).isZero();
        System.out.printf("ScanCrashIT: %d git remotes made in %d ms, uninterrupted reference run %d ms%n", REPOS,
                (tRepos - t0) / 1_000_000, (System.nanoTime() - tRepos) / 1_000_000);

        // bench/scan-kill runs more rounds (-Dradar.kill.rounds), each with its own seed and a fresh output and cache
        for (int round = 0; round < rounds; round++) {
            Path dir = tmp.resolve("round-" + round);
            round(reposYaml, radar, seed + round, dir);
            deleteTree(dir);
        }
    }

    /**
     * Kills and resumes scans until KILLS kills are done. A scan that completes on its own first (a fast machine)
     * is checked, and the next kills go to a fresh scan in a fresh folder.
     */
    private void round(Path reposYaml, String radar, long seed, Path dir) throws Exception {
        Random random = new Random(seed);
        int kills = 0;
        int seenFinished = 0;
        for (int sequence = 0; kills < KILLS; sequence++) {
            int[] done = killAndResume(reposYaml, radar, seed, random, dir.resolve("scan-" + sequence), KILLS - kills);
            kills += done[0];
            seenFinished += done[1];
        }
        assertThat(seenFinished).as("repositories seen finished right after some kill (seed %d)", seed).isGreaterThan(REPOS / 3);
    }

    /** One scan, killed up to {@code wanted} times and resumed; returns the kills made and the repositories seen finished. */
    private int[] killAndResume(Path reposYaml, String radar, long seed, Random random, Path dir, int wanted) throws Exception {
        long t1 = System.nanoTime();
        Path out = dir.resolve("out");
        String[] args = {"scan", reposYaml.toString(), "-o", out.toString(), "--cache", dir.resolve("cache").toString(), "--radar", radar,
            "--today", TODAY, "--resume", "--jobs", "1", "--fetch-jobs", "2", "--progress", "lines"};
        Map<String, Finished> finished = new TreeMap<>();
        Map<String, Integer> checkedLines = new HashMap<>();
        List<String> log = new ArrayList<>();
        int kills = 0;
        boolean completed = false;
        long startupMillis = 0;
        for (int trial = 0; kills < wanted && !completed; trial++) {
            long started = System.nanoTime();
            try (ScanProcess scan = ScanProcess.start(tmp, args)) {
                // Three kills in four come a few milliseconds after the trial logged its first or second checked
                // repository (mid-fetch, mid-check, mid-write, mid-summary: a point in the work, whatever the machine's
                // speed); the others at a random time from the start (startup, run.json, catalog, journal, resumed ones).
                boolean afterProgress = random.nextInt(4) > 0;
                int lines = 1 + random.nextInt(2);
                long delay = afterProgress ? random.nextInt(30) : random.nextInt((int) Math.max(200, startupMillis + 100));
                long deadline = System.nanoTime() + 60_000_000_000L;
                if (afterProgress) {
                    while (scan.process.isAlive() && scan.lines.stream().filter(l -> CHECKED_LINE.matcher(l).matches()).count() < lines
                            && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                }
                Thread.sleep(delay);
                if (scan.process.isAlive()) {
                    scan.kill();
                    kills++;
                } else {
                    assertThat(scan.waitFor(10)).as(scan.stderr()).isZero();
                    completed = true;
                }
                if (startupMillis == 0 && afterProgress) {
                    startupMillis = (System.nanoTime() - started) / 1_000_000 - delay;
                }
                log.add("trial " + trial + (afterProgress ? " after " + lines + " checked repositor" + (lines == 1 ? "y" : "ies") : "")
                        + " +" + delay + " ms: " + (completed ? "completed" : "killed") + ", "
                        + scan.lines.stream().filter(l -> l.startsWith("[")).count() + " repository line(s)");
                for (String line : scan.lines) {
                    Matcher m = CHECKED_LINE.matcher(line);
                    if (m.matches()) {
                        checkedLines.merge(m.group(1), 1, Integer::sum);
                    }
                }
            }
            assertWhole(out, log);
            noteFinished(out, finished);
        }

        long t2 = System.nanoTime();
        if (!completed) {
            ScanProcess last = ScanProcess.start(tmp, args);
            assertThat(last.waitFor(120)).as(last.stderr()).isZero();
            assertWhole(out, log);
            for (String line : last.lines) {
                Matcher m = CHECKED_LINE.matcher(line);
                if (m.matches()) {
                    checkedLines.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        System.out.printf("ScanCrashIT: seed %d, %d kills, %d repositories seen finished after a kill; kill trials %d ms, final run"
                + " %d ms%n  %s%n", seed, kills, finished.size(), (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
                String.join("\n  ", log));

        // no repository was fetched and checked twice: its files stayed as they were when it was first seen finished,
        // the journal names it once, and no log line says a process checked it after another already had
        finished.forEach((name, f) -> {
            Finished now = finishedState(out, name);
            assertThat(now).as("%s was finished in run %s before a kill and must not be redone (seed %d)", name, f.runId(), seed)
                    .isEqualTo(f);
        });
        assertThat(checkedLines).as("repositories checked (logged) more than once").allSatisfy((name, n) -> assertThat(n).isEqualTo(1));
        List<String> journal = Files.readAllLines(out.resolve("journal.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.endsWith("\tdone")).map(l -> l.substring(0, l.indexOf('\t'))).toList();
        assertThat(journal).doesNotHaveDuplicates().hasSize(REPOS);

        // the final output is the uninterrupted run's, except the run's own id and times
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(Files.readString(tmp.resolve("reference/summary.json")));
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(Files.readString(tmp.resolve("reference/index.html")));
        assertThat(Files.readString(out.resolve("catalog.json"))).isEqualTo(Files.readString(tmp.resolve("reference/catalog.json")));
        assertThat(list(out, "history")).isEqualTo(list(tmp.resolve("reference"), "history"));
        assertThat(list(out, "repos")).isEqualTo(list(tmp.resolve("reference"), "repos"));
        assertThat(list(out, "results")).hasSize(REPOS).isEqualTo(list(tmp.resolve("reference"), "results"));
        for (String name : list(out, "repos")) {
            assertThat(Files.readString(out.resolve("repos").resolve(name))).as(name)
                    .isEqualTo(Files.readString(tmp.resolve("reference/repos").resolve(name)));
        }
        for (String name : list(out, "results")) {
            assertThat(withoutRunId(out.resolve("results").resolve(name))).as(name)
                    .isEqualTo(withoutRunId(tmp.resolve("reference/results").resolve(name)));
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("complete");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                    .as("temporary files left behind").isEmpty();
        }
        return new int[] {kills, finished.size()};
    }

    /** 30 local git remotes made from the example organisation's repositories, and the repos.yaml that lists them. */
    private Path organisation() throws IOException {
        Path examples = ScanIT.repoRoot().resolve("examples/org");
        List<Path> kinds;
        try (Stream<Path> s = Files.list(examples)) {
            kinds = s.filter(Files::isDirectory).sorted().toList();
        }
        StringBuilder yaml = new StringBuilder("repos:\n");
        for (int i = 0; i < kinds.size(); i++) {
            ScanProcess.gitRepository(kinds.get(i), tmp.resolve("templates").resolve(kinds.get(i).getFileName().toString()));
        }
        for (int i = 0; i < REPOS; i++) {
            String name = String.format("svc-%02d", i);
            Path remote = tmp.resolve("remotes").resolve(name);
            ScanIT.copy(tmp.resolve("templates").resolve(kinds.get(i % kinds.size()).getFileName().toString()), remote);
            yaml.append("  - {name: ").append(name).append(", url: ").append(remote).append("}\n");
        }
        return Files.writeString(tmp.resolve("repos.yaml"), yaml.toString());
    }

    /**
     * Every file a reader could open is whole: JSON and SARIF parse, the dashboard ends with its closing tag, the
     * journal has whole lines only. Hidden temporary files ({@code .NAME.*.tmp}) are half-written by nature; nothing
     * reads them and the next run deletes them.
     */
    static void assertWhole(Path out, List<String> log) throws IOException {
        assertWhole(out, log.isEmpty() ? "start" : log.get(log.size() - 1));
    }

    static void assertWhole(Path out, String when) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String where = out.relativize(f) + " after " + when;
            if (name.startsWith(".")) {
                assertThat(name).as(where).matches("\\.radar-scan\\.lock|\\..+\\.tmp");
                continue;
            }
            if (name.equals("state.idx")) {
                // binary: a header, the entries, and a CRC-32 of everything before it in the last 8 bytes
                byte[] bytes = Files.readAllBytes(f);
                assertThat(new String(bytes, 0, Math.min(18, bytes.length), StandardCharsets.US_ASCII)).as(where)
                        .isEqualTo("RADAR-STATE-INDEX\n");
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(bytes, 0, bytes.length - 8);
                assertThat(java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()).as(where + " is torn").isEqualTo(crc.getValue());
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (name.endsWith(".json") || name.endsWith(".sarif")) {
                try {
                    JsonNode node = JSON.readTree(text);
                    assertThat(node).as(where).isNotNull();
                    assertThat(node.isObject()).as(where).isTrue();
                } catch (IOException e) {
                    fail(where + " is torn: " + e.getMessage());
                }
            } else if (name.equals("index.html")) {
                assertThat(text.strip()).as(where).startsWith("<!DOCTYPE html>").endsWith("</html>");
            } else if (name.equals("journal.log")) {
                List<String> lines = Arrays.asList(text.split("\n", -1));
                assertThat(lines.get(lines.size() - 1)).as(where + ": ends with a newline").isEmpty();
                assertThat(lines.get(0)).as(where).matches("run \\S+");
                assertThat(lines.subList(1, lines.size())).as(where).allMatch(l -> l.isEmpty() || l.matches("[A-Za-z0-9._-]+\tdone"));
            } else {
                fail("unexpected file " + where);
            }
        }
    }

    /** Notes the repositories whose result the current run has written, with their files' identity and content. */
    static void noteFinished(Path out, Map<String, Finished> finished) throws IOException {
        Path runFile = out.resolve("run.json");
        if (!Files.isRegularFile(runFile)) {
            return;
        }
        String runId = JSON.readTree(runFile.toFile()).get("runId").asText();
        for (String name : list(out, "results")) {
            String repo = name.substring(0, name.length() - ".json".length());
            Finished f = finishedState(out, repo);
            if (f.runId().equals(runId)) {
                finished.putIfAbsent(repo, f);
            }
        }
    }

    static Finished finishedState(Path out, String repo) {
        try {
            Path result = out.resolve("results").resolve(repo + ".json");
            Path report = out.resolve("repos").resolve(repo + ".json");
            String text = Files.readString(result);
            return new Finished(JSON.readTree(text).get("runId").asText(), key(result), text, key(report),
                    Files.isRegularFile(report) ? Files.readString(report) : "");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The file's identity (device and inode): a rewrite through a temporary file and a rename changes it. */
    static Object key(Path f) throws IOException {
        return Files.isRegularFile(f) ? Files.readAttributes(f, BasicFileAttributes.class).fileKey() : null;
    }

    static List<String> list(Path out, String folder) throws IOException {
        Path dir = out.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static JsonNode withoutRunId(Path result) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(result.toFile());
        node.remove("runId");
        return node;
    }
}
