package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A terminal-friendly report: findings grouped by file, most serious first within a line, then a summary. */
public final class TextWriter implements ReportWriter {
    public static final String NAME = "text";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "findings grouped by file with line numbers, for terminals and CI logs";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write("radar check of " + report.repo() + " (radar: " + report.radar() + ", today: " + report.today() + ")\n");
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byFile.computeIfAbsent(f.file().isEmpty() ? "(repository)" : f.file(), k -> new java.util.ArrayList<>()).add(f);
        }
        for (var e : byFile.entrySet()) {
            out.write("\n" + e.getKey() + "\n");
            for (Finding f : e.getValue()) {
                String where = f.line() > 0 ? String.valueOf(f.line()) : "-";
                String status = f.status() == FindingStatus.EXCEPTED ? " (excepted by " + f.exceptionId() + ")"
                        : f.status() == FindingStatus.EXCEPTION_EXPIRED ? " (exception " + f.exceptionId() + " expired)" : "";
                out.write(String.format("  %5s  %-7s  %-7s  %s%s%n", where, f.severity().id(), f.ruleId(), f.message(), status));
                if (f.severity() != Severity.INFO && !f.remediation().isEmpty() && f.status() != FindingStatus.EXCEPTED) {
                    out.write(String.format("  %5s  %-7s  %-7s  -> %s%n", "", "", "", f.remediation()));
                }
            }
        }
        Map<Severity, Integer> counts = report.counts();
        out.write("\n" + plural(counts.get(Severity.ERROR), "error") + ", " + plural(counts.get(Severity.WARNING), "warning")
                + ", " + counts.get(Severity.INFO) + " info"
                + (report.excepted() > 0 ? ", " + report.excepted() + " excepted" : "")
                + " in " + plural(report.dependencies(), "dependency", "dependencies") + "\n");
        if (report.incomplete()) {
            out.write("incomplete: " + plural(report.problems().size(), "file") + " could not be read (see RAD-010 above)\n");
        }
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
