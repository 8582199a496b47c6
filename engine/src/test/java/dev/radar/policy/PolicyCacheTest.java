package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.check.CheckRequest;
import dev.radar.check.Checker;
import dev.radar.model.Finding;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache of rule bases compiled from {@code --policies}: used when intact, never trusted when not. */
class PolicyCacheTest {

    static final String SNAPSHOT_RULE = """
            package custom;
            import dev.radar.model.Dependency;
            global dev.radar.policy.FindingFactory findings;
            rule "snapshot dependency"
                @id("HYG-901") @severity("warning") @title("Snapshot dependency")
                @rationale("Snapshots change under you.") @remediation("Pin a release.")
            when
                $d : Dependency(version.endsWith("-SNAPSHOT"))
            then
                insert(findings.about(drools, $d, $d.display() + " is a snapshot"));
            end
            """;

    @TempDir
    Path policies;
    @TempDir
    Path cacheDir;
    @TempDir
    Path repo;

    PolicyCache cache;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(policies.resolve("snapshots.drl"), SNAPSHOT_RULE);
        Files.writeString(repo.resolve("pom.xml"), """
                <project>
                  <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>com.example</groupId><artifactId>lib</artifactId><version>1.0-SNAPSHOT</version></dependency>
                    <dependency><groupId>org.mongodb</groupId><artifactId>mongodb-driver-sync</artifactId><version>4.11.1</version></dependency>
                  </dependencies>
                </project>
                """);
        cache = PolicyCache.in(cacheDir);
    }

    List<String> ruleIds(PolicyEngine engine) throws IOException, URISyntaxException {
        Path radarFile = Path.of(getClass().getResource("/rules/radar.yaml").toURI());
        Radar radar = RadarLoader.load(radarFile);
        return new Checker(engine).check(new CheckRequest(repo, "repo", radar, LocalDate.of(2026, 11, 22))).findings().stream()
                .map(Finding::ruleId).sorted().toList();
    }

    List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.toString().endsWith(".kb")).toList();
        }
    }

    @Test
    void built_in_policies_come_precompiled_from_the_jar() {
        assertThat(PolicyEngine.load(Optional.empty(), cache).provenance()).isEqualTo(PolicyEngine.Provenance.PREBUILT);
        assertThat(cacheDir).isEmptyDirectory();
    }

    @Test
    void user_policies_are_compiled_once_then_read_from_the_cache() throws Exception {
        PolicyEngine first = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(first.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(entries()).hasSize(1);
        PolicyEngine second = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(second.provenance()).isEqualTo(PolicyEngine.Provenance.CACHED);
        assertThat(ruleIds(second)).isEqualTo(ruleIds(first)).contains("HYG-901", "RAD-001");
        assertThat(second.rules().get("HYG-901").file()).endsWith("snapshots.drl");
    }

    @Test
    void a_changed_policy_file_is_compiled_again_not_served_stale() throws Exception {
        PolicyEngine.load(Optional.of(policies), cache);
        Files.writeString(policies.resolve("snapshots.drl"), SNAPSHOT_RULE.replace("@severity(\"warning\")", "@severity(\"error\")"));
        PolicyEngine changed = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(changed.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(changed.rules().get("HYG-901").severity().id()).isEqualTo("error");
    }

    @Test
    void a_truncated_cache_entry_is_ignored_and_rebuilt() throws Exception {
        List<String> expected = ruleIds(PolicyEngine.load(Optional.of(policies), cache));
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        PolicyEngine again = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(again.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(ruleIds(again)).isEqualTo(expected);
        assertThat(Files.size(entry)).as("rewritten whole").isGreaterThan(bytes.length / 2);
        assertThat(PolicyEngine.load(Optional.of(policies), cache).provenance()).isEqualTo(PolicyEngine.Provenance.CACHED);
    }

    @Test
    void a_corrupted_cache_entry_is_never_trusted() throws Exception {
        List<String> expected = ruleIds(PolicyEngine.load(Optional.of(policies), cache));
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a; // one flipped byte in a class file
        Files.write(entry, bytes);
        PolicyEngine again = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(again.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(ruleIds(again)).isEqualTo(expected);
    }

    @Test
    void an_entry_written_for_other_sources_under_this_name_is_not_used() throws Exception {
        PolicyEngine.load(Optional.of(policies), cache);
        Path entry = entries().get(0);
        Path other = Files.createTempDirectory(cacheDir, "other");
        Files.writeString(other.resolve("snapshots.drl"), SNAPSHOT_RULE.replace("HYG-901", "HYG-902"));
        PolicyEngine.load(Optional.of(other), cache);
        Path otherEntry = entries().stream().filter(p -> !p.equals(entry)).findFirst().orElseThrow();
        Files.copy(otherEntry, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // a valid blob, wrong key
        PolicyEngine again = PolicyEngine.load(Optional.of(policies), cache);
        assertThat(again.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(again.rules()).containsKey("HYG-901").doesNotContainKey("HYG-902");
    }

    @Test
    void an_unwritable_cache_only_costs_a_compile() throws Exception {
        Path blocked = cacheDir.resolve("not-a-folder");
        Files.writeString(blocked, "x");
        PolicyCache broken = PolicyCache.in(blocked);
        assertThat(PolicyEngine.load(Optional.of(policies), broken).rules()).containsKey("HYG-901");
        assertThat(PolicyEngine.load(Optional.of(policies), broken).provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
    }

    @Test
    void a_compile_error_is_not_cached() throws Exception {
        Files.writeString(policies.resolve("broken.drl"), "package custom;\nrule \"x\" when then end end\n");
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyEngine.load(Optional.of(policies), cache))
                    .isInstanceOf(dev.radar.model.ConfigException.class);
        }
        assertThat(entries()).isEmpty();
    }
}
