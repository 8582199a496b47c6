package dev.radar.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code @ArchTest} rule of {@link ArchitectureTest} through JUnit Jupiter. Under Surefire the ArchUnit
 * test engine reports "Tests run: 0" for that class and checks nothing (a class depending on the wrong stage
 * passed), so the rules are checked here as well.
 */
class LayeringTest {

    @Test
    void every_layering_rule_holds_for_the_engine_classes() throws IllegalAccessException {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.radar");
        List<ArchRule> rules = new ArrayList<>();
        for (Field f : ArchitectureTest.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(ArchTest.class) && Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                rules.add((ArchRule) f.get(null));
            }
        }
        assertThat(rules).as("@ArchTest rules in ArchitectureTest").hasSizeGreaterThanOrEqualTo(7);
        for (ArchRule rule : rules) {
            rule.check(classes);
        }
    }
}
