package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DRL to executable model: errors point at DRL files and lines, and a stale prebuilt model is never used. */
class PolicyCompilerTest {

    @Test
    void a_java_error_in_a_consequence_names_the_drl_file_and_the_rule_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.drl"), """
                package custom;
                import dev.radar.model.Dependency;
                global dev.radar.policy.FindingFactory findings;

                rule "fine"
                    @id("HYG-910") @severity("info") @title("t") @rationale("r") @remediation("m")
                when
                    $d : Dependency()
                then
                    insert(findings.about(drools, $d, "fine"));
                end

                rule "typo in consequence"
                    @id("HYG-911") @severity("info") @title("t") @rationale("r") @remediation("m")
                when
                    $d : Dependency()
                then
                    insert(findings.abuot(drools, $d, "typo"));
                end
                """);
        assertThatThrownBy(() -> PolicyEngine.load(Optional.of(dir), PolicyCache.off()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).endsWith("typo.drl");
                    assertThat(p.line()).isEqualTo(13);
                    assertThat(p.message()).contains("abuot", "typo in consequence");
                }));
    }

    @Test
    void an_unknown_fact_field_names_the_drl_file_and_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("field.drl"), """
                package custom;
                import dev.radar.model.Dependency;

                rule "no such field"
                when
                    Dependency(colour == "red")
                then
                end
                """);
        assertThatThrownBy(() -> PolicyEngine.load(Optional.of(dir), PolicyCache.off()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).first().satisfies(p -> {
                    assertThat(p.file()).endsWith("field.drl");
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.message()).contains("colour");
                }));
    }

    @Test
    void a_prebuilt_model_for_other_drl_is_not_used() {
        List<PolicySource> shipped = PolicyEngine.builtIn();
        CompiledPolicies real = RuleBases.builtInIndex().orElseThrow();
        assertThat(PolicyEngine.load(shipped, Optional.of(real), Optional.empty(), PolicyCache.off()).provenance())
                .isEqualTo(PolicyEngine.Provenance.PREBUILT);
        List<PolicySource> edited = shipped.stream()
                .map(s -> s.path().equals("radar/files.drl") ? new PolicySource(s.path(), s.origin(), s.text() + "\n// edited\n") : s)
                .toList();
        PolicyEngine engine = PolicyEngine.load(edited, Optional.of(real), Optional.empty(), PolicyCache.off());
        assertThat(engine.provenance()).isEqualTo(PolicyEngine.Provenance.COMPILED);
        assertThat(engine.rules()).containsKeys("RAD-001", "RAD-010");
    }

    @Test
    void the_prebuilt_model_is_matched_by_its_cheap_check_or_else_by_its_key() {
        List<PolicySource> shipped = PolicyEngine.builtIn();
        CompiledPolicies real = RuleBases.builtInIndex().orElseThrow();
        assertThat(real.check()).as("the build writes the check").startsWith("crc32:").isEqualTo(CompiledPolicies.check(real.build(), shipped));
        // one character changed, same length: the CRC sees it
        List<PolicySource> sameLength = shipped.stream()
                .map(s -> s.path().equals("radar/files.drl") ? new PolicySource(s.path(), s.origin(), s.text().replaceFirst("file could not be read", "file could not be Read")) : s)
                .toList();
        assertThat(CompiledPolicies.check(real.build(), sameLength)).isNotEqualTo(real.check());
        assertThat(PolicyEngine.load(sameLength, Optional.of(real), Optional.empty(), PolicyCache.off()).provenance())
                .isEqualTo(PolicyEngine.Provenance.COMPILED);
        // an index from before the check existed is matched by its SHA-256 key
        CompiledPolicies older = real.withCheck("");
        assertThat(CompiledPolicies.parseIndex(older.index(), java.util.Map.of()).check()).isEmpty();
        assertThat(PolicyEngine.load(shipped, Optional.of(older), Optional.empty(), PolicyCache.off()).provenance())
                .isEqualTo(PolicyEngine.Provenance.PREBUILT);
        List<PolicySource> edited = shipped.stream()
                .map(s -> s.path().equals("radar/files.drl") ? new PolicySource(s.path(), s.origin(), s.text() + "\n// edited\n") : s)
                .toList();
        assertThat(PolicyEngine.load(edited, Optional.of(older), Optional.empty(), PolicyCache.off()).provenance())
                .isEqualTo(PolicyEngine.Provenance.COMPILED);
    }

    @Test
    void the_build_step_fails_on_a_broken_built_in_policy_with_file_and_line(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("dev/radar"));
        Files.createDirectories(classes.resolve("policies/hygiene"));
        Files.writeString(classes.resolve("policies/hygiene/bad.drl"), """
                package policies.hygiene;
                import dev.radar.model.Dependency;

                rule "unbalanced"
                when
                    Dependency(
                then
                end
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModelGenerator.run(classes, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("policies/hygiene/bad\\.drl:[0-9]+: DRL error");
        assertThat(classes.resolve(RuleBases.BUILT_IN_INDEX)).doesNotExist();
    }

    @Test
    void the_build_step_writes_classes_and_an_index_and_skips_when_up_to_date(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("dev/radar"));
        for (PolicySource s : PolicyEngine.builtIn()) {
            Path f = classes.resolve("policies").resolve(s.path());
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.text());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ModelGenerator.run(classes, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        CompiledPolicies index = CompiledPolicies.parseIndex(Files.readString(classes.resolve(RuleBases.BUILT_IN_INDEX)), java.util.Map.of());
        assertThat(index.models()).allSatisfy(m -> assertThat(classes.resolve(m.replace('.', '/') + ".class")).isRegularFile());
        assertThat(index.rules()).extracting(CompiledPolicies.RuleSource::path).contains("radar/rings.drl", "radar/files.drl");
        out.reset();
        assertThat(ModelGenerator.run(classes, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up to date");
    }
}
