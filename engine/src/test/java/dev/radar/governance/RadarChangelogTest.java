package dev.radar.governance;

import static dev.radar.governance.GitFixture.HEAD;
import static dev.radar.governance.GitFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Ring;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarChangelogTest {
    @TempDir
    Path dir;

    GitFixture repo;
    String first;
    String second;

    @BeforeEach
    void history() throws Exception {
        repo = new GitFixture(dir);
        first = repo.commit("2026-01-10", "Initial radar", HEAD + entry("mongodb", "trial") + entry("kafka", "assess") + entry("redis", "adopt"));
        repo.commitOther("2026-02-01", "Docs only");
        second = repo.commit("2026-03-05", "Mongo on hold, Kafka adopted, Valkey added",
                HEAD + entry("mongodb", "hold") + entry("kafka", "adopt") + entry("redis", "adopt") + entry("valkey", "assess"));
        repo.commit("2026-04-01", "Broken edit", HEAD + "  - id: [oops\n");
        repo.commit("2026-05-20", "Redis removed", HEAD + entry("mongodb", "hold") + entry("kafka", "adopt") + entry("valkey", "trial"));
    }

    private RadarChangelog read(Optional<String> since, boolean working) {
        try (RadarHistory h = RadarHistory.open(repo.radar()).orElseThrow()) {
            return RadarChangelog.read(h, since, working);
        }
    }

    private static List<String> lines(RadarChangelog.ChangeSet set) {
        return set.changes().stream().map(c -> c.entryId() + " " + c.kind().id() + " " + c.describe()).toList();
    }

    @Test
    void the_whole_history_lists_every_commit_that_touched_the_radar_oldest_first() {
        RadarChangelog log = read(Optional.empty(), true);
        assertThat(log.changes()).extracting(RadarChangelog.ChangeSet::subject)
                .containsExactly("Initial radar", "Mongo on hold, Kafka adopted, Valkey added", "Broken edit", "Redis removed");
        assertThat(log.changes().get(0).created()).isTrue();
        assertThat(lines(log.changes().get(1))).containsExactly(
                "valkey new new in assess", "kafka moved-in moved assess -> adopt", "mongodb moved-out moved trial -> hold");
        assertThat(log.changes().get(2).note()).contains("does not load");
        assertThat(lines(log.changes().get(3))).as("compared with the last version that loaded")
                .containsExactly("valkey moved-in moved assess -> trial", "redis removed removed (was adopt)");
    }

    @Test
    void since_a_date_starts_from_the_version_in_force_on_that_day() {
        RadarChangelog log = read(Optional.of("2026-03-01"), true);
        assertThat(log.baseline()).isPresent();
        assertThat(log.baseline().get().entry("mongodb").orElseThrow().ring()).isEqualTo(Ring.TRIAL);
        assertThat(log.changes()).hasSize(3);
        assertThat(log.changes().get(0).created()).isFalse();
    }

    @Test
    void since_a_date_on_the_commit_day_includes_that_commit() {
        assertThat(read(Optional.of("2026-03-05"), true).changes().get(0).commit()).isEqualTo(second);
        assertThat(read(Optional.of("2026-03-06"), true).changes()).hasSize(2);
    }

    @Test
    void since_a_revision_lists_only_later_commits() {
        RadarChangelog log = read(Optional.of(second), true);
        assertThat(log.changes()).extracting(RadarChangelog.ChangeSet::subject).containsExactly("Broken edit", "Redis removed");
    }

    @Test
    void uncommitted_edits_come_last_and_can_be_left_out() throws Exception {
        repo.write(HEAD + entry("mongodb", "hold") + entry("kafka", "hold") + entry("valkey", "trial"));
        RadarChangelog log = read(Optional.of(second), true);
        RadarChangelog.ChangeSet last = log.changes().get(log.changes().size() - 1);
        assertThat(last.commit()).isEmpty();
        assertThat(lines(last)).containsExactly("kafka moved-out moved adopt -> hold");
        assertThat(read(Optional.of(second), false).changes()).hasSize(2);
    }

    @Test
    void the_previous_radar_is_head_while_the_file_has_uncommitted_edits_else_the_parent_commit() throws Exception {
        assertThat(PreviousRadar.fromGit(repo.radar(), Optional.empty())).get().extracting(ValidationRequest.Previous::label).isEqualTo("HEAD~1");
        repo.write(HEAD + entry("mongodb", "adopt"));
        assertThat(PreviousRadar.fromGit(repo.radar(), Optional.empty())).get().extracting(ValidationRequest.Previous::label).isEqualTo("HEAD");
        var atFirst = PreviousRadar.fromGit(repo.radar(), Optional.of(first)).orElseThrow();
        assertThat(atFirst.text()).contains("ring: trial");
    }

    @Test
    void a_file_outside_any_git_repository_has_no_history(@TempDir Path elsewhere) {
        assertThat(RadarHistory.open(elsewhere.resolve("radar.yaml"))).isEmpty();
    }

    @Test
    void markdown_lists_each_change_in_a_table() throws Exception {
        StringWriter out = new StringWriter();
        ChangelogWriter.write(read(Optional.of("2026-03-01"), false), "markdown", out);
        assertThat(out.toString())
                .contains("## Radar changelog since 2026-03-01")
                .contains("| MONGODB (`mongodb`) | moved trial \u2192 hold |")
                .contains("_this version does not load; later versions are compared with the last one that did_");
    }

    @Test
    void moved_markers_compare_the_radar_with_its_version_at_a_date() throws Exception {
        var now = RadarDocument.load(repo.radar()).radar();
        Baseline b = Baseline.fromGit(repo.radar(), "2026-03-01", now).orElseThrow();
        assertThat(b.changes().keySet()).containsExactlyInAnyOrder("mongodb", "kafka", "valkey");
        assertThat(b.changes().get("valkey").kind()).isEqualTo(RadarChange.Kind.NEW);
        assertThat(b.changes().get("mongodb").kind()).isEqualTo(RadarChange.Kind.MOVED_OUT);
    }
}
