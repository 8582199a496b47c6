package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Finding;
import dev.radar.model.Severity;
import dev.radar.model.UnknownDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnknownDeclarationRuleTest {

    @Test
    void a_declaration_not_understood_is_an_info_finding_at_its_file_and_line() {
        PolicyEngine engine = PolicyEngine.load(Optional.empty());
        List<Finding> findings = engine.evaluate(
                List.of(new UnknownDeclaration("repo", "app/build.gradle.kts", 12, "implementation(helper(\"x\"))")), Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("RAD-011");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.file()).isEqualTo("app/build.gradle.kts");
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.message()).isEqualTo("declaration not understood: implementation(helper(\"x\"))");
        });
    }
}
