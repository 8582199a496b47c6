package dev.radar.scan;

import static dev.radar.scan.ScanFixture.TODAY;
import static dev.radar.scan.ScanFixture.engine;
import static dev.radar.scan.ScanFixture.folder;
import static dev.radar.scan.ScanFixture.organisation;
import static dev.radar.scan.ScanFixture.read;
import static dev.radar.scan.ScanFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    @TempDir
    Path tmp;

    private List<Path> shards(Path org, int n) throws IOException {
        List<Path> outs = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Path out = tmp.resolve("shard-" + k);
            new OrgScan(engine(), null).run(request(folder(org), out, TODAY, new Shard(k, n), false), ScanListener.NONE);
            outs.add(out);
        }
        return outs;
    }

    @Test
    void merged_shard_outputs_give_exactly_the_summary_reports_and_dashboard_of_a_single_run() throws IOException {
        Path org = organisation(tmp.resolve("org"));
        Path single = tmp.resolve("single");
        new OrgScan(engine(), null).run(request(folder(org), single), ScanListener.NONE);
        List<Path> shards = shards(org, 3);

        ScanOutcome merged = ShardMerge.merge(shards, tmp.resolve("merged"), 90);

        assertThat(merged.incomplete()).isEmpty();
        assertThat(read(tmp.resolve("merged/summary.json"))).isEqualTo(read(single.resolve("summary.json")));
        assertThat(read(tmp.resolve("merged/index.html"))).isEqualTo(read(single.resolve("index.html")));
        assertThat(files(tmp.resolve("merged/repos"))).isEqualTo(files(single.resolve("repos")));
        for (String f : files(single.resolve("repos"))) {
            assertThat(read(tmp.resolve("merged/repos").resolve(f))).as(f).isEqualTo(read(single.resolve("repos").resolve(f)));
        }
        for (Path shard : shards) {
            assertThat(read(shard.resolve("summary.json"))).contains("\"shard\" : \"" + (shards.indexOf(shard) + 1) + "/3\"");
        }
        int perShard = 0;
        for (Path shard : shards) {
            perShard += files(shard.resolve("results")).size();
        }
        assertThat(perShard).isEqualTo(9);
    }

    @Test
    void a_missing_shard_is_reported_as_incomplete_and_the_rest_is_merged() throws IOException {
        Path org = organisation(tmp.resolve("org"));
        List<Path> shards = shards(org, 3);

        ScanOutcome merged = ShardMerge.merge(List.of(shards.get(0), shards.get(2)), tmp.resolve("merged"), 90);

        assertThat(merged.incomplete()).containsExactly("shard 2/3 is missing: its repositories are not in the summary");
        assertThat(merged.summary().totals().repos()).isEqualTo(9 - files(shards.get(1).resolve("results")).size());
    }

    @Test
    void shards_of_different_dates_or_shard_counts_are_not_merged() throws IOException {
        Path org = organisation(tmp.resolve("org"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        new OrgScan(engine(), null).run(request(folder(org), a, TODAY, new Shard(1, 2), false), ScanListener.NONE);
        new OrgScan(engine(), null).run(request(folder(org), b, TODAY.plusDays(1), new Shard(2, 2), false), ScanListener.NONE);
        new OrgScan(engine(), null).run(request(folder(org), c, TODAY, new Shard(2, 3), false), ScanListener.NONE);

        assertThatThrownBy(() -> ShardMerge.merge(List.of(a, b), tmp.resolve("m1"), 90))
                .isInstanceOf(ConfigException.class).hasMessageContaining("same --today");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(a, c), tmp.resolve("m2"), 90))
                .isInstanceOf(ConfigException.class).hasMessageContaining("one of 2 shards");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(a, a), tmp.resolve("m3"), 90))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is shard 1/2, and so is");
        assertThatThrownBy(() -> ShardMerge.merge(List.of(tmp.resolve("org")), tmp.resolve("m4"), 90))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a scan output folder");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
