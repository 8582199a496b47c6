package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    void a_dependency_without_a_name_becomes_a_problem_at_its_line_and_the_others_are_kept() {
        Facts facts = new Facts("svc");
        facts.add(new Dependency("svc", Ecosystem.NPM, "", "left-pad", "1.3.0", "1.3.0", "runtime", true, "package.json", 4, List.of()));
        facts.add(new Dependency("svc", Ecosystem.NPM, "@acme", " ", "1.0.0", "1.0.0", "runtime", true, "package.json", 7, List.of()));

        RepoFacts built = facts.build();

        assertThat(built.dependencies()).extracting(Dependency::name).containsExactly("left-pad");
        assertThat(built.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("package.json");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).isEqualTo("a dependency without a name (npm); skipped");
        });
    }
}
