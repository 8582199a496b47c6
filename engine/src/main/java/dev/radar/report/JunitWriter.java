package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML for CI test reports: one test case per rule and file with findings (class name = rule id, name = file),
 * failing with every open finding in it; a rule without findings is one passing test case; a file whose findings
 * are all excepted is a skipped one.
 */
public final class JunitWriter implements ReportWriter {
    public static final String NAME = "junit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JUnit XML: a test case per rule and file, failures for open findings";
    }

    @Override
    public String extension() {
        return "xml";
    }

    /** One test case: a rule in a file ("" for the rule's passing case). */
    private record Case(String rule, String file, List<Finding> findings) {
        List<Finding> open() {
            return findings.stream().filter(Finding::counts).toList();
        }
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Map<String, List<Finding>>> byRule = new TreeMap<>();
        for (RuleInfo r : report.rules()) {
            byRule.put(r.id(), new TreeMap<>());
        }
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new TreeMap<>())
                    .computeIfAbsent(f.file().isEmpty() ? "(repository)" : f.file(), k -> new ArrayList<>()).add(f);
        }
        List<Case> cases = new ArrayList<>();
        byRule.forEach((rule, files) -> {
            if (files.isEmpty()) {
                cases.add(new Case(rule, "", List.of()));
            }
            files.forEach((file, findings) -> cases.add(new Case(rule, file, findings)));
        });
        int failures = (int) cases.stream().filter(c -> !c.open().isEmpty()).count();
        int skipped = (int) cases.stream().filter(c -> !c.findings().isEmpty() && c.open().isEmpty()).count();
        Map<String, String> suite = new LinkedHashMap<>();
        suite.put("name", "radar check of " + report.repo());
        suite.put("tests", String.valueOf(cases.size()));
        suite.put("failures", String.valueOf(failures));
        suite.put("errors", "0");
        suite.put("skipped", String.valueOf(skipped));
        suite.put("timestamp", report.today() + "T00:00:00");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"radar\" tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\""
                + skipped + "\">\n");
        out.write("  <testsuite" + attributes(suite) + ">\n");
        out.write("    <properties>\n");
        out.write("      <property name=\"radar\" value=\"" + escape(report.radar()) + "\"/>\n");
        out.write("      <property name=\"today\" value=\"" + report.today() + "\"/>\n");
        out.write("      <property name=\"dependencies\" value=\"" + report.dependencies() + "\"/>\n");
        out.write("    </properties>\n");
        for (Case c : cases) {
            RuleInfo info = report.rule(c.rule());
            String name = c.file().isEmpty() ? (info == null ? c.rule() : info.title()) : c.file();
            out.write("    <testcase classname=\"" + escape(c.rule()) + "\" name=\"" + escape(name) + "\"");
            List<Finding> open = c.open();
            if (c.findings().isEmpty()) {
                out.write("/>\n");
            } else if (open.isEmpty()) {
                out.write(">\n      <skipped message=\"" + escape("excepted by " + String.join(", ",
                        c.findings().stream().map(Finding::exceptionId).distinct().toList())) + "\"/>\n    </testcase>\n");
            } else {
                Finding first = open.get(0);
                String type = open.stream().map(f -> f.severity()).min(java.util.Comparator.naturalOrder()).orElseThrow().id();
                StringBuilder text = new StringBuilder();
                for (Finding f : open) {
                    text.append(c.file()).append(f.line() > 0 ? ":" + f.line() : "").append(": ").append(f.severity().id())
                            .append(": ").append(f.message());
                    if (f.status() == FindingStatus.EXCEPTION_EXPIRED) {
                        text.append(" (exception ").append(f.exceptionId()).append(" expired)");
                    }
                    text.append('\n');
                    if (!f.remediation().isEmpty()) {
                        text.append("  -> ").append(f.remediation()).append('\n');
                    }
                }
                String message = open.size() == 1 ? first.message() : open.size() + " findings, first: " + first.message();
                out.write(">\n      <failure type=\"" + type + "\" message=\"" + escape(message) + "\">" + escapeText(text.toString())
                        + "</failure>\n    </testcase>\n");
            }
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static String attributes(Map<String, String> attrs) {
        StringBuilder b = new StringBuilder();
        attrs.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        return b.toString();
    }

    /** Element text: as {@link #escape}, but line breaks stay line breaks. */
    static String escapeText(String s) {
        return escape(s).replace("&#10;", "\n").replace("&apos;", "'").replace("&quot;", "\"");
    }

    /** XML-escapes attribute values, dropping characters XML 1.0 cannot carry. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append("&#9;");
                default -> {
                    if (c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
