package dev.radar.scan;

import static dev.radar.scan.ScanFixture.engine;
import static dev.radar.scan.ScanFixture.folder;
import static dev.radar.scan.ScanFixture.organisation;
import static dev.radar.scan.ScanFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.scan.ScanListener.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state index: a cache of the stored results, never trusted over them. */
class StateIndexTest {

    @TempDir
    Path tmp;

    private static RepoResult sample(String name, String message) {
        return new RepoResult(RepoResult.SCHEMA_VERSION, name, "payments", List.of("pci", "tier-1"), "https://git.example/" + name + ".git",
                "main", RepoResult.CHECKED, "0123456789abcdef0123456789abcdef01234567", "cfg", "20261122T010203Z-abcdef", "2026-11-22",
                true, new RepoResult.Counts(1, 2, 3, 4), 17, 1, null,
                List.of(new RepoResult.FindingRow("RAD-001", "error", "open", "log4j", "log4j:log4j", "pom.xml", 12, message, ""),
                        new RepoResult.FindingRow("EXC-001", "warning", "excepted", "", "x", "", 0, "é ü \u2603 \uD83D\uDE00", "EX-1")),
                List.of(new RepoResult.UsageRow("log4j", "maven", "log4j:log4j", "1.2.17")),
                List.of(new RepoResult.TechRow("npm", "left-pad", "")));
    }

    /** Writes the index the way a run does: while the summary reads each result. */
    private static void writeIndex(ScanStore store, List<String> names) {
        StateIndex.Writer writer = StateIndex.load(store).writer();
        for (String name : names) {
            writer.next(name);
        }
        assertThat(writer.commit()).isTrue();
    }

    @Test
    void the_pool_shares_texts_by_content_and_decodes_as_a_fresh_string_would() throws IOException {
        StateIndex.Pool pool = new StateIndex.Pool();
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("", "a", "RAD-001", "é ü \u2603", "\uD83D\uDE00 x"));
        for (int i = 0; i < 20_000; i++) {
            texts.add("repo-" + i); // past several doublings of the table
        }
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String t : texts) {
                byte[] framed = ("<<" + t + ">>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int length = framed.length - 4;
                String v = pool.get(framed, 2, length);
                assertThat(v).isEqualTo(t);
                assertThat(v).isSameAs(first.computeIfAbsent(t, k -> v));
            }
        }
        assertThat(pool.size()).isEqualTo(texts.size());
        RepoResult r = sample("payments", "line one\nline two");
        StateIndex.Pool shared = new StateIndex.Pool();
        RepoResult a = StateIndex.decode(StateIndex.encode(r), true, shared);
        RepoResult b = StateIndex.decode(StateIndex.encode(sample("billing", "line one\nline two")), true, shared);
        assertThat(a).isEqualTo(r).isEqualTo(StateIndex.decode(StateIndex.encode(r), true, null));
        assertThat(b.team()).isSameAs(a.team());
    }

    @Test
    void a_result_survives_the_round_trip_through_the_encoding_and_the_file() throws IOException {
        RepoResult r = sample("payments", "line one\nline two");
        assertThat(StateIndex.decode(StateIndex.encode(r))).isEqualTo(r);
        RepoResult failed = new RepoResult(RepoResult.SCHEMA_VERSION, "gone", "", List.of(), "/x", "", RepoResult.FAILED, "", "cfg",
                "run", "2026-11-22", false, null, 0, 0, new RepoResult.Failure("fetch", "ls-remote: not found"), null, null, null);
        assertThat(StateIndex.decode(StateIndex.encode(failed))).isEqualTo(failed);

        ScanStore store = new ScanStore(tmp);
        ScanJson.write(store.result("payments"), r);
        ScanJson.write(store.result("gone"), failed);
        writeIndex(store, List.of("payments", "gone"));

        StateIndex again = StateIndex.load(store);
        assertThat(again.problem()).isNull();
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.result("payments")).contains(r);
        assertThat(again.result("gone")).contains(failed);
        assertThat(again.result("nothing")).isEmpty();
    }

    @Test
    void an_entry_whose_result_file_was_replaced_or_deleted_is_not_used() throws IOException {
        ScanStore store = new ScanStore(tmp);
        RepoResult old = sample("payments", "old");
        ScanJson.write(store.result("payments"), old);
        writeIndex(store, List.of("payments"));

        RepoResult newer = sample("payments", "newer, written by a run that crashed before the index");
        ScanJson.write(store.result("payments"), newer);
        assertThat(StateIndex.load(store).result("payments")).contains(newer);

        Files.delete(store.result("payments"));
        assertThat(StateIndex.load(store).result("payments")).isEmpty();
    }

    @Test
    void a_corrupt_torn_or_foreign_index_is_ignored_and_the_results_are_read_from_their_files() throws IOException {
        ScanStore store = new ScanStore(tmp);
        RepoResult r = sample("payments", "m");
        ScanJson.write(store.result("payments"), r);
        writeIndex(store, List.of("payments"));
        Path file = tmp.resolve(StateIndex.FILE);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(good, good.length - 9), new byte[0],
                "{\"not\": \"an index\"}".getBytes(StandardCharsets.UTF_8))) {
            Files.write(file, bad);
            StateIndex loaded = StateIndex.load(store);
            assertThat(loaded.size()).isZero();
            assertThat(loaded.result("payments")).contains(r); // from results/payments.json
        }
        Files.write(file, good);
        assertThat(StateIndex.load(store).size()).isEqualTo(1);
    }

    @Test
    void an_entry_under_another_name_is_not_trusted() throws IOException {
        ScanStore store = new ScanStore(tmp);
        RepoResult billing = sample("billing", "m");
        ScanJson.write(store.result("billing"), billing);
        writeIndex(store, List.of("billing"));
        // an index whose entry for "billing" holds another repository's result (a bug, or a hand-edited file)
        byte[] bytes = Files.readAllBytes(tmp.resolve(StateIndex.FILE));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int second = text.indexOf("billing", text.indexOf("billing") + 1);
        assertThat(second).isPositive();
        // replacing the name inside the encoded result breaks the checksum: the whole index is ignored
        byte[] edited = text.substring(0, second).concat("billinx").concat(text.substring(second + 7)).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(tmp.resolve(StateIndex.FILE), edited);
        StateIndex loaded = StateIndex.load(store);
        assertThat(loaded.problem()).contains("checksum");
        assertThat(loaded.result("billing")).contains(billing);
    }

    @Test
    void a_scan_writes_the_index_and_a_rescan_with_it_gives_the_same_summary_as_one_without_it() throws IOException {
        Path org = organisation(tmp.resolve("org"));
        Path out = tmp.resolve("out");
        ScanOutcome first = new OrgScan(engine(), null).run(request(folder(org), out), new ScanFixture.Recorder());
        assertThat(out.resolve(StateIndex.FILE)).isRegularFile();
        String summary = Files.readString(out.resolve(ScanStore.SUMMARY));

        ScanFixture.Recorder events = new ScanFixture.Recorder();
        ScanOutcome second = new OrgScan(engine(), null).run(request(folder(org), out), events);
        assertThat(events.outcomes.values()).containsOnly(Outcome.UNCHANGED);
        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(Files.readString(out.resolve(ScanStore.SUMMARY))).isEqualTo(summary);

        Files.write(out.resolve(StateIndex.FILE), new byte[] {1, 2, 3}); // corrupt: rebuilt from the result files
        ScanFixture.Recorder third = new ScanFixture.Recorder();
        new OrgScan(engine(), null).run(request(folder(org), out), third);
        assertThat(third.outcomes.values()).containsOnly(Outcome.UNCHANGED);
        assertThat(third.notes).anyMatch(n -> n.contains(StateIndex.FILE + " ignored"));
        assertThat(Files.readString(out.resolve(ScanStore.SUMMARY))).isEqualTo(summary);
        assertThat(StateIndex.load(new ScanStore(out)).size()).isEqualTo(first.summary().totals().repos());
        assertThat(Set.copyOf(new ScanStore(out).resultNames())).hasSize(first.summary().totals().repos());
    }

    @Test
    void a_full_scan_does_not_read_the_index_and_writes_a_fresh_one() throws IOException {
        Path org = organisation(tmp.resolve("org"));
        Path out = tmp.resolve("out");
        new OrgScan(engine(), null).run(request(folder(org), out), new ScanFixture.Recorder());
        String summary = Files.readString(out.resolve(ScanStore.SUMMARY));
        Files.write(out.resolve(StateIndex.FILE), new byte[] {1, 2, 3});
        ScanRequest plain = request(folder(org), out);
        ScanRequest full = new ScanRequest(plain.source(), plain.output(), plain.radar(), plain.today(), plain.shard(), plain.jobs(),
                plain.fetchJobs(), false, true, plain.historyDays(), plain.config(), plain.exceptions());

        ScanFixture.Recorder events = new ScanFixture.Recorder();
        new OrgScan(engine(), null).run(full, events);

        assertThat(events.outcomes.values()).containsOnly(Outcome.CHECKED);
        assertThat(events.notes).noneMatch(n -> n.contains(StateIndex.FILE));
        assertThat(Files.readString(out.resolve(ScanStore.SUMMARY))).isEqualTo(summary);
        StateIndex written = StateIndex.load(new ScanStore(out));
        assertThat(written.problem()).isNull();
        assertThat(written.size()).isEqualTo(new ScanStore(out).resultNames().size());
    }
}
