package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/standards.md lists every rule of the built-in rule base; its table is generated from the rules' metadata
 * and this test fails when the two drift apart. Run with {@code -Dgolden.update=true} to rewrite the table after a
 * deliberate change to a rule, then review the diff.
 */
class StandardsDocTest {

    static final Path DOC = Path.of("..", "docs", "standards.md");
    static final String BEGIN = "<!-- rules:begin (generated from the rules' metadata by StandardsDocTest) -->";
    static final String END = "<!-- rules:end -->";

    static String table() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append("| ID | Severity | Concern | Title | Rationale |\n");
        out.append("|----|----------|---------|-------|-----------|\n");
        for (RuleInfo r : PolicyEngine.load(Optional.empty()).rules().values()) {
            out.append("| ").append(r.id()).append(" | ").append(r.severity().id()).append(" | ").append(r.concern())
                    .append(" | ").append(cell(r.title())).append(" | ").append(cell(r.rationale())).append(" |\n");
        }
        return out.append(END).toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    @Test
    void the_rule_table_in_docs_standards_md_matches_the_rule_metadata() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/standards.md has the generated-table markers").isGreaterThanOrEqualTo(0);
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin, end + END.length());
        String expected = table();
        if (Boolean.getBoolean("golden.update") && !current.equals(expected)) {
            Files.writeString(DOC, doc.substring(0, begin) + expected + doc.substring(end + END.length()), StandardCharsets.UTF_8);
            current = expected;
        }
        assertThat(current).as("docs/standards.md is out of date; run with -Dgolden.update=true and review the diff").isEqualTo(expected);
    }
}
