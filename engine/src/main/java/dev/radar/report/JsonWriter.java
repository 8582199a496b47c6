package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FileProblem;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable report with a {@code schemaVersion}; excepted findings are kept with their exception id. */
public final class JsonWriter implements ReportWriter {
    public static final String NAME = "json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every finding with fingerprint and status, schemaVersion " + Report.SCHEMA_VERSION;
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", Report.SCHEMA_VERSION);
        root.put("tool", Json.ordered("name", Tool.NAME, "version", Tool.version()));
        root.put("repo", report.repo());
        root.put("today", report.today().toString());
        root.put("radar", report.radar());
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<Severity, Integer> counts = report.counts();
        for (Severity s : Severity.values()) {
            summary.put(s.id(), counts.get(s));
        }
        summary.put("excepted", report.excepted());
        summary.put("dependencies", report.dependencies());
        summary.put("incomplete", report.incomplete());
        root.put("summary", summary);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", f.ruleId());
            m.put("severity", f.severity().id());
            m.put("status", f.status().id());
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("message", f.message());
            m.put("remediation", f.remediation());
            m.put("entryId", f.entryId());
            m.put("fingerprint", f.fingerprint());
            if (!f.exceptionId().isEmpty()) {
                m.put("exceptionId", f.exceptionId());
            }
            findings.add(m);
        }
        root.put("findings", findings);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (FileProblem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("message", p.message());
            problems.add(m);
        }
        root.put("problems", problems);
        Json.write(out, root);
        out.write("\n");
    }
}
