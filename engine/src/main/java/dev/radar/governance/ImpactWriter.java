package dev.radar.governance;

import dev.radar.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes an {@link ImpactReport} as text (terminals), markdown (a pull-request comment) or JSON. */
public final class ImpactWriter {
    /** The formats {@code radar impact --format} accepts. */
    public static final List<String> FORMATS = List.of("text", "markdown", "json");
    /** Findings listed per repository in markdown before the rest is only counted (GitHub comments hold 65,536 characters). */
    static final int MARKDOWN_ROWS = 50;

    private ImpactWriter() {}

    public static void write(ImpactReport report, String format, Writer out) throws IOException {
        switch (format) {
            case "markdown" -> markdown(report, out);
            case "json" -> json(report, out);
            default -> text(report, out);
        }
    }

    private static String headline(ImpactReport r) {
        long errors = r.newErrors();
        int affected = r.affected().size();
        if (affected == 0) {
            return "no finding changes in " + r.repos().size() + " " + plural(r.repos().size(), "repository", "repositories");
        }
        return (errors > 0 ? errors + " new " + plural(errors, "error", "errors") : "no new errors") + "; " + affected + " of "
                + r.repos().size() + " " + plural(r.repos().size(), "repository", "repositories") + " affected";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static String radarChanges(ImpactReport r) {
        List<String> parts = new ArrayList<>();
        for (RadarChange c : r.radarChanges()) {
            parts.add(c.name() + " (" + c.entryId() + ") " + c.describe());
        }
        return parts.isEmpty() ? "no entry added, removed or moved" : String.join("; ", parts);
    }

    private static String where(Finding f) {
        return f.file().isEmpty() ? "(repository)" : f.line() > 0 ? f.file() + ":" + f.line() : f.file();
    }

    private static String what(FindingChange c) {
        return switch (c.kind()) {
            case APPEARS -> "appears  " + c.after().severity().id();
            case DISAPPEARS -> "goes     " + c.before().severity().id();
            case CHANGES_SEVERITY -> "changes  " + c.before().severity().id() + " -> " + c.after().severity().id();
        };
    }

    private static void text(ImpactReport r, Writer out) throws IOException {
        out.write("radar impact of " + r.proposed() + " (current: " + r.current() + "): " + headline(r) + "\n");
        out.write("radar changes: " + radarChanges(r) + "\n");
        if (r.method().equals("recorded")) {
            out.write("findings re-judged from the dependencies and languages recorded in the org summary\n");
        }
        for (ImpactReport.RepoImpact repo : r.affected()) {
            out.write("\n" + repo.repo() + (repo.team().isEmpty() ? "" : " (team " + repo.team() + ")") + "\n");
            for (FindingChange c : repo.changes()) {
                Finding f = c.finding();
                out.write("  " + pad(what(c), 27) + " " + pad(f.ruleId(), 8) + " " + where(f) + "  " + f.message() + "\n");
            }
        }
        for (String s : r.skipped()) {
            out.write("\nskipped: " + s + "\n");
        }
    }

    private static void markdown(ImpactReport r, Writer out) throws IOException {
        out.write("<!-- radar-impact -->\n");
        out.write("## Radar impact: " + Markdown.escape(headline(r)) + "\n\n");
        out.write("Proposed `" + r.proposed() + "` compared with `" + r.current() + "`. ");
        out.write(r.method().equals("recorded")
                ? "Findings re-judged from the dependencies and languages the last org scan recorded.\n\n"
                : "Each repository checked under both radars.\n\n");
        out.write("**Radar changes:** " + Markdown.escape(radarChanges(r).replace("->", "\u2192")) + "\n\n");
        if (!r.affected().isEmpty()) {
            Map<String, long[]> teams = new TreeMap<>();
            for (ImpactReport.RepoImpact repo : r.affected()) {
                long[] t = teams.computeIfAbsent(repo.team().isEmpty() ? "(no team)" : repo.team(), k -> new long[4]);
                t[0]++;
                t[1] += repo.newErrors();
                t[2] += repo.count(FindingChange.Kind.APPEARS);
                t[3] += repo.count(FindingChange.Kind.DISAPPEARS);
            }
            out.write("| Team | Repositories affected | New errors | Findings appear | Findings go |\n|---|---:|---:|---:|---:|\n");
            for (var e : teams.entrySet()) {
                long[] t = e.getValue();
                out.write("| " + Markdown.escape(e.getKey()) + " | " + t[0] + " | " + t[1] + " | " + t[2] + " | " + t[3] + " |\n");
            }
            out.write("\n");
            for (ImpactReport.RepoImpact repo : r.affected()) {
                out.write("<details" + (repo.newErrors() > 0 ? " open" : "") + "><summary><b>" + html(repo.repo()) + "</b>"
                        + (repo.team().isEmpty() ? "" : " (" + html(repo.team()) + ")") + ": " + repo.newErrors() + " new "
                        + plural(repo.newErrors(), "error", "errors") + ", " + repo.count(FindingChange.Kind.APPEARS) + " appear, "
                        + repo.count(FindingChange.Kind.DISAPPEARS) + " go, " + repo.count(FindingChange.Kind.CHANGES_SEVERITY)
                        + " change severity</summary>\n\n");
                out.write("| Change | Rule | Where | Finding |\n|---|---|---|---|\n");
                int rows = 0;
                for (FindingChange c : repo.changes()) {
                    if (rows++ == MARKDOWN_ROWS) {
                        out.write("| … | | | " + (repo.changes().size() - MARKDOWN_ROWS) + " more (run radar impact locally for all) |\n");
                        break;
                    }
                    Finding f = c.finding();
                    String change = switch (c.kind()) {
                        case APPEARS -> "➕ " + f.severity().id();
                        case DISAPPEARS -> "➖ " + f.severity().id();
                        case CHANGES_SEVERITY -> c.before().severity().id() + " → " + c.after().severity().id();
                    };
                    out.write("| " + change + " | " + f.ruleId() + " | `" + where(f).replace("`", "'") + "` | "
                            + Markdown.escape(f.message()) + " |\n");
                }
                out.write("\n</details>\n\n");
            }
        }
        for (String s : r.skipped()) {
            out.write("- skipped: " + Markdown.escape(s) + "\n");
        }
    }

    private static String html(String s) {
        return RadarSvg.esc(s);
    }

    private static void json(ImpactReport r, Writer out) throws IOException {
        List<Object> repos = new ArrayList<>();
        for (ImpactReport.RepoImpact repo : r.repos()) {
            List<Object> changes = new ArrayList<>();
            for (FindingChange c : repo.changes()) {
                changes.add(GovernanceJson.ordered("change", c.kind().id(), "before", finding(c.before()), "after", finding(c.after())));
            }
            repos.add(GovernanceJson.ordered("repo", repo.repo(), "team", repo.team(), "newErrors", repo.newErrors(), "changes", changes));
        }
        List<Object> radar = new ArrayList<>();
        for (RadarChange c : r.radarChanges()) {
            radar.add(GovernanceJson.ordered("kind", c.kind().id(), "entry", c.entryId(), "from", c.from() == null ? null : c.from().id(),
                    "to", c.to() == null ? null : c.to().id()));
        }
        GovernanceJson.WRITER.writeValue(out, GovernanceJson.ordered("schemaVersion", 1, "current", r.current(), "proposed", r.proposed(),
                "method", r.method(), "newErrors", r.newErrors(), "radarChanges", radar, "repos", repos, "skipped", r.skipped()));
        out.write("\n");
    }

    private static Object finding(Finding f) {
        if (f == null) {
            return null;
        }
        return GovernanceJson.ordered("ruleId", f.ruleId(), "severity", f.severity().id(), "status", f.status().id(), "file", f.file(),
                "line", f.line(), "entry", f.entryId(), "message", f.message(), "fingerprint", f.fingerprint());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
