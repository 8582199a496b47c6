package dev.radar.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SARIF's shortcuts for speed (issue 7) write what the plain way wrote: rules serialised once, helpers without regexes. */
class SarifWriterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"pom.xml", "/etc/passwd", "../central.yaml", "C:/radar/x.yaml", "c:\\radar\\x.yaml", "C:", "C:/",
        "1:/x", "CC:/x", "C:x", "C:/a\nb", "C:/a\u2028b", "src/C:/x", "é:/x", "Z:\\"})
    void a_path_is_inside_the_repository_exactly_when_the_old_regex_said_so(String file) {
        boolean regex = !file.isEmpty() && !file.startsWith("/") && !file.startsWith("../") && !file.matches("^[A-Za-z]:[/\\\\].*");
        assertThat(SarifWriter.insideRepository(file)).isEqualTo(regex);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Hold-listed dependency", "API paths are versioned (/v1/...)", "", "--", "a", "x9 y_z", "élan vital",
        "no README", "CI lint step", "  leading and trailing  "})
    void rule_names_are_the_title_words_capitalised_as_the_old_split_made_them(String title) {
        String split = Arrays.stream(title.split("[^A-Za-z0-9]+")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
        assertThat(SarifWriter.pascal(title)).isEqualTo(split);
    }

    @Test
    void rules_serialised_once_for_a_rule_list_are_written_as_serialising_them_each_time() throws IOException {
        // after a report with other rules the rules are serialised in place; after one with the same rules they are reused
        Map<String, Report> scenarios = ReportWritersTest.scenarios();
        SarifWriter sarif = new SarifWriter();
        int reused = 0;
        for (Report before : scenarios.values()) {
            for (Report report : scenarios.values()) {
                ReportWritersTest.render(sarif, before);
                String afterBefore = ReportWritersTest.render(sarif, report);
                assertThat(ReportWritersTest.render(sarif, report)).isEqualTo(afterBefore);
                reused += before.rules().equals(report.rules()) ? 0 : 1;
            }
        }
        assertThat(reused).as("pairs where the first of two writes serialised the rules afresh").isPositive();
    }
}
