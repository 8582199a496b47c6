package dev.radar.governance;

import dev.radar.radar.Radar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes that earn new and moved markers (render, export): the radar compared with its version at a
 * date or revision from git history, or with an explicit earlier file.
 *
 * @param label   what the radar was compared with, for subtitles and messages ("since 2026-08-24")
 * @param changes entry id to its change (new or moved); empty when nothing could be compared
 */
public record Baseline(String label, Map<String, RadarChange> changes) {

    public Baseline {
        changes = Map.copyOf(changes);
    }

    /** No markers. */
    public static Baseline none(String why) {
        return new Baseline(why, Map.of());
    }

    /** Compares with an explicit earlier radar. */
    public static Baseline of(String label, Radar before, Radar now) {
        return new Baseline(label, RadarDiff.byEntry(RadarDiff.between(before, now)));
    }

    /**
     * Compares with the radar file's version at {@code since} (a date or a git revision) from its git history;
     * empty when the file is not in a git work tree.
     */
    public static Optional<Baseline> fromGit(Path radarFile, String since, Radar now) {
        Optional<RadarHistory> opened = RadarHistory.open(radarFile);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (RadarHistory history = opened.get()) {
            if (!history.isRevision("HEAD") || history.revisions(Optional.empty()).isEmpty()) {
                return Optional.empty(); // never committed: "new" would mean nothing
            }
            Radar before = RadarChangelog.radarAt(history, since).orElse(null);
            List<RadarChange> changes = RadarDiff.between(before, now);
            return Optional.of(new Baseline("changes since " + since, RadarDiff.byEntry(changes)));
        }
    }
}
