package dev.radar.report;

import dev.radar.model.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule base as a list ({@code radar rules}): a table for people, JSON for tools, and one rule in full ({@code radar explain}). */
public final class RuleCatalog {

    private RuleCatalog() {}

    public static List<RuleInfo> sorted(Iterable<RuleInfo> rules) {
        List<RuleInfo> out = new ArrayList<>();
        rules.forEach(out::add);
        out.sort(Comparator.comparing(RuleInfo::id));
        return out;
    }

    /** Columns id, severity, concern, title. */
    public static void writeTable(Iterable<RuleInfo> rules, Writer out) throws IOException {
        out.write(String.format("%-8s  %-8s  %-7s  %s%n", "ID", "SEVERITY", "CONCERN", "TITLE"));
        for (RuleInfo r : sorted(rules)) {
            out.write(String.format("%-8s  %-8s  %-7s  %s%n", r.id(), r.severity().id(), r.concern(), r.title()));
        }
    }

    /** Every rule with all its metadata, with a {@code schemaVersion}. */
    public static void writeJson(Iterable<RuleInfo> rules, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RuleInfo r : sorted(rules)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("severity", r.severity().id());
            m.put("concern", r.concern());
            m.put("title", r.title());
            m.put("rationale", r.rationale());
            m.put("remediation", r.remediation());
            m.put("example", r.example());
            m.put("file", r.file());
            rows.add(m);
        }
        Json.write(out, Json.ordered("schemaVersion", Report.SCHEMA_VERSION, "rules", rows));
        out.write("\n");
    }

    /** One rule in full: title, severity, where it is defined, why, how to fix, and a passing example. */
    public static void writeExplanation(RuleInfo r, Writer out) throws IOException {
        out.write(r.id() + "  " + r.title() + "\n");
        out.write("severity:    " + r.severity().id() + " (override per rule in radar.yaml under 'standards')\n");
        out.write("concern:     " + r.concern() + "\n");
        out.write("defined in:  " + r.file() + "\n\n");
        out.write("Why:  " + r.rationale() + "\n");
        out.write("Fix:  " + r.remediation() + "\n");
        if (!r.example().isEmpty()) {
            out.write("\nPasses, for example:\n");
            for (String line : r.example().split("\n", -1)) {
                out.write("    " + line + "\n");
            }
        }
    }
}
