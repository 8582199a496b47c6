package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A GitHub-flavoured Markdown summary for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: a headline with
 * the counts, one table row per finding that counts (most serious first, at most {@value #MAX_ROWS}), then the
 * excepted findings folded away.
 */
public final class MarkdownWriter implements ReportWriter {
    public static final String NAME = "markdown";
    /** Rows per table; a step summary is limited to 1 MiB and a PR comment to 65,536 characters. */
    public static final int MAX_ROWS = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Markdown summary for $GITHUB_STEP_SUMMARY and pull-request comments";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<Severity, Integer> counts = report.counts();
        int errors = counts.get(Severity.ERROR);
        String icon = errors > 0 ? ":x:" : counts.get(Severity.WARNING) > 0 ? ":warning:" : ":white_check_mark:";
        out.write("### " + icon + " radar check of " + inline(report.repo()) + ": " + plural(errors, "error") + ", "
                + plural(counts.get(Severity.WARNING), "warning") + ", " + counts.get(Severity.INFO) + " info\n\n");
        out.write("Radar `" + code(report.radar()) + "` on " + report.today() + " · " + plural(report.dependencies(), "dependency", "dependencies")
                + (report.excepted() > 0 ? " · " + report.excepted() + " excepted" : "")
                + (report.incomplete() ? " · **incomplete**: " + plural(report.problems().size(), "file") + " could not be read" : "") + "\n");
        List<Finding> counted = report.findings().stream().filter(Finding::counts)
                .sorted(java.util.Comparator.comparing(Finding::severity)).toList();
        if (!counted.isEmpty()) {
            out.write("\n| Severity | Rule | Where | Finding | What to do |\n|---|---|---|---|---|\n");
            for (Finding f : counted.subList(0, Math.min(MAX_ROWS, counted.size()))) {
                String expired = f.status() == FindingStatus.EXCEPTION_EXPIRED ? " (exception " + f.exceptionId() + " expired)" : "";
                out.write("| " + f.severity().id() + " | " + cell(f.ruleId()) + " | " + where(f) + " | " + cell(f.message() + expired)
                        + " | " + cell(f.remediation()) + " |\n");
            }
            if (counted.size() > MAX_ROWS) {
                out.write("\n… and " + (counted.size() - MAX_ROWS) + " more; the JSON and SARIF reports list every finding.\n");
            }
        }
        List<Finding> excepted = report.findings().stream().filter(f -> f.status() == FindingStatus.EXCEPTED).toList();
        if (!excepted.isEmpty()) {
            out.write("\n<details><summary>Excepted findings (" + excepted.size() + ")</summary>\n\n"
                    + "| Rule | Where | Finding | Exception |\n|---|---|---|---|\n");
            for (Finding f : excepted.subList(0, Math.min(MAX_ROWS, excepted.size()))) {
                out.write("| " + cell(f.ruleId()) + " | " + where(f) + " | " + cell(f.message()) + " | " + cell(f.exceptionId()) + " |\n");
            }
            out.write("\n</details>\n");
        }
    }

    private static String where(Finding f) {
        if (f.file().isEmpty()) {
            return "(repository)";
        }
        return "`" + code(f.file() + (f.line() > 0 ? ":" + f.line() : "")) + "`";
    }

    /** A table cell: one line, pipes escaped, HTML neutralised. */
    static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }

    private static String inline(String s) {
        return s.replace("\r", "").replace("\n", " ").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text inside backticks: no backticks, no line breaks, pipes escaped for tables. */
    private static String code(String s) {
        return s.replace("`", "'").replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
