package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The changelog of a radar: for each commit that touched radar.yaml (and uncommitted edits), the entries it
 * added, removed and moved between rings. Versions that do not load are skipped with a note, and the next
 * version is compared with the last one that did.
 *
 * @param since     what the changelog starts from: a date, a revision, or empty for the whole history
 * @param baseline  the radar the first change set is compared with (empty when the file did not exist yet)
 * @param changes   the change sets, oldest first
 */
public record RadarChangelog(String file, Optional<String> since, Optional<Radar> baseline, List<ChangeSet> changes) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * One commit's effect on the radar.
     *
     * @param commit  the commit id, or empty for uncommitted changes in the working copy
     * @param created true for the version that created the file: its entries are all new
     * @param note    why the version was skipped or what else happened, else empty
     */
    public record ChangeSet(String commit, Instant time, String author, String subject, boolean created, List<RadarChange> changes,
            String note) {
        public ChangeSet {
            changes = List.copyOf(changes);
            note = note == null ? "" : note;
        }

        public String shortCommit() {
            return commit.isEmpty() ? "working copy" : commit.substring(0, Math.min(10, commit.length()));
        }
    }

    public RadarChangelog {
        changes = List.copyOf(changes);
    }

    /** True when {@code since} is a date (YYYY-MM-DD) rather than a git revision. */
    public static boolean isDate(String since) {
        return DATE.matcher(since).matches();
    }

    /**
     * Reads the changelog from git history.
     *
     * @param since a date (changes committed on or after it, UTC) or a revision (changes after it), or empty
     * @param withWorkingCopy whether uncommitted edits of the file count as a last change set
     */
    public static RadarChangelog read(RadarHistory history, Optional<String> since, boolean withWorkingCopy) {
        List<RadarHistory.Revision> revisions;
        Optional<String> baselineText = Optional.empty();
        if (since.isPresent() && isDate(since.get())) {
            Instant from = date(since.get()).atStartOfDay().toInstant(ZoneOffset.UTC);
            List<RadarHistory.Revision> all = history.revisions(Optional.empty());
            revisions = new ArrayList<>();
            for (RadarHistory.Revision r : all) {
                if (r.time().isBefore(from)) {
                    baselineText = r.text();
                } else {
                    revisions.add(r);
                }
            }
        } else if (since.isPresent()) {
            baselineText = history.textAt(since.get());
            revisions = history.revisions(since);
        } else {
            revisions = history.revisions(Optional.empty());
        }
        Radar previous = baselineText.flatMap(t -> load(history.path() + "@" + since.orElse(""), t)).orElse(null);
        Optional<Radar> baseline = Optional.ofNullable(previous);
        boolean exists = baselineText.isPresent();
        List<ChangeSet> sets = new ArrayList<>();
        Optional<String> lastText = baselineText;
        for (RadarHistory.Revision r : revisions) {
            lastText = r.text();
            var step = step(history.path() + "@" + r.shortCommit(), r.text(), previous, exists);
            sets.add(new ChangeSet(r.commit(), r.time(), r.author(), r.subject(), step.created, step.changes, step.note));
            if (step.radar != null || r.text().isEmpty()) {
                previous = step.radar;
            }
            exists = r.text().isPresent();
        }
        if (withWorkingCopy) {
            Optional<String> working = history.workingText();
            if (!working.equals(lastText) && !(revisions.isEmpty() && since.isEmpty() && working.isEmpty())) {
                var step = step(history.path(), working, previous, exists);
                if (!step.changes.isEmpty() || !step.note.isEmpty()) {
                    sets.add(new ChangeSet("", null, "", "uncommitted changes", step.created, step.changes, step.note));
                }
            }
        }
        return new RadarChangelog(history.path(), since, baseline, sets);
    }

    /** The radar as it was at {@code since} (a date or a revision): the baseline for new and moved markers. */
    public static Optional<Radar> radarAt(RadarHistory history, String since) {
        return read(history, Optional.of(since), false).baseline();
    }

    /** Every change of all change sets, in order. */
    public List<RadarChange> all() {
        return changes.stream().flatMap(c -> c.changes().stream()).toList();
    }

    private record Step(Radar radar, boolean created, List<RadarChange> changes, String note) {}

    private static Step step(String name, Optional<String> text, Radar previous, boolean existed) {
        if (text.isEmpty()) {
            return new Step(null, false, previous == null ? List.of() : RadarDiff.between(previous, emptyLike(previous)),
                    "radar file deleted");
        }
        Optional<Radar> radar = load(name, text.get());
        if (radar.isEmpty()) {
            return new Step(null, false, List.of(), "this version does not load; later versions are compared with the last one that did");
        }
        boolean created = !existed && previous == null;
        return new Step(radar.get(), created, RadarDiff.between(previous, radar.get()), "");
    }

    private static Radar emptyLike(Radar r) {
        return new Radar(r.title(), r.quadrants(), List.of(), List.of(), List.of(), r.standards(), r.source(), "");
    }

    private static Optional<Radar> load(String name, String text) {
        try {
            return Optional.of(RadarLoader.parse(name, text));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date like 2026-12-31");
        }
    }
}
