package dev.radar.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The layering of ARCHITECTURE.md, executable: stages point one way, Drools stays inside policy. The rules are
 * methods, not {@code ArchRule} fields: Surefire 3.5.3 silently skips {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "dev.radar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    void model_depends_on_nothing_but_the_jdk(JavaClasses classes) {
        classes().that().resideInAPackage("dev.radar.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.radar.model..", "java..").check(classes);
    }

    @ArchTest
    void drools_types_stay_inside_policy(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.radar.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..").check(classes);
    }

    @ArchTest
    void the_cache_folder_knows_only_the_jdk(JavaClasses classes) {
        classes().that().resideInAPackage("dev.radar.cache..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.radar.cache..", "java..").check(classes);
    }

    @ArchTest
    void the_engine_never_uses_picocli(JavaClasses classes) {
        noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(classes);
    }

    @ArchTest
    void collectors_do_not_judge_or_report(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.collect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.policy..", "dev.radar.report..", "dev.radar.check..",
                    "dev.radar.radar..", "dev.radar.scan..").check(classes);
    }

    @ArchTest
    void the_radar_does_not_know_collectors_rules_or_reports(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.radar..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.policy..", "dev.radar.report..",
                    "dev.radar.check..", "dev.radar.scan..").check(classes);
    }

    @ArchTest
    void policies_do_not_call_back_into_collectors_or_reports(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.report..", "dev.radar.check..",
                    "dev.radar.scan..").check(classes);
    }

    @ArchTest
    void exceptions_are_loaded_not_judged(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.exceptions..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.policy..", "dev.radar.report..",
                    "dev.radar.check..", "dev.radar.scan..", "dev.radar.radar..").check(classes);
    }

    @ArchTest
    void reports_only_render(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.report..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.radar.collect..", "dev.radar.policy..", "dev.radar.check..",
                    "dev.radar.scan..", "dev.radar.radar..").check(classes);
    }

    @ArchTest
    void governance_comes_last_no_stage_depends_on_it(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.radar.governance..")
            .should().dependOnClassesThat().resideInAPackage("dev.radar.governance..").check(classes);
    }

    @ArchTest
    void governance_does_not_scan_the_organisation(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.governance..")
            .should().dependOnClassesThat().resideInAPackage("dev.radar.scan..").check(classes);
    }

    @ArchTest
    void the_org_scan_is_the_last_stage_of_the_engine(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar..")
            .and().resideOutsideOfPackages("dev.radar.scan..", "dev.radar.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.radar.scan..").check(classes);
    }

    // ---- hostile input: every parser of repository files is made in one place, with its limits (docs/security.md) ----

    @ArchTest
    void only_safe_xml_creates_xml_parsers(JavaClasses classes) {
        noClasses().that().doNotHaveFullyQualifiedName("dev.radar.collect.SafeXml")
            .should().dependOnClassesThat().haveFullyQualifiedName("javax.xml.stream.XMLInputFactory")
            .orShould().dependOnClassesThat().resideInAnyPackage("javax.xml.parsers..", "org.xml.sax..", "javax.xml.validation..",
                    "javax.xml.transform..")
            .because("SafeXml switches off DTDs and external entities; any other parser could read files or reach the network")
            .check(classes);
    }

    @ArchTest
    void only_the_maven_collector_uses_maven_models_pull_parser(JavaClasses classes) {
        noClasses().that().doNotHaveFullyQualifiedName("dev.radar.collect.MavenCollector")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven.model.io..", "org.codehaus.plexus.util.xml..")
            .check(classes);
    }

    @ArchTest
    void only_the_yaml_package_touches_snakeyaml(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("dev.radar.yaml..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
            .because("YamlReader sets the alias, depth, size and expansion limits every YAML file is read with")
            .check(classes);
    }

    @ArchTest
    void collectors_parse_json_only_through_safe_json(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.collect..").and().doNotHaveFullyQualifiedName("dev.radar.collect.SafeJson")
            .should().callConstructor(com.fasterxml.jackson.core.JsonFactory.class)
            .orShould().callMethod(com.fasterxml.jackson.core.JsonFactory.class, "builder")
            .orShould().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
            .because("SafeJson sets the nesting, string and number limits of repository JSON")
            .check(classes);
    }

    @ArchTest
    void only_safe_toml_parses_toml(JavaClasses classes) {
        noClasses().that().doNotHaveFullyQualifiedName("dev.radar.collect.SafeToml")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.tomlj.Toml")
            .because("tomlj recurses once per nesting level; SafeToml bounds the nesting first")
            .check(classes);
    }

    @ArchTest
    void only_repo_tree_opens_files_of_a_repository(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.radar.collect..").and().doNotHaveFullyQualifiedName("dev.radar.collect.RepoTree")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .because("RepoTree never follows links, never opens devices or pipes, caps sizes and insists on UTF-8 text")
            .check(classes);
    }
}
