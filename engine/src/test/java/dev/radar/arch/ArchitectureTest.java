package dev.radar.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of ARCHITECTURE.md, executable: stages point one way, Drools stays inside policy. */
@AnalyzeClasses(packages = "dev.radar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_depends_on_nothing_but_the_jdk = classes().that().resideInAPackage("dev.radar.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.radar.model..", "java..");

    @ArchTest
    static final ArchRule drools_types_stay_inside_policy = noClasses().that().resideOutsideOfPackage("dev.radar.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..");

    @ArchTest
    static final ArchRule the_engine_never_uses_picocli = noClasses().should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule collectors_do_not_judge_or_report = noClasses().that().resideInAPackage("dev.radar.collect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.policy..", "dev.radar.report..", "dev.radar.check..",
                    "dev.radar.radar..", "dev.radar.scan..");

    @ArchTest
    static final ArchRule the_radar_does_not_know_collectors_rules_or_reports = noClasses().that().resideInAPackage("dev.radar.radar..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.policy..", "dev.radar.report..",
                    "dev.radar.check..", "dev.radar.scan..");

    @ArchTest
    static final ArchRule policies_do_not_call_back_into_collectors_or_reports = noClasses().that().resideInAPackage("dev.radar.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.report..", "dev.radar.check..",
                    "dev.radar.scan..");

    @ArchTest
    static final ArchRule reports_only_render = noClasses().that().resideInAPackage("dev.radar.report..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.policy..", "dev.radar.check..",
                    "dev.radar.scan..", "dev.radar.radar..");

    @ArchTest
    static final ArchRule the_org_scan_is_the_last_stage_of_the_engine = noClasses().that().resideInAPackage("dev.radar..")
            .and().resideOutsideOfPackages("dev.radar.scan..", "dev.radar.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.radar.scan..");
}
