package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dependency's hand-written equals and hashCode keep the record's meaning: every component counts. */
class DependencyObjectMethodsTest {

    private static Dependency dep(String repo, Ecosystem eco, String group, String name, String declared, String version,
            String scope, boolean direct, String file, int line, List<String> via) {
        return new Dependency(repo, eco, group, name, declared, version, scope, direct, file, line, via);
    }

    private static final Dependency BASE = dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a"));

    @Test
    void equalComponentsMeanEqualDependenciesAndHashes() {
        Dependency same = dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a"));
        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
        assertThat(BASE).isEqualTo(BASE).isNotEqualTo(null).isNotEqualTo("r");
        // defaults fill in null components the same way on both sides
        assertThat(dep(null, Ecosystem.NPM, null, "x", null, null, null, false, null, 0, null))
                .isEqualTo(dep(null, Ecosystem.NPM, "", "x", "", "", "", false, null, 0, List.of()))
                .hasSameHashCodeAs(dep(null, Ecosystem.NPM, "", "x", "", "", "", false, null, 0, List.of()));
    }

    @Test
    void everyComponentCounts() {
        List<Dependency> others = List.of(
                dep("other", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep(null, Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.GRADLE_PLUGIN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g2", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n2", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "1.0", "1.0", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.1", "compile", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "test", true, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", false, "pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "a/pom.xml", 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, null, 7, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 8, List.of("a")),
                dep("r", Ecosystem.MAVEN, "g", "n", "${v}", "1.0", "compile", true, "pom.xml", 7, List.of("a", "b")));
        for (Dependency other : others) {
            assertThat(other).as(other.toString()).isNotEqualTo(BASE);
            assertThat(BASE).as(other.toString()).isNotEqualTo(other);
        }
        assertThat(others.stream().map(Dependency::hashCode).distinct().count()).as("hashes spread").isGreaterThan(others.size() - 2L);
    }
}
