package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radar scan} under faults the operating system really produces, in a separate JVM: a file size limit
 * ({@code ulimit -f}, the kernel refuses the write like a full disk), an unreadable file (without the capability
 * that lets root read anything), and remotes that cannot be reached.
 */
class ScanFaultsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TODAY = "2026-11-22";

    @TempDir
    Path tmp;

    private Path exampleOrg() throws IOException {
        Path org = tmp.resolve("org");
        ScanIT.copy(ScanIT.repoRoot().resolve("examples/org"), org);
        return org;
    }

    private static String radar() {
        return ScanIT.repoRoot().resolve("radar.yaml").toString();
    }

    @Test
    void a_report_that_cannot_be_written_is_one_clear_line_exit_2_and_the_previous_report_stays_as_it_was() throws Exception {
        Path org = exampleOrg();
        Path out = tmp.resolve("out");
        var first = CliScenariosIT.run("scan", org.toString(), "-o", out.toString(), "--radar", radar(), "--today", TODAY,
                "--progress", "none");
        assertThat(first.exit()).as(first.err()).isZero();
        Map<String, byte[]> before = snapshot(out);
        // one repository changes: tonight's summary differs from last night's (its revision), and is the biggest file
        Files.writeString(org.resolve("ledger-service/NOTES.md"), "A note.\n");
        long largestOther = before.entrySet().stream()
                .filter(e -> !e.getKey().equals("summary.json") && !e.getKey().equals("index.html"))
                .mapToLong(e -> e.getValue().length).max().orElseThrow();
        long limitKiB = largestOther / 1024 + 2;
        assertThat((long) before.get("summary.json").length).as("the summary is the first file over the limit").isGreaterThan(limitKiB * 1024);

        ScanProcess full = ScanProcess.start(tmp, List.of("bash", "-c", "ulimit -f " + limitKiB + " && exec \"$0\" \"$@\""),
                "scan", org.toString(), "-o", out.toString(), "--radar", radar(), "--today", TODAY, "--progress", "none");
        int exit = full.waitFor(120);

        assertThat(exit).as(full.stderr()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(full.lines).containsExactly("radar: cannot write " + out.resolve("summary.json") + ": File too large; the files it"
                + " would have replaced are left as they were (run again with --resume once the problem is fixed)");
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).as("the previous summary, byte for byte")
                .isEqualTo(before.get("summary.json"));
        assertThat(Files.readAllBytes(out.resolve("index.html"))).isEqualTo(before.get("index.html"));
        ScanCrashIT.assertWhole(out, "the failed write");
        assertThat(snapshot(out).keySet()).as("no temporary file is left behind").isEqualTo(before.keySet());

        var resumed = CliScenariosIT.run("scan", org.toString(), "-o", out.toString(), "--radar", radar(), "--today", TODAY,
                "--progress", "none", "--resume");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("(0 checked, 0 unchanged, 9 resumed, 0 not scanned)");
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isNotEqualTo(before.get("summary.json"));
    }

    @Test
    void an_unreadable_file_is_a_finding_with_the_reason_and_the_scan_goes_on() throws Exception {
        Path org = exampleOrg();
        Path pom = org.resolve("payments-api/pom.xml");
        Files.setPosixFilePermissions(pom, PosixFilePermissions.fromString("---------"));
        List<String> prefix = new ArrayList<>();
        if (Files.isReadable(pom)) {
            // root reads every file: drop the two capabilities that allow it, as an unprivileged user would be
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "running as root without setpriv");
            prefix.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"));
        }
        Path out = tmp.resolve("out");

        ScanProcess scan = ScanProcess.start(tmp, prefix, "scan", org.toString(), "-o", out.toString(), "--radar", radar(), "--today",
                TODAY, "--progress", "lines");
        int exit = scan.waitFor(120);

        assertThat(exit).as(scan.stderr()).isZero();
        assertThat(scan.stderr()).contains("payments-api: ").doesNotContain("Exception", "\tat ");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("totals").get("checked").asInt()).isEqualTo(9);
        JsonNode payments = null;
        for (JsonNode r : summary.get("repos")) {
            if (r.get("name").asText().equals("payments-api")) {
                payments = r;
            }
        }
        assertThat(payments).isNotNull();
        assertThat(payments.get("status").asText()).isEqualTo("checked");
        assertThat(payments.get("problems").asInt()).isEqualTo(1);
        JsonNode report = JSON.readTree(out.resolve("repos/payments-api.json").toFile());
        List<String> unreadable = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("RAD-010")) {
                unreadable.add(f.get("file").asText() + ": " + f.get("message").asText());
            }
        });
        assertThat(unreadable).containsExactly("pom.xml: POM could not be read: permission denied: the file cannot be read");
    }

    @Test
    void unreachable_remotes_are_named_with_their_reason_exit_3_and_the_rest_is_reported() throws Exception {
        Path orders = ScanIT.repoRoot().resolve("examples/org/orders-service");
        Path repos = Files.writeString(tmp.resolve("repos.yaml"), "repos:\n"
                + "  - {path: " + orders + ", team: checkout}\n"
                + "  - {name: offline, url: \"https://127.0.0.1:1/acme/offline.git\", team: core}\n"
                + "  - {name: vanished, url: " + tmp.resolve("no-such-remote.git") + ", team: core}\n");
        Path out = tmp.resolve("out");

        ScanProcess scan = ScanProcess.start(tmp, "scan", repos.toString(), "-o", out.toString(), "--cache", tmp.resolve("cache").toString(),
                "--radar", radar(), "--today", TODAY, "--timeout", "20", "--progress", "none");
        int exit = scan.waitFor(120);

        assertThat(exit).as(scan.stderr()).isEqualTo(ExitCode.INCOMPLETE.code());
        assertThat(scan.stderr()).contains("radar: incomplete: 2 problem(s)").containsPattern("offline: fetch: ls-remote: .*127\\.0\\.0\\.1:1")
                .contains("vanished: fetch: ls-remote: ").doesNotContain("Exception", "\tat ");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("totals").get("checked").asInt()).isEqualTo(1);
        assertThat(summary.get("failures").findValuesAsText("repo")).containsExactly("offline", "vanished");
        assertThat(out.resolve("repos/orders-service.json")).isRegularFile();
    }

    /** Every file below the folder (relative path to bytes), hidden ones included. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
