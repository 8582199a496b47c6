package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule base hands out reset sessions from a pool (one per check worker in an org scan): a session that judged one
 * repository must judge the next exactly as a new session would, whatever came before.
 */
class ReusedSessionTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void each_example_repository_is_judged_alike_by_a_reused_session_and_a_new_one() throws Exception {
        Radar radar = RadarLoader.load(ROOT.resolve("radar.yaml"));
        List<Path> repos;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("examples/org"))) {
            repos = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(repos).hasSizeGreaterThanOrEqualTo(8);

        Map<Path, CheckResult> fresh = new HashMap<>();
        for (Path repo : repos) { // a rule base of its own per repository: its first session is a new one
            fresh.put(repo, new Checker(PolicyEngine.load(Optional.empty())).run(request(repo, radar)));
        }
        Checker shared = new Checker(PolicyEngine.load(Optional.empty()));
        List<Path> order = new ArrayList<>(repos);
        Collections.shuffle(order, new Random(5));
        order.addAll(repos);
        Collections.reverse(order);
        for (Path repo : order) {
            CheckResult reused = shared.run(request(repo, radar));
            String name = repo.getFileName().toString();
            assertThat(reused.report()).as(name).isEqualTo(fresh.get(repo).report());
            assertThat(reused.usages()).as(name).containsExactlyInAnyOrderElementsOf(fresh.get(repo).usages());
        }
        assertThat(fresh.values()).as("the examples have findings and usages to compare")
                .anySatisfy(r -> assertThat(r.report().findings()).isNotEmpty())
                .anySatisfy(r -> assertThat(r.usages()).isNotEmpty());
    }

    private static CheckRequest request(Path repo, Radar radar) {
        return new CheckRequest(repo, repo.getFileName().toString(), radar, LocalDate.of(2026, 11, 22));
    }
}
