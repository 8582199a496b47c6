package dev.radar.scan;

import static dev.radar.scan.ScanFixture.engine;
import static dev.radar.scan.ScanFixture.folder;
import static dev.radar.scan.ScanFixture.pom;
import static dev.radar.scan.ScanFixture.request;
import static dev.radar.scan.ScanFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.scan.ScanListener.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults during an org scan: each fails one repository (or one file) with a clear reason, never the whole scan. */
class OrgScanFaultsTest {

    @TempDir
    Path tmp;

    private OrgScan scanner() {
        return new OrgScan(engine(), new GitFetcher(tmp.resolve("cache"), Credentials.none(), Duration.ofSeconds(20)));
    }

    private Path reposYaml(String text) {
        return write(tmp, Map.of("repos.yaml", text)).resolve("repos.yaml");
    }

    @Test
    void an_unreachable_remote_a_missing_remote_and_a_missing_folder_fail_with_their_reason_and_the_others_are_scanned()
            throws IOException {
        var ledger = new ScanFixture.BareRemote(tmp, "ledger", Map.of("pom.xml", pom("ledger", "log4j:log4j:1.2.17")));
        Path list = reposYaml("repos:\n"
                + "  - {url: " + ledger.url() + "}\n"
                + "  - {name: offline, url: \"https://127.0.0.1:1/acme/offline.git\"}\n"
                + "  - {name: gone, url: " + tmp.resolve("gone.git") + "}\n"
                + "  - {name: moved, path: " + tmp.resolve("moved") + "}\n");
        ScanFixture.Recorder events = new ScanFixture.Recorder();

        ScanOutcome outcome = scanner().run(request(RepoSource.of(list), tmp.resolve("out")), events);

        assertThat(events.outcomes).containsEntry("ledger", Outcome.CHECKED).containsEntry("offline", Outcome.FAILED)
                .containsEntry("gone", Outcome.FAILED).containsEntry("moved", Outcome.FAILED);
        assertThat(outcome.summary().totals().checked()).isEqualTo(1);
        assertThat(outcome.summary().totals().failed()).isEqualTo(3);
        assertThat(outcome.summary().failures()).satisfiesExactly(
                gone -> {
                    assertThat(gone.repo()).isEqualTo("gone");
                    assertThat(gone.stage()).isEqualTo("fetch");
                    assertThat(gone.message()).isEqualTo("ls-remote: repository not found: " + tmp.resolve("gone.git"));
                },
                moved -> {
                    assertThat(moved.stage()).isEqualTo("read");
                    assertThat(moved.message()).isEqualTo("no such folder: " + tmp.resolve("moved"));
                },
                offline -> {
                    assertThat(offline.stage()).isEqualTo("fetch");
                    assertThat(offline.message()).startsWith("ls-remote: https://127.0.0.1:1/acme/offline.git: connection failed: ");
                });
        assertThat(outcome.incomplete()).hasSize(3);
        assertThat(outcome.run().status()).isEqualTo(RunRecord.COMPLETE);
    }

    @Test
    void a_corrupt_pack_in_the_cached_clone_is_cloned_again_and_checked_at_the_new_commit() throws IOException {
        var payments = new ScanFixture.BareRemote(tmp, "payments", Map.of("pom.xml", pom("payments", "log4j:log4j:1.2.17")));
        var ledger = new ScanFixture.BareRemote(tmp, "ledger", Map.of("pom.xml", pom("ledger", "org.postgresql:postgresql:42.7.4")));
        Path list = reposYaml("repos:\n  - {url: " + payments.url() + "}\n  - {url: " + ledger.url() + "}\n");
        Path out = tmp.resolve("out");
        scanner().run(request(RepoSource.of(list), out), ScanListener.NONE);
        List<Path> packs;
        try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
            packs = s.filter(p -> p.toString().contains("payments-") && p.getFileName().toString().endsWith(".pack")).toList();
        }
        assertThat(packs).isNotEmpty();
        for (Path pack : packs) {
            byte[] bytes = Files.readAllBytes(pack);
            for (int i = 12; i < bytes.length - 20; i++) {
                bytes[i] = (byte) (bytes[i] ^ 0x5a); // everything after the header: every object is damaged
            }
            pack.toFile().setWritable(true); // git writes packs read-only
            Files.write(pack, bytes);
        }
        String pushed = payments.commit("main", Map.of("pom.xml", pom("payments", "org.apache.logging.log4j:log4j-core:2.24.1")), "log4j 2");
        ScanFixture.Recorder second = new ScanFixture.Recorder();

        ScanOutcome outcome = scanner().run(request(RepoSource.of(list), out), second);

        assertThat(second.outcomes).containsEntry("payments", Outcome.CHECKED).containsEntry("ledger", Outcome.UNCHANGED);
        assertThat(outcome.summary().failures()).isEmpty();
        assertThat(outcome.summary().repos()).filteredOn(r -> r.name().equals("payments")).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(pushed);
            assertThat(r.error()).as("log4j 1 is gone at the new commit").isZero();
        });
    }

    @Test
    void a_local_repository_is_checked_in_place_at_each_new_commit_and_a_damaged_one_fails_without_being_touched() throws IOException {
        var payments = new ScanFixture.BareRemote(tmp, "payments", Map.of("pom.xml", pom("payments", "log4j:log4j:1.2.17")));
        Path list = reposYaml("repos:\n  - {url: " + payments.path() + "}\n");
        Path out = tmp.resolve("out");
        assertThat(scanner().run(request(RepoSource.of(list), out), ScanListener.NONE).summary().repos())
                .singleElement().satisfies(r -> assertThat(r.error()).isEqualTo(1));
        String pushed = payments.commit("main", Map.of("pom.xml", pom("payments", "org.apache.logging.log4j:log4j-core:2.24.1")), "log4j 2");

        OrgSummary second = scanner().run(request(RepoSource.of(list), out), ScanListener.NONE).summary();

        assertThat(second.repos()).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(pushed);
            assertThat(r.error()).isZero();
        });
        assertThat(tmp.resolve("cache")).as("nothing copied").doesNotExist();

        List<Path> objects;
        try (Stream<Path> s = Files.walk(payments.bare.resolve("objects"))) {
            objects = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("info")).toList();
        }
        for (Path p : objects) {
            p.toFile().setWritable(true);
            Files.write(p, new byte[] {1, 2, 3});
        }
        ScanRequest full = new ScanRequest(RepoSource.of(list), out, ScanFixture.radar(), ScanFixture.TODAY, Shard.ALL, 1, 1, false, true, 90,
                request(RepoSource.of(list), out).config(), List.of());

        OrgSummary damaged = scanner().run(full, ScanListener.NONE).summary();

        assertThat(damaged.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("check");
            assertThat(f.message()).contains("cannot read commit " + pushed).contains(payments.path());
        });
        for (Path p : objects) {
            assertThat(p).as("the user's repository is only read").exists();
        }
    }

    @Test
    void a_cached_clone_whose_objects_are_damaged_is_cloned_again_when_it_is_checked() throws IOException {
        var payments = new ScanFixture.BareRemote(tmp, "payments", Map.of("pom.xml", pom("payments", "log4j:log4j:1.2.17")));
        Path list = reposYaml("repos:\n  - {url: " + payments.url() + "}\n");
        Path out = tmp.resolve("out");
        scanner().run(request(RepoSource.of(list), out), ScanListener.NONE);
        Path clone;
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            clone = s.filter(p -> p.getFileName().toString().startsWith("payments-")).findFirst().orElseThrow();
        }
        // HEAD still names the remote's commit, so the clone is not fetched again; its objects are what is damaged
        try (Stream<Path> objects = Files.walk(clone.resolve("objects"))) {
            for (Path p : objects.filter(Files::isRegularFile).toList()) {
                p.toFile().setWritable(true);
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        ScanRequest full = new ScanRequest(RepoSource.of(list), out, ScanFixture.radar(), ScanFixture.TODAY, Shard.ALL, 1, 1, false, true, 90,
                request(RepoSource.of(list), out).config(), List.of());

        OrgSummary s = scanner().run(full, ScanListener.NONE).summary();

        assertThat(s.failures()).isEmpty();
        assertThat(s.repos()).singleElement().satisfies(r -> assertThat(r.error()).as("the committed pom with log4j 1").isEqualTo(1));
    }

    @Test
    void an_unreadable_file_and_folder_are_findings_and_the_rest_of_the_repository_is_checked() throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("locked"), Map.of("pom.xml", pom("locked", "log4j:log4j:1.2.17"),
                "package.json", "{\"name\": \"locked\", \"dependencies\": {\"left-pad\": \"1.3.0\"}}\n",
                "services/api/pom.xml", pom("api", "log4j:log4j:1.2.17")));
        write(org.resolve("open"), Map.of("pom.xml", pom("open", "log4j:log4j:1.2.17")));
        Path pom = org.resolve("locked/pom.xml");
        Path services = org.resolve("locked/services");
        Files.setPosixFilePermissions(pom, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(services, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(pom), "running as root, who reads any file: ScanFaultsIT runs this without"
                    + " CAP_DAC_OVERRIDE instead");

            OrgSummary s = new OrgScan(engine(), null).run(request(folder(org), tmp.resolve("out")), ScanListener.NONE).summary();
            RepoResult locked = new ScanStore(tmp.resolve("out")).readResult("locked").orElseThrow();

            assertThat(s.repos()).extracting(OrgSummary.RepoRow::name, OrgSummary.RepoRow::status)
                    .containsExactly(tuple("locked", "checked"), tuple("open", "checked"));
            assertThat(locked.problems()).isEqualTo(2);
            assertThat(locked.findings()).filteredOn(f -> f.ruleId().equals("RAD-010"))
                    .extracting(RepoResult.FindingRow::file, RepoResult.FindingRow::message)
                    .containsExactlyInAnyOrder(
                            tuple("pom.xml", "POM could not be read: permission denied: the file cannot be read"),
                            tuple("services",
                                    "cannot be opened (permission denied or an I/O error): the files in it were not checked"));
            assertThat(locked.findings()).as("the readable package.json was still checked")
                    .anySatisfy(f -> assertThat(f.file()).isEqualTo("package.json"));
        } finally {
            Files.setPosixFilePermissions(pom, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(services, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void a_second_scan_into_an_output_folder_in_use_stops_before_writing_anything() throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("open"), Map.of("pom.xml", pom("open", "log4j:log4j:1.2.17")));
        Path out = tmp.resolve("out");

        try (var held = new ScanStore(out).lock()) {
            assertThatThrownBy(() -> new OrgScan(engine(), null).run(request(folder(org), out), ScanListener.NONE))
                    .isInstanceOf(ScanLockedException.class)
                    .hasMessage("another radar scan is writing " + out + " (it holds .radar-scan.lock); wait for it to finish or use"
                            + " another --output");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(".radar-scan.lock");
        }
        assertThat(new OrgScan(engine(), null).run(request(folder(org), out), ScanListener.NONE).summary().totals().checked())
                .as("the lock is released with its holder").isEqualTo(1);
    }

    @Test
    void stale_temporary_files_of_a_killed_run_are_deleted_by_the_next_one() throws IOException {
        Path org = tmp.resolve("org");
        write(org.resolve("open"), Map.of("pom.xml", pom("open", "log4j:log4j:1.2.17")));
        Path out = tmp.resolve("out");
        Path half = write(out, Map.of(".summary.json.123.tmp", "{\"half", "results/.open.json.456.tmp", "{")).resolve(".summary.json.123.tmp");

        new OrgScan(engine(), null).run(request(folder(org), out), ScanListener.NONE);

        assertThat(half).doesNotExist();
        assertThat(out.resolve("results/.open.json.456.tmp")).doesNotExist();
    }

    @Test
    void a_write_that_fails_midway_names_the_file_and_leaves_the_previous_file_as_it_was() throws IOException {
        Path summary = Files.writeString(tmp.resolve("summary.json"), "{\"the\": \"previous report\"}\n");
        byte[] before = Files.readAllBytes(summary);

        assertThatThrownBy(() -> ScanOutputException.write(summary, w -> {
            w.write("{\"the\": \"new report, half of it");
            w.flush();
            throw new IOException("No space left on device"); // what the disk says when it is full
        })).isInstanceOf(ScanOutputException.class)
                .hasMessage("cannot write " + summary + ": No space left on device");

        assertThat(Files.readAllBytes(summary)).isEqualTo(before);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file is left").containsExactly("summary.json");
        }
        assertThat(new String(before, StandardCharsets.UTF_8)).contains("previous report");
    }
}
