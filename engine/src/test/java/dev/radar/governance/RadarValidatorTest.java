package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Severity;
import dev.radar.policy.PolicyEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation scenarios: each folder under {@code governance/validate/} holds a {@code radar.yaml}, optionally a
 * {@code previous.yaml}, {@code exceptions.yaml} and {@code summary.json}, and the exact {@code expected.txt}
 * diagnostics (empty for a clean radar). Rule ids come from the built-in rule base.
 */
class RadarValidatorTest {
    private static Set<String> rules;

    @BeforeAll
    static void ruleBase() {
        rules = PolicyEngine.load(Optional.empty()).rules().keySet();
    }

    static Path root() throws URISyntaxException {
        return Path.of(RadarValidatorTest.class.getResource("/governance/validate").toURI());
    }

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validation_reports_exactly_the_expected_diagnostics(String scenario) throws Exception {
        Path dir = root().resolve(scenario);
        Optional<ValidationRequest.Previous> previous = Files.exists(dir.resolve("previous.yaml"))
                ? Optional.of(new ValidationRequest.Previous("previous.yaml", read(dir.resolve("previous.yaml"))))
                : Optional.empty();
        Optional<ExceptionRefs> exceptions = Files.exists(dir.resolve("exceptions.yaml"))
                ? Optional.of(ExceptionRefs.parse("exceptions.yaml", read(dir.resolve("exceptions.yaml"))))
                : Optional.empty();
        Optional<OrgSummary> summary = Files.exists(dir.resolve("summary.json"))
                ? Optional.of(OrgSummary.parse("summary.json", read(dir.resolve("summary.json"))))
                : Optional.empty();
        var found = RadarValidator.validate(new ValidationRequest("radar.yaml", read(dir.resolve("radar.yaml")), previous, exceptions,
                Optional.of(rules), summary));
        String actual = found.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        if (Boolean.getBoolean("golden.update")) { // regenerate with -Dgolden.update=true, then review the diff
            Files.writeString(Path.of("src/test/resources/governance/validate", scenario, "expected.txt"), actual + "\n");
        }
        assertThat(actual).isEqualTo(read(dir.resolve("expected.txt")).strip());
    }

    @Test
    void the_example_organisation_radar_has_no_errors() throws Exception {
        Path radar = Path.of("..", "radar.yaml");
        var found = RadarValidator.validate(new ValidationRequest("radar.yaml", read(radar), Optional.empty(), Optional.empty(),
                Optional.of(rules), Optional.empty()));
        assertThat(found).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void close_misspellings_get_a_suggestion() {
        assertThat(RadarValidator.suggestion("mongdb", Set.of("mongodb", "postgres"))).isEqualTo("; did you mean 'mongodb'?");
        assertThat(RadarValidator.suggestion("kafka", Set.of("mongodb", "postgres"))).isEmpty();
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
