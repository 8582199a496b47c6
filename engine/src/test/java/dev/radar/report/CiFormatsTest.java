package dev.radar.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What CI systems read from the junit, github and markdown formats (beyond their golden files). */
class CiFormatsTest {

    static Finding finding(Severity severity, String file, int line, String message, FindingStatus status) {
        String rule = switch (severity) {
            case ERROR -> "RAD-001";
            case WARNING -> "RAD-002";
            case INFO -> "RAD-003";
        };
        return new Finding(rule, severity, "r", file, line, message, "Fix it.", "", "subject|" + file + line + message, "", status,
                status == FindingStatus.OPEN ? "" : "EXC-1");
    }

    static Report report(List<Finding> findings) {
        return Report.of("r", LocalDate.of(2026, 11, 22), "radar.yaml", findings, ReportWritersTest.scenarios().get("empty").rules(), 5,
                List.of());
    }

    static String render(ReportWriter w, Report r) throws IOException {
        StringWriter out = new StringWriter();
        w.write(r, out);
        return out.toString();
    }

    @Test
    void github_annotates_at_most_ten_per_type_and_counts_the_rest() throws IOException {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            many.add(finding(Severity.ERROR, "pom.xml", i, "hold " + i, FindingStatus.OPEN));
            many.add(finding(Severity.WARNING, "pom.xml", 100 + i, "trial " + i, FindingStatus.OPEN));
        }
        many.add(finding(Severity.INFO, "pom.xml", 300, "unknown", FindingStatus.OPEN));
        String out = render(new GithubWriter(), report(many));
        List<String> lines = out.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("::error ")).hasSize(GithubWriter.PER_TYPE);
        assertThat(lines).filteredOn(l -> l.startsWith("::warning ")).hasSize(GithubWriter.PER_TYPE);
        assertThat(lines).filteredOn(l -> l.startsWith("::notice ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("::")).hasSizeLessThanOrEqualTo(GithubWriter.PER_JOB);
        assertThat(lines.get(lines.size() - 2)).startsWith("radar: 8 more findings are not annotated");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("radar: r: 14 error(s), 14 warning(s), 1 info in 5 dependencies");
    }

    @Test
    void github_escapes_properties_and_messages_and_leaves_out_unknown_lines_and_excepted_findings() throws IOException {
        String out = render(new GithubWriter(), report(List.of(
                finding(Severity.ERROR, "a,b:c/pom.xml", 0, "100% broken\nsecond line", FindingStatus.OPEN),
                finding(Severity.ERROR, "pom.xml", 9, "excepted", FindingStatus.EXCEPTED))));
        assertThat(out.lines().findFirst().orElseThrow())
                .isEqualTo("::error file=a%2Cb%3Ac/pom.xml,title=RAD-001 Dependency on a hold entry::100%25 broken%0Asecond line%0AFix it.");
        assertThat(out.lines().filter(l -> l.startsWith("::"))).hasSize(1);
    }

    @Test
    void junit_is_well_formed_with_a_test_case_per_rule_and_file() throws Exception {
        String xml = render(new JunitWriter(), report(List.of(
                finding(Severity.ERROR, "a/pom.xml", 3, "hold <one> & \"two\"", FindingStatus.OPEN),
                finding(Severity.ERROR, "a/pom.xml", 7, "hold three\u0001", FindingStatus.OPEN),
                finding(Severity.ERROR, "b/pom.xml", 2, "old", FindingStatus.EXCEPTED),
                finding(Severity.WARNING, "b/pom.xml", 5, "trial", FindingStatus.EXCEPTION_EXPIRED))));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + " " + c.getAttribute("name") + " " + (c.getElementsByTagName("failure").getLength() > 0
                    ? "failed" : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed"));
        }
        assertThat(names).containsExactly("RAD-001 a/pom.xml failed", "RAD-001 b/pom.xml skipped", "RAD-002 b/pom.xml failed",
                "RAD-003 Dependency not on the radar passed", "RAD-004 Language on hold passed", "RAD-010 File could not be read passed");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
                .contains("a/pom.xml:3: error: hold <one> & \"two\"", "a/pom.xml:7: error: hold three");
    }

    @Test
    void markdown_rows_cannot_break_the_table_and_are_capped() throws IOException {
        List<Finding> many = new ArrayList<>();
        many.add(finding(Severity.ERROR, "pom.xml", 1, "a | b <script>", FindingStatus.OPEN));
        for (int i = 2; i <= MarkdownWriter.MAX_ROWS + 5; i++) {
            many.add(finding(Severity.INFO, "pom.xml", i, "unknown " + i, FindingStatus.OPEN));
        }
        String md = render(new MarkdownWriter(), report(many));
        assertThat(md).startsWith("### :x: radar check of r: 1 error, 0 warnings, 104 info");
        assertThat(md).contains("| error | RAD-001 | `pom.xml:1` | a \\| b &lt;script&gt; | Fix it. |");
        assertThat(md.lines().filter(l -> l.startsWith("| info "))).hasSize(MarkdownWriter.MAX_ROWS - 1);
        assertThat(md).contains("… and 5 more");
    }
}
