package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.Finding;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Checker} with a rule base that is asked for only when the collected facts are judged. */
class CheckerTest {
    static PolicyEngine engine;
    static Radar radar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        HostileRepoTest.load(); // the same rule base, radar and repository helpers
        engine = HostileRepoTest.engine;
        radar = HostileRepoTest.radar;
    }

    Path repo() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("svc"));
        HostileRepoTest.write(repo.resolve("pom.xml"), HostileRepoTest.pom("<version>1.0</version>", "log4j", "log4j", "1.2.17"));
        return repo;
    }

    @Test
    void a_rule_base_given_later_judges_like_one_given_up_front_and_is_asked_for_once() throws IOException {
        Path repo = repo();
        List<String> asked = new ArrayList<>();
        Supplier<PolicyEngine> later = () -> {
            asked.add("asked");
            return engine;
        };
        Checker lazy = new Checker(later);
        CheckRequest request = new CheckRequest(repo, "svc", radar, LocalDate.of(2026, 11, 22));
        Report first = lazy.check(request);
        Report second = lazy.check(request);
        Report upFront = new Checker(engine).check(request);

        assertThat(first).isEqualTo(upFront);
        assertThat(second).isEqualTo(upFront);
        assertThat(first.findings()).extracting(Finding::ruleId).contains("RAD-001");
        assertThat(asked).hasSize(1);
    }

    @Test
    void the_rule_base_is_not_asked_for_when_the_repository_cannot_be_collected() {
        List<String> asked = new ArrayList<>();
        Checker lazy = new Checker(() -> {
            asked.add("asked");
            return engine;
        });
        CheckRequest request = new CheckRequest(tmp.resolve("missing"), "svc", radar, LocalDate.of(2026, 11, 22));

        assertThatThrownBy(() -> lazy.check(request)).isInstanceOf(IOException.class);
        assertThat(asked).isEmpty();
    }
}
