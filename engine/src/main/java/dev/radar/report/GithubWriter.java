package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands: one {@code ::error}/{@code ::warning}/{@code ::notice} annotation per finding
 * with file and line, as many as GitHub shows (10 per type per step, 50 per job); the rest are counted in a last
 * log line and listed in the step summary (the {@code markdown} format, which {@code radar check} appends to
 * {@code $GITHUB_STEP_SUMMARY}). Errors come first. Excepted findings are not annotated. A last plain line gives
 * the counts.
 */
public final class GithubWriter implements ReportWriter {
    public static final String NAME = "github";
    /** Annotations GitHub shows per type and step. */
    public static final int PER_TYPE = 10;
    /** Annotations GitHub shows per job. */
    public static final int PER_JOB = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GitHub Actions annotations with file and line (the rest in the step summary)";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
        int total = 0;
        int left = 0;
        List<Finding> bySeverity = report.findings().stream().filter(f -> f.status() != FindingStatus.EXCEPTED)
                .sorted(Comparator.comparing(Finding::severity)).toList(); // stable: file and line order within a severity
        for (Finding f : bySeverity) {
            if (shown.getOrDefault(f.severity(), 0) >= PER_TYPE || total >= PER_JOB) {
                left++;
                continue;
            }
            shown.merge(f.severity(), 1, Integer::sum);
            total++;
            out.write(annotation(f, report.rule(f.ruleId())));
        }
        if (left > 0) {
            // a plain log line, not an annotation: an eleventh notice would not be shown either
            out.write("radar: " + left + (left == 1 ? " more finding is" : " more findings are") + " not annotated (GitHub shows "
                    + PER_TYPE + " per type and step); the step summary lists every finding\n");
        }
        Map<Severity, Integer> counts = report.counts();
        out.write("radar: " + report.repo() + ": " + counts.get(Severity.ERROR) + " error(s), " + counts.get(Severity.WARNING)
                + " warning(s), " + counts.get(Severity.INFO) + " info" + (report.excepted() > 0 ? ", " + report.excepted() + " excepted" : "")
                + " in " + report.dependencies() + " dependencies" + (report.incomplete() ? "; incomplete: " + report.problems().size()
                + " file(s) could not be read" : "") + "\n");
    }

    private static String annotation(Finding f, RuleInfo rule) {
        StringBuilder b = new StringBuilder("::").append(command(f.severity())).append(' ');
        if (!f.file().isEmpty()) {
            b.append("file=").append(property(f.file())).append(',');
            if (f.line() >= 1) {
                b.append("line=").append(f.line()).append(',');
            }
        }
        String title = f.ruleId() + (rule == null ? "" : " " + rule.title());
        if (f.status() == FindingStatus.EXCEPTION_EXPIRED) {
            title += " (exception " + f.exceptionId() + " expired)";
        }
        b.append("title=").append(property(title));
        String message = f.message() + (f.remediation().isEmpty() ? "" : "\n" + f.remediation());
        return b.append("::").append(data(message)).append('\n').toString();
    }

    static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** Escapes a message the way the Actions runner unescapes it. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value (file, title): as data, plus the separators {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
