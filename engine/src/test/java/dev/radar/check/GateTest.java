package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.FileProblem;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import dev.radar.report.JsonWriter;
import dev.radar.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI gate: which reports fail, and how a baseline lets a legacy repository adopt it. */
class GateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Finding hold(String artifact, int line) {
        return new Finding("RAD-001", Severity.ERROR, "r", "pom.xml", line, artifact + " is on hold", "", "", "maven|" + artifact, "",
                FindingStatus.OPEN, "");
    }

    static Report report(List<Finding> findings, List<FileProblem> problems) {
        return Report.of("r", TODAY, "radar.yaml", findings, List.of(), 3, problems);
    }

    static String json(Report r) throws IOException {
        StringWriter w = new StringWriter();
        new JsonWriter().write(r, w);
        return w.toString();
    }

    final Gate onErrors = new Gate(Optional.of(Severity.ERROR), Optional.empty());

    @Test
    void an_error_finding_fails_and_a_warning_does_not() {
        assertThat(onErrors.decide(report(List.of(hold("a:b", 3)), List.of())).outcome()).isEqualTo(Gate.Outcome.FAIL);
        Finding warning = new Finding("RAD-002", Severity.WARNING, "r", "pom.xml", 4, "trial", "", "", "maven|c:d", "", FindingStatus.OPEN, "");
        assertThat(onErrors.decide(report(List.of(warning), List.of())).outcome()).isEqualTo(Gate.Outcome.PASS);
        assertThat(new Gate(Optional.of(Severity.WARNING), Optional.empty()).decide(report(List.of(warning), List.of())).outcome())
                .isEqualTo(Gate.Outcome.FAIL);
    }

    @Test
    void excepted_findings_do_not_fail_and_fail_on_never_never_fails() {
        Finding excepted = hold("a:b", 3).withStatus(FindingStatus.EXCEPTED, "EXC-1");
        assertThat(onErrors.decide(report(List.of(excepted), List.of())).outcome()).isEqualTo(Gate.Outcome.PASS);
        assertThat(new Gate(Optional.empty(), Optional.empty()).decide(report(List.of(hold("a:b", 3)), List.of())).outcome())
                .isEqualTo(Gate.Outcome.PASS);
    }

    @Test
    void findings_win_over_an_incomplete_check() {
        List<FileProblem> broken = List.of(new FileProblem("r", "sub/pom.xml", 2, "not XML"));
        assertThat(onErrors.decide(report(List.of(), broken)).outcome()).isEqualTo(Gate.Outcome.INCOMPLETE);
        assertThat(onErrors.decide(report(List.of(hold("a:b", 3)), broken)).outcome()).isEqualTo(Gate.Outcome.FAIL);
    }

    @Test
    void with_a_baseline_only_new_findings_fail_even_when_old_ones_moved(@TempDir Path dir) throws IOException {
        Path before = dir.resolve("baseline.json");
        Files.writeString(before, json(report(List.of(hold("legacy:one", 10), hold("legacy:two", 11)), List.of())));
        Gate gate = new Gate(Optional.of(Severity.ERROR), Optional.of(Baseline.read(before)));

        Gate.Verdict same = gate.decide(report(List.of(hold("legacy:one", 30), hold("legacy:two", 31)), List.of()));
        assertThat(same.outcome()).isEqualTo(Gate.Outcome.PASS);
        assertThat(same.baselined()).hasSize(2);

        Gate.Verdict added = gate.decide(report(List.of(hold("legacy:one", 30), hold("new:dep", 40)), List.of()));
        assertThat(added.outcome()).isEqualTo(Gate.Outcome.FAIL);
        assertThat(added.failing()).extracting(Finding::subject).containsExactly("maven|new:dep");
    }

    @Test
    void a_baseline_that_is_not_a_json_report_is_a_configuration_error_naming_file_and_line(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"findings\": [ oops ]\n}\n");
        assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems().get(0).file()).endsWith("bad.json");
            assertThat(e.problems().get(0).line()).isEqualTo(3);
        });
        Path sarif = dir.resolve("report.sarif");
        Files.writeString(sarif, "{\"version\": \"2.1.0\", \"runs\": []}");
        assertThatThrownBy(() -> Baseline.read(sarif)).isInstanceOf(ConfigException.class).hasMessageContaining("--format json");
    }
}
