package dev.radar.governance;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link RadarChangelog} as text, markdown or JSON. */
public final class ChangelogWriter {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ChangelogWriter() {}

    /** The formats {@code radar changelog --format} accepts. */
    public static final List<String> FORMATS = List.of("text", "markdown", "json");

    public static void write(RadarChangelog log, String format, Writer out) throws IOException {
        switch (format) {
            case "markdown" -> markdown(log, out);
            case "json" -> json(log, out);
            default -> text(log, out);
        }
    }

    private static String heading(RadarChangelog.ChangeSet c) {
        String when = c.time() == null ? "" : DAY.format(c.time()) + " ";
        String who = c.author().isEmpty() ? "" : " (" + c.author() + ")";
        return when + c.shortCommit() + " " + c.subject() + who;
    }

    private static void text(RadarChangelog log, Writer out) throws IOException {
        out.write("Changelog of " + log.file() + log.since().map(s -> " since " + s).orElse("") + "\n");
        if (log.changes().isEmpty()) {
            out.write("\nNo changes.\n");
            return;
        }
        for (RadarChangelog.ChangeSet c : log.changes()) {
            out.write("\n" + heading(c) + "\n");
            if (!c.note().isEmpty()) {
                out.write("  note: " + c.note() + "\n");
            }
            if (c.created()) {
                out.write("  created with " + c.changes().size() + " entries\n");
                continue;
            }
            if (c.changes().isEmpty() && c.note().isEmpty()) {
                out.write("  no entry added, removed or moved\n");
            }
            for (RadarChange ch : c.changes()) {
                out.write("  " + pad(ch.kind().id(), 9) + " " + ch.name() + " (" + ch.entryId() + "): " + ch.describe() + "\n");
            }
        }
    }

    private static void markdown(RadarChangelog log, Writer out) throws IOException {
        out.write("## Radar changelog" + log.since().map(s -> " since " + s).orElse("") + "\n\n");
        if (log.changes().isEmpty()) {
            out.write("No changes.\n");
            return;
        }
        for (RadarChangelog.ChangeSet c : log.changes()) {
            out.write("### " + Markdown.escape(heading(c)) + "\n\n");
            if (!c.note().isEmpty()) {
                out.write("_" + Markdown.escape(c.note()) + "_\n\n");
            }
            if (c.created()) {
                out.write("Created with " + c.changes().size() + " entries.\n\n");
                continue;
            }
            if (c.changes().isEmpty()) {
                out.write(c.note().isEmpty() ? "No entry added, removed or moved.\n\n" : "");
                continue;
            }
            out.write("| Entry | Change |\n|---|---|\n");
            for (RadarChange ch : c.changes()) {
                out.write("| " + Markdown.escape(ch.name()) + " (`" + ch.entryId() + "`) | " + Markdown.escape(ch.describe().replace("->", "\u2192")) + " |\n");
            }
            out.write("\n");
        }
    }

    private static void json(RadarChangelog log, Writer out) throws IOException {
        List<Object> sets = new ArrayList<>();
        for (RadarChangelog.ChangeSet c : log.changes()) {
            List<Object> changes = new ArrayList<>();
            for (RadarChange ch : c.changes()) {
                changes.add(GovernanceJson.ordered("kind", ch.kind().id(), "entry", ch.entryId(), "name", ch.name(),
                        "quadrant", ch.quadrant(), "from", ch.from() == null ? null : ch.from().id(),
                        "to", ch.to() == null ? null : ch.to().id()));
            }
            sets.add(GovernanceJson.ordered("commit", c.commit().isEmpty() ? null : c.commit(),
                    "date", c.time() == null ? null : DAY.format(c.time()), "author", c.author(), "subject", c.subject(),
                    "created", c.created(), "note", c.note(), "changes", changes));
        }
        Map<String, Object> root = GovernanceJson.ordered("file", log.file(), "since", log.since().orElse(null), "changes", sets);
        GovernanceJson.WRITER.writeValue(out, root);
        out.write("\n");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
