package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.UnknownDeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GradleCollectorTest {

    @TempDir
    Path dir;

    private static final String CATALOG = """
            [versions]
            kotlin = "1.9.22"
            okio = "3.7.0"
            junit = { strictly = "5.10.1" }

            [libraries]
            square-okio = { module = "com.squareup.okio:okio", version.ref = "okio" }
            androidx-core-ktx = { group = "androidx.core", name = "core-ktx", version = "1.12.0" }
            commonsLang3 = "org.apache.commons:commons-lang3:3.14.0"
            junit_jupiter = { module = "org.junit.jupiter:junit-jupiter", version.ref = "junit" }
            guava = { module = "com.google.guava:guava", version = { require = "33.0.0-jre" } }
            spring-bom = { module = "org.springframework:spring-framework-bom", version = "6.1.2" }
            managed = { module = "org.slf4j:slf4j-api" }

            [bundles]
            testing = ["junit_jupiter", "square-okio"]

            [plugins]
            kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version.ref = "kotlin" }
            versions = "com.github.ben-manes.versions:0.50.0"
            """;

    // ---- string notation --------------------------------------------------------------------------------

    static Stream<Arguments> stringNotation() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        def okioVersion = '3.7.0'
                        ext.retrofit = "2.9.0"
                        dependencies {
                            implementation "com.squareup.okio:okio:$okioVersion"
                            implementation "com.squareup.retrofit2:retrofit:${retrofit}"
                            testImplementation 'junit:junit:4.13.2'
                            runtimeOnly "org.example:unknown:${notDefined}"
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        val okioVersion = "3.7.0"
                        val retrofit by extra("2.9.0")
                        dependencies {
                            implementation("com.squareup.okio:okio:$okioVersion")
                            implementation("com.squareup.retrofit2:retrofit:${retrofit}")
                            testImplementation("junit:junit:4.13.2")
                            runtimeOnly("org.example:unknown:${notDefined}")
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringNotation")
    void string_notation_resolves_dollar_and_brace_interpolation(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "$okioVersion", "3.7.0", 4, "implementation"),
                tuple("com.squareup.retrofit2", "retrofit", "${retrofit}", "2.9.0", 5, "implementation"),
                tuple("junit", "junit", "4.13.2", "4.13.2", 6, "testImplementation"),
                tuple("org.example", "unknown", "${notDefined}", "", 7, "runtimeOnly"));
        assertThat(facts.dependencies()).allMatch(d -> d.ecosystem() == Ecosystem.MAVEN && d.direct() && d.file().equals(file));
    }

    @ParameterizedTest(name = "{0} -> {1}:{2} declared {3} resolved {4}")
    @CsvSource(delimiter = '|', value = {
        "g:a              | g | a |              |",
        "g:a:1.0          | g | a | 1.0          | 1.0",
        "g:a:1.0:jdk8     | g | a | 1.0          | 1.0",
        "g:a:1.0@aar      | g | a | 1.0          | 1.0",
        "g:a@jar          | g | a |              |",
        "g:a:1.0:sources@jar | g | a | 1.0       | 1.0",
        "g:a:[1.0,2.0)    | g | a | [1.0,2.0)    |",
        "g:a:1.+          | g | a | 1.+          |",
        "g:a:+            | g | a | +            |",
        "g:a:9+181-r4173-1 | g | a | 9+181-r4173-1 | 9+181-r4173-1",
        "g:a:1.0.0+build.7 | g | a | 1.0.0+build.7 | 1.0.0+build.7",
        "g:a:latest.release | g | a | latest.release |",
        "g:a:2.0!!        | g | a | 2.0!!        | 2.0",
        "g:a:_            | g | a | _            |",
    })
    void string_notation_grammar(String notation, String group, String name, String declared, String resolved) throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", "dependencies {\n  implementation '" + notation + "'\n}\n"));
        assertThat(rows(facts)).containsExactly(tuple(group, name, declared == null ? "" : declared, resolved == null ? "" : resolved, 2,
                "implementation"));
    }

    // ---- map notation -----------------------------------------------------------------------------------

    @Test
    void groovy_map_notation_is_read_with_and_without_parentheses() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                ext.guavaVersion = '33.0.0-jre'
                dependencies {
                    implementation group: 'com.google.guava', name: 'guava', version: guavaVersion
                    runtimeOnly(group: 'org.postgresql', name: 'postgresql', version: '42.7.1', classifier: 'x')
                    compileOnly group: "org.projectlombok", name: "lombok"
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.google.guava", "guava", "guavaVersion", "33.0.0-jre", 3, "implementation"),
                tuple("org.postgresql", "postgresql", "42.7.1", "42.7.1", 4, "runtimeOnly"),
                tuple("org.projectlombok", "lombok", "", "", 5, "compileOnly"));
    }

    @Test
    void kotlin_named_arguments_are_map_notation() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                val guavaVersion = "33.0.0-jre"
                dependencies {
                    implementation(group = "com.google.guava", name = "guava", version = guavaVersion)
                    runtimeOnly(group = "org.postgresql", name = "postgresql", version = "42.7.1")
                    implementation("org.slf4j", "slf4j-api", "2.0.9")
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.google.guava", "guava", "guavaVersion", "33.0.0-jre", 3, "implementation"),
                tuple("org.postgresql", "postgresql", "42.7.1", "42.7.1", 4, "runtimeOnly"),
                tuple("org.slf4j", "slf4j-api", "2.0.9", "2.0.9", 5, "implementation"));
    }

    @Test
    void kotlin_positional_coordinates_may_end_in_named_arguments() throws IOException {
        // Regression: runtimeOnly("g", "a", "1", classifier = "natives-linux"), LWJGL's natives, was not understood.
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    runtimeOnly("org.lwjgl", "lwjgl", "3.3.3", classifier = "natives-linux")
                    implementation("org.example", "plain", version = "2.0")
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.lwjgl", "lwjgl", "3.3.3", "3.3.3", 2, "runtimeOnly"),
                tuple("org.example", "plain", "2.0", "2.0", 3, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    static Stream<Arguments> nestedDeclarations() {
        return Stream.of(
                Arguments.of("build.gradle.kts", """
                        dependencies {
                            include(modImplementation("org.example:bundled:1.0")!!)
                            include(runtimeOnly("org.example", "natives", "2.0", classifier = "linux"))
                            include(implementation("org.example", "positional", "3.0"))
                            implementation(ktor("client-core"))
                        }
                        """),
                Arguments.of("build.gradle", """
                        dependencies {
                            include(modImplementation("org.example:bundled:1.0"))
                            include(runtimeOnly(group: "org.example", name: "natives", version: "2.0", classifier: "linux"))
                            include(implementation("org.example", "positional", "3.0"))
                            implementation(ktor("client-core"))
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedDeclarations")
    void a_declaration_inside_another_is_one_row_in_the_scope_of_the_statement(String file, String script) throws IOException {
        // Regression: Fabric Loom's jar-in-jar, include(modImplementation("g:a:1")!!), was not understood.
        RepoFacts facts = collect(Map.of(file, script));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example", "bundled", "1.0", "1.0", 2, "include"),
                tuple("org.example", "natives", "2.0", "2.0", 3, "include"),
                tuple("org.example", "positional", "3.0", "3.0", 4, "include"));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line).containsExactly(5);
    }

    @Test
    void the_argument_of_a_helper_the_build_defines_is_no_nested_declaration() throws IOException {
        // Regression: compile arcModule("backends:backend-sdl"), a closure of the root script's ext, was read as
        // include(modImplementation(..)) is, and listed the helper's argument as the dependency backends:backend-sdl.
        RepoFacts facts = collect(Map.of(
                "build.gradle", """
                        allprojects {
                            ext {
                                toolkitModule = { String name ->
                                    if (name.contains(':')) name = name.split(':').last()
                                    return "org.example.toolkit:$name:${toolkitHash}"
                                }
                            }
                        }
                        """,
                "desktop/build.gradle", """
                        def local(String path) {
                            return project(":toolkit:$path")
                        }
                        dependencies {
                            implementation toolkitModule("backends:backend-desktop")
                            implementation local("core:base")
                            implementation 'org.example:plain:1.0'
                        }
                        """,
                "app/build.gradle.kts", """
                        fun toolkit(module: String): String {
                            return "org.example.toolkit:$module:2.0"
                        }
                        dependencies {
                            implementation(toolkit("toolkit:core"))
                        }
                        """));
        assertThat(rows(facts)).containsExactly(tuple("org.example", "plain", "1.0", "1.0", 7, "implementation"));
        assertThat(facts.unknownDeclarations()).extracting(u -> u.file() + ":" + u.line())
                .containsExactlyInAnyOrder("desktop/build.gradle:5", "desktop/build.gradle:6", "app/build.gradle.kts:5");
    }

    @Test
    void a_closure_given_as_the_last_argument_configures_the_declaration() throws IOException {
        // Regression: moduleImplementation ("g:a", { exclude module: "x" }) was listed and also reported as not understood,
        // the closure read as a second notation; a repositories {} block inside dependencies {} was not understood either.
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    moduleImplementation ("org.example:parser", {
                        exclude module: "xml-apis"
                    })
                    implementation("org.example:strict", { version { strictly '2.0' } })
                    repositories {
                        mavenCentral()
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example", "parser", "", "", 2, "moduleImplementation"),
                tuple("org.example", "strict", "2.0", "2.0", 5, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void groovy_add_without_parentheses_names_the_configuration_in_its_first_argument() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    add 'kapt', 'com.example:processor:1.0'
                    add "freeImplementation", "com.example:ads:2.0", { transitive = false }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.example", "processor", "1.0", "1.0", 2, "kapt"),
                tuple("com.example", "ads", "2.0", "2.0", 3, "freeImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    // ---- platforms, test fixtures, kotlin() -------------------------------------------------------------

    static Stream<Arguments> platforms() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        dependencies {
                            implementation platform('org.springframework.boot:spring-boot-dependencies:3.2.0')
                            implementation enforcedPlatform("io.micrometer:micrometer-bom:1.12.1")
                            implementation(platform(libs.spring.bom))
                            testImplementation testFixtures('com.example:fixtures:1.0')
                            implementation 'org.springframework.boot:spring-boot-starter-web'
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        dependencies {
                            implementation(platform("org.springframework.boot:spring-boot-dependencies:3.2.0"))
                            implementation(enforcedPlatform("io.micrometer:micrometer-bom:1.12.1"))
                            implementation(platform(libs.spring.bom))
                            testImplementation(testFixtures("com.example:fixtures:1.0"))
                            implementation("org.springframework.boot:spring-boot-starter-web")
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void platforms_are_listed_with_scope_platform(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("org.springframework.boot", "spring-boot-dependencies", "3.2.0", "3.2.0", 2, "platform"),
                tuple("io.micrometer", "micrometer-bom", "1.12.1", "1.12.1", 3, "platform"),
                tuple("org.springframework", "spring-framework-bom", "6.1.2", "6.1.2", 4, "platform"),
                tuple("com.example", "fixtures", "1.0", "1.0", 5, "testImplementation"),
                tuple("org.springframework.boot", "spring-boot-starter-web", "", "", 6, "implementation"));
    }

    static Stream<Arguments> platformsHeldInVariables() {
        return Stream.of(
                Arguments.of("build.gradle.kts", """
                        val springBom = platform("org.springframework.boot:spring-boot-dependencies:3.2.0")
                        dependencies {
                            val composeBom = platform(libs.spring.bom)
                            implementation(composeBom)
                            androidTestImplementation(composeBom)
                            implementation(springBom)
                            val a: Any = b
                            val b: Any = a
                            implementation(a)
                        }
                        """),
                Arguments.of("build.gradle", """
                        def springBom = platform('org.springframework.boot:spring-boot-dependencies:3.2.0')
                        dependencies {
                            def composeBom = platform(libs.spring.bom)
                            implementation composeBom
                            androidTestImplementation(composeBom)
                            implementation springBom
                            def a = b
                            def b = a
                            implementation a
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platformsHeldInVariables")
    void a_platform_held_in_a_variable_is_listed_where_the_variable_is_used(String file, String script) throws IOException {
        // Regression: the Compose BOM as its docs write it, "val composeBom = platform(..)" then "implementation(composeBom)",
        // was not listed at all.
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("org.springframework", "spring-framework-bom", "6.1.2", "6.1.2", 4, "platform"),
                tuple("org.springframework", "spring-framework-bom", "6.1.2", "6.1.2", 5, "platform"),
                tuple("org.springframework.boot", "spring-boot-dependencies", "3.2.0", "3.2.0", 6, "platform"));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line).containsExactly(9);
    }

    @Test
    void compose_multiplatform_libraries_are_read_at_the_version_of_the_compose_plugin() throws IOException {
        // Regression: implementation(compose.runtime) in a Compose Multiplatform source set was not understood.
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", """
                        [plugins]
                        composeMultiplatform = { id = "org.jetbrains.compose", version = "1.6.11" }
                        """,
                "shared/build.gradle.kts", """
                        plugins {
                            alias(libs.plugins.composeMultiplatform)
                        }
                        kotlin {
                            sourceSets {
                                commonMain.dependencies {
                                    implementation(compose.runtime)
                                    implementation(compose.material3)
                                    implementation(compose.components.resources)
                                }
                                desktopMain.dependencies {
                                    implementation(compose.desktop.currentOs)
                                }
                            }
                        }
                        """,
                "other/gradle/compose.versions.toml", """
                        [libraries]
                        ui = "androidx.compose.ui:ui:1.5.0"
                        """,
                "other/build.gradle.kts", """
                        dependencies {
                            implementation(compose.ui)
                            implementation(compose.runtime)
                        }
                        """));
        assertThat(facts.dependencies()).filteredOn(d -> d.ecosystem() == Ecosystem.MAVEN)
                .extracting(d -> d.file() + ":" + d.line(), d -> d.coordinate(), Dependency::declaredVersion, Dependency::version)
                .containsExactlyInAnyOrder(
                        tuple("shared/build.gradle.kts:7", "org.jetbrains.compose.runtime:runtime", "", "1.6.11"),
                        tuple("shared/build.gradle.kts:8", "org.jetbrains.compose.material3:material3", "", ""),
                        tuple("shared/build.gradle.kts:9", "org.jetbrains.compose.components:components-resources", "", "1.6.11"),
                        tuple("other/build.gradle.kts:2", "androidx.compose.ui:ui", "1.5.0", "1.5.0"));
        // compose.desktop.currentOs names the artifact of the building machine; compose.runtime is missing from the catalog
        assertThat(facts.unknownDeclarations()).extracting(u -> u.file() + ":" + u.line())
                .containsExactlyInAnyOrder("shared/build.gradle.kts:12", "other/build.gradle.kts:3");
    }

    @Test
    void spring_boots_bom_coordinates_constant_is_the_bom_at_the_version_of_the_spring_boot_plugin() throws IOException {
        // Regression: platform(SpringBootPlugin.BOM_COORDINATES), Spring Boot's documented way to use its BOM without the
        // dependency-management plugin, was not understood and the BOM was not listed.
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", """
                        [plugins]
                        spring-boot = { id = "org.springframework.boot", version = "3.3.1" }
                        """,
                "web/build.gradle.kts", """
                        plugins {
                            id("org.springframework.boot") version "3.3.0"
                        }
                        dependencies {
                            implementation(platform(SpringBootPlugin.BOM_COORDINATES))
                            kapt(platform(org.springframework.boot.gradle.plugin.SpringBootPlugin.BOM_COORDINATES))
                        }
                        """,
                "batch/build.gradle", """
                        plugins {
                            alias(libs.plugins.spring.boot)
                        }
                        dependencies {
                            implementation platform(SpringBootPlugin.BOM_COORDINATES)
                        }
                        """,
                "platform/build.gradle", """
                        dependencies {
                            api platform(SpringBootPlugin.BOM_COORDINATES)
                        }
                        """));
        assertThat(facts.dependencies()).filteredOn(d -> d.ecosystem() == Ecosystem.MAVEN)
                .extracting(d -> d.file() + ":" + d.line(), d -> d.coordinate(), Dependency::declaredVersion, Dependency::version,
                        Dependency::scope)
                .containsExactlyInAnyOrder(
                        tuple("web/build.gradle.kts:5", "org.springframework.boot:spring-boot-dependencies", "", "3.3.0", "platform"),
                        tuple("web/build.gradle.kts:6", "org.springframework.boot:spring-boot-dependencies", "", "3.3.0", "platform"),
                        tuple("batch/build.gradle:5", "org.springframework.boot:spring-boot-dependencies", "", "3.3.1", "platform"),
                        tuple("platform/build.gradle:2", "org.springframework.boot:spring-boot-dependencies", "", "", "platform"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void kotlin_module_shorthand_names_the_jetbrains_artifact() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    implementation(kotlin("stdlib"))
                    testImplementation(kotlin("test", "1.9.22"))
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlin", "kotlin-stdlib", "", "", 2, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-test", "1.9.22", "1.9.22", 3, "testImplementation"));
    }

    // ---- version catalogs -------------------------------------------------------------------------------

    static Stream<Arguments> catalogAccessors() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        dependencies {
                            api libs.square.okio
                            implementation libs.androidx.core.ktx
                            implementation libs.commonsLang3
                            testImplementation libs.junit.jupiter
                            implementation libs.guava
                            implementation libs.managed
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        dependencies {
                            api(libs.square.okio)
                            implementation(libs.androidx.core.ktx)
                            implementation(libs.commonsLang3)
                            testImplementation(libs.junit.jupiter)
                            implementation(libs.guava.get())
                            implementation(libs.managed)
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogAccessors")
    void catalog_accessors_resolve_through_libs_versions_toml(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 2, "api"),
                tuple("androidx.core", "core-ktx", "1.12.0", "1.12.0", 3, "implementation"),
                tuple("org.apache.commons", "commons-lang3", "3.14.0", "3.14.0", 4, "implementation"),
                tuple("org.junit.jupiter", "junit-jupiter", "ref:junit", "5.10.1", 5, "testImplementation"),
                tuple("com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", 6, "implementation"),
                tuple("org.slf4j", "slf4j-api", "", "", 7, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_version_provider_mapped_to_coordinates_is_a_declaration() throws IOException {
        // Regression: build-logic writes the Kotlin Gradle plugin as the catalog version mapped to a notation; it was
        // "not understood".
        RepoFacts facts = collect(Map.of("build-logic/build.gradle.kts", """
                val compilerVersion = providers.fileContents(layout.projectDirectory.file("version.txt")).asText
                dependencies {
                    implementation(libs.versions.okio.map { "com.squareup.okio:okio-fakefilesystem:$it" })
                    testImplementation(libs.versions.junit.map { v -> "org.junit.jupiter:junit-jupiter-params:${v}" })
                    compileOnly(compilerVersion.map { "org.jetbrains.kotlin:kotlin-compiler:$it" })
                    implementation(libs.versions.okio.map { it })
                    implementation(libs.plugins.x.map { "${it.pluginId}:${it.pluginId}.gradle.plugin:${it.version}" })
                }
                """, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio-fakefilesystem", "${libs.versions.okio}", "3.7.0", 3, "implementation"),
                tuple("org.junit.jupiter", "junit-jupiter-params", "${libs.versions.junit}", "5.10.1", 4, "testImplementation"),
                tuple("org.jetbrains.kotlin", "kotlin-compiler", "${compilerVersion}", "", 5, "compileOnly"));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line).containsExactly(6, 7);
    }

    @Test
    void catalog_entries_themselves_are_not_dependencies() throws IOException {
        RepoFacts facts = collect(Map.of("gradle/libs.versions.toml", CATALOG, "build.gradle.kts", "plugins {\n}\n"));
        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"build.gradle, testImplementation libs.bundles.testing", "build.gradle.kts, testImplementation(libs.bundles.testing)"})
    void a_bundle_expands_to_its_libraries_at_the_line_of_the_statement(String file, String statement) throws IOException {
        RepoFacts facts = collect(Map.of(file, "dependencies {\n\n    " + statement + "\n}\n", "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("org.junit.jupiter", "junit-jupiter", "ref:junit", "5.10.1", 3, "testImplementation"),
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 3, "testImplementation"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"build.gradle, rootProject.libs.square.okio, project.libs.bundles.testing",
            "build.gradle.kts, (rootProject.libs.square.okio), (project.libs.bundles.testing)"})
    void a_catalog_reached_through_the_root_project_from_subprojects_resolves(String file, String main, String test)
            throws IOException {
        String script = "subprojects {\n    dependencies {\n        implementation" + (main.startsWith("(") ? "" : " ") + main
                + "\n        testImplementation" + (test.startsWith("(") ? "" : " ") + test + "\n    }\n}\n";
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 3, "implementation"),
                tuple("org.junit.jupiter", "junit-jupiter", "ref:junit", "5.10.1", 4, "testImplementation"),
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 4, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_rich_catalog_version_whose_strict_or_required_part_is_a_range_resolves_to_its_preferred_version() throws IOException {
        RepoFacts facts = collect(Map.of("gradle/libs.versions.toml", """
                        [versions]
                        room = { strictly = "[2.5, 2.7[", prefer = "2.6.1" }
                        coroutines = { require = "1.7.0", prefer = "1.7.3" }
                        [libraries]
                        room-runtime = { module = "androidx.room:room-runtime", version.ref = "room" }
                        coroutines = { module = "org.jetbrains.kotlinx:kotlinx-coroutines-core", version.ref = "coroutines" }
                        picocli = { module = "info.picocli:picocli", version = { require = "4.+", prefer = "4.7.5" } }
                        ranged = { module = "org.r:ranged", version = { strictly = "[1.0, 2.0)" } }
                        """,
                "build.gradle.kts", """
                        dependencies {
                            implementation(libs.room.runtime)
                            implementation(libs.coroutines)
                            implementation(libs.picocli)
                            implementation(libs.ranged)
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.room", "room-runtime", "ref:room", "2.6.1", 2, "implementation"),
                tuple("org.jetbrains.kotlinx", "kotlinx-coroutines-core", "ref:coroutines", "1.7.0", 3, "implementation"),
                tuple("info.picocli", "picocli", "4.+", "4.7.5", 4, "implementation"),
                tuple("org.r", "ranged", "[1.0, 2.0)", "", 5, "implementation"));
    }

    @Test
    void a_catalog_with_another_file_name_is_reached_by_that_name() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle/deps.versions.toml", "[libraries]\nokhttp = \"com.squareup.okhttp3:okhttp:4.12.0\"\n",
                "app/build.gradle.kts", "dependencies {\n    implementation(deps.okhttp)\n}\n"));
        assertThat(rows(facts)).containsExactly(tuple("com.squareup.okhttp3", "okhttp", "4.12.0", "4.12.0", 2, "implementation"));
    }

    @Test
    void a_catalog_declared_in_settings_is_found_by_its_declared_name() throws IOException {
        RepoFacts facts = collect(Map.of(
                "settings.gradle.kts", """
                        dependencyResolutionManagement {
                            versionCatalogs {
                                create("tools") {
                                    from(files("catalogs/tools.toml"))
                                }
                            }
                        }
                        """,
                "catalogs/tools.toml", "[versions]\nmockito = \"5.8.0\"\n[libraries]\nmockito-core = { module = \"org.mockito:mockito-core\", version.ref = \"mockito\" }\n",
                "build.gradle.kts", "dependencies {\n    testImplementation(tools.mockito.core)\n}\n"));
        assertThat(rows(facts)).containsExactly(tuple("org.mockito", "mockito-core", "ref:mockito", "5.8.0", 2, "testImplementation"));
    }

    static Stream<Arguments> catalogsBuiltInSettings() {
        return Stream.of(
                Arguments.of("settings.gradle.kts", """
                        dependencyResolutionManagement {
                            versionCatalogs {
                                create("libs") {
                                    library("okhttp", "com.squareup.okhttp3", "okhttp").versionRef("okhttp")
                                    version("okhttp", "4.12.0")
                                    library("guava", "com.google.guava:guava:33.0.0-jre")
                                    library("junit-api", "org.junit.jupiter", "junit-jupiter-api").version("5.10.0")
                                    library("slf4j-api", "org.slf4j", "slf4j-api").withoutVersion()
                                    bundle("net", listOf("okhttp", "guava"))
                                    plugin("spring-boot", "org.springframework.boot").versionRef("boot")
                                    version("boot", "3.2.1")
                                }
                            }
                        }
                        """, "build.gradle.kts", """
                        plugins {
                            alias(libs.plugins.spring.boot)
                        }
                        dependencies {
                            implementation(libs.okhttp)
                            testImplementation(libs.junit.api)
                            implementation(libs.slf4j.api)
                            implementation(libs.bundles.net)
                            implementation("org.example:x:${libs.versions.okhttp.get()}")
                        }
                        """),
                Arguments.of("settings.gradle", """
                        dependencyResolutionManagement {
                            versionCatalogs {
                                libs {
                                    library('okhttp', 'com.squareup.okhttp3', 'okhttp').versionRef('okhttp')
                                    version('okhttp', '4.12.0')
                                    library('guava', 'com.google.guava:guava:33.0.0-jre')
                                    library('junit-api', 'org.junit.jupiter', 'junit-jupiter-api').version('5.10.0')
                                    library('slf4j-api', 'org.slf4j', 'slf4j-api').withoutVersion()
                                    bundle('net', ['okhttp', 'guava'])
                                    plugin('spring-boot', 'org.springframework.boot').versionRef('boot')
                                    version('boot', '3.2.1')
                                }
                            }
                        }
                        """, "build.gradle", """
                        plugins {
                            alias(libs.plugins.spring.boot)
                        }
                        dependencies {
                            implementation libs.okhttp
                            testImplementation libs.junit.api
                            implementation libs.slf4j.api
                            implementation libs.bundles.net
                            implementation "org.example:x:${libs.versions.okhttp.get()}"
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogsBuiltInSettings")
    void a_catalog_built_entry_by_entry_in_settings_resolves_accessors(String settingsFile, String settings, String buildFile,
            String build) throws IOException {
        // Regression: "versionCatalogs { create("libs") { version(..); library(..).versionRef(..) } }" was not read, so every
        // libs.* accessor of such a build was unknown.
        RepoFacts facts = collect(Map.of(settingsFile, settings, buildFile, build));
        assertThat(rows(facts)).containsExactlyInAnyOrder(
                tuple("com.squareup.okhttp3", "okhttp", "ref:okhttp", "4.12.0", 5, "implementation"),
                tuple("org.junit.jupiter", "junit-jupiter-api", "5.10.0", "5.10.0", 6, "testImplementation"),
                tuple("org.slf4j", "slf4j-api", "", "", 7, "implementation"),
                tuple("com.squareup.okhttp3", "okhttp", "ref:okhttp", "4.12.0", 8, "implementation"),
                tuple("com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", 8, "implementation"),
                tuple("org.example", "x", "${libs.versions.okhttp.get()}", "4.12.0", 9, "implementation"));
        assertThat(facts.dependencies()).filteredOn(d -> d.ecosystem() == Ecosystem.GRADLE_PLUGIN)
                .extracting(d -> d.name() + "@" + d.declaredVersion() + "=" + d.version())
                .containsExactly("org.springframework.boot@ref:boot=3.2.1");
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_rich_version_given_by_a_closure_in_a_settings_catalog_resolves_like_one_in_a_catalog_file() throws IOException {
        // Regression: version("x") { strictly(..) } and library(..).version { require(..) } left the version empty, while
        // the same rich versions written in a libs.versions.toml resolve.
        RepoFacts facts = collect(Map.of("settings.gradle.kts", """
                dependencyResolutionManagement {
                    versionCatalogs {
                        create("libs") {
                            version("okio") { strictly("3.2.0") }
                            version("netty") {
                                strictly("[4.1, 4.2[")
                                prefer("4.1.100.Final")
                            }
                            library("okio", "com.squareup.okio", "okio").versionRef("okio")
                            library("netty", "io.netty", "netty-all").versionRef("netty")
                            library("guava", "com.google.guava", "guava").version { require("33.0.0-jre") }
                        }
                    }
                }
                """, "build.gradle.kts", """
                dependencies {
                    implementation(libs.okio)
                    implementation(libs.netty)
                    implementation(libs.guava)
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "ref:okio", "3.2.0", 2, "implementation"),
                tuple("io.netty", "netty-all", "ref:netty", "4.1.100.Final", 3, "implementation"),
                tuple("com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", 4, "implementation"));
    }

    @Test
    void a_version_ref_may_name_the_version_through_the_variable_that_declared_it() throws IOException {
        // Regression: "val jpa = version("jpa", ..)" then "library(..).versionRef(jpa)" (version() returns its alias, as
        // in hibernate/hibernate-orm) gave the library no declared version instead of ref:jpa.
        RepoFacts facts = collect(Map.of("settings.gradle.kts", """
                dependencyResolutionManagement {
                    versionCatalogs {
                        create("libs") {
                            val jpaVersion = version("jpa", jakartaJpaVersion)
                            val junit = version("junit", "5.10.1")
                            library("jakarta.jpa", "jakarta.persistence", "jakarta.persistence-api").versionRef(jpaVersion)
                            library("junit-api", "org.junit.jupiter", "junit-jupiter-api").versionRef(junit)
                        }
                    }
                }
                """, "build.gradle.kts", """
                dependencies {
                    api(libs.jakarta.jpa)
                    testImplementation(libs.junit.api)
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("jakarta.persistence", "jakarta.persistence-api", "ref:jpa", "", 2, "api"),
                tuple("org.junit.jupiter", "junit-jupiter-api", "ref:junit", "5.10.1", 3, "testImplementation"));
    }

    @Test
    void entries_a_settings_script_adds_to_libs_join_the_libs_versions_toml_catalog() throws IOException {
        // Regression: hibernate/hibernate-orm adds a library to "libs" in settings.gradle.kts and keeps the rest in
        // gradle/libs.versions.toml; Gradle builds one catalog from both, but only the settings entries were seen, so
        // every accessor of the TOML file was unknown.
        RepoFacts facts = collect(Map.of("settings.gradle.kts", """
                dependencyResolutionManagement {
                    versionCatalogs {
                        create("libs") {
                            val jpaVersion = version("jpa", "3.2.0")
                            library("jakarta.jpa", "jakarta.persistence", "jakarta.persistence-api").versionRef(jpaVersion)
                            library("kotlin-reflect", "org.jetbrains.kotlin", "kotlin-reflect").versionRef("kotlin")
                        }
                    }
                }
                """, "gradle/libs.versions.toml", """
                [versions]
                kotlin = "1.9.22"
                [libraries]
                byteBuddy = "net.bytebuddy:byte-buddy:1.14.11"
                """, "build.gradle.kts", """
                dependencies {
                    api(libs.jakarta.jpa)
                    implementation(libs.byteBuddy)
                    implementation(libs.kotlin.reflect)
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("jakarta.persistence", "jakarta.persistence-api", "ref:jpa", "3.2.0", 2, "api"),
                tuple("net.bytebuddy", "byte-buddy", "1.14.11", "1.14.11", 3, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-reflect", "ref:kotlin", "1.9.22", 4, "implementation"));
    }

    @Test
    void a_catalog_version_can_be_interpolated_into_a_string() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts",
                "dependencies {\n    implementation(\"org.jetbrains.kotlin:kotlin-reflect:${libs.versions.kotlin.get()}\")\n}\n",
                "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlin", "kotlin-reflect", "${libs.versions.kotlin.get()}", "1.9.22", 2, "implementation"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "build.gradle.kts|api(\"${libs.square.okio.get()}@aar\")|runtimeOnly(\"${libs.commonsLang3.get()}:natives-linux\")",
            "build.gradle|api \"${libs.square.okio.get()}@aar\"|runtimeOnly \"${libs.commonsLang3.get()}:natives-linux\""})
    void a_catalog_library_interpolated_with_an_artifact_type_or_classifier_is_that_library(String file, String withType,
            String withClassifier) throws IOException {
        RepoFacts facts = collect(Map.of(file, "dependencies {\n    " + withType + "\n    " + withClassifier + "\n}\n",
                "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 2, "api"),
                tuple("org.apache.commons", "commons-lang3", "3.14.0", "3.14.0", 3, "runtimeOnly"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "build.gradle.kts|val antVersion = \"1.10.15\"|api(libs.managed) { version { strictly(antVersion) } }"
                    + "|api(\"org.hamcrest:hamcrest-core\") { version { strictly(\"3.0\"); because(\"aligned\") } }",
            "build.gradle|def antVersion = '1.10.15'|api(libs.managed) { version { strictly antVersion } }"
                    + "|api('org.hamcrest:hamcrest-core') { version { strictly '3.0'; because 'aligned' } }"})
    void a_version_set_in_the_declaration_closure_is_the_declared_version(String file, String variable, String fromVariable,
            String fromString) throws IOException {
        String script = variable + "\ndependencies {\n    constraints {\n        " + fromVariable + "\n        " + fromString
                + "\n    }\n}\n";
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(
                tuple("org.slf4j", "slf4j-api", "antVersion", "1.10.15", 4, "api"),
                tuple("org.hamcrest", "hamcrest-core", "3.0", "3.0", 5, "api"));
    }

    @Test
    void a_strict_range_with_a_preferred_version_in_the_declaration_closure_resolves_to_the_preferred_one() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    implementation("org.example:ranged") { version { strictly("[1.0,2.0["); prefer("1.5") } }
                    implementation("org.example:pinned") {
                        version {
                            prefer("2.1")
                            require("2.0")
                        }
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example", "ranged", "[1.0,2.0[", "1.5", 2, "implementation"),
                tuple("org.example", "pinned", "2.0", "2.0", 3, "implementation"));
    }

    // ---- variables --------------------------------------------------------------------------------------

    @Test
    void groovy_ext_blocks_ext_maps_and_gradle_properties_resolve_versions() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle.properties", "jacksonVersion=2.16.1\nkotlin.code.style=official\n",
                "build.gradle", """
                        ext {
                            springVersion = '6.1.2'
                            versions = [slf4j: '2.0.9', logback: "1.4.14"]
                        }
                        subprojects {
                            dependencies {
                                implementation "org.springframework:spring-core:$springVersion"
                                implementation "org.slf4j:slf4j-api:$versions.slf4j"
                                implementation "ch.qos.logback:logback-classic:${versions.logback}"
                                implementation "com.fasterxml.jackson.core:jackson-databind:${jacksonVersion}"
                                implementation "com.fasterxml.jackson.core:jackson-core:${project.property('jacksonVersion')}"
                            }
                        }
                        """,
                "app/build.gradle", """
                        dependencies {
                            implementation "org.springframework:spring-web:${rootProject.ext.springVersion}"
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.springframework", "spring-web", "${rootProject.ext.springVersion}", "6.1.2", 2, "implementation"),
                tuple("org.springframework", "spring-core", "$springVersion", "6.1.2", 7, "implementation"),
                tuple("org.slf4j", "slf4j-api", "$versions.slf4j", "2.0.9", 8, "implementation"),
                tuple("ch.qos.logback", "logback-classic", "${versions.logback}", "1.4.14", 9, "implementation"),
                tuple("com.fasterxml.jackson.core", "jackson-databind", "${jacksonVersion}", "2.16.1", 10, "implementation"),
                tuple("com.fasterxml.jackson.core", "jackson-core", "${project.property('jacksonVersion')}", "2.16.1", 11, "implementation"));
    }

    @Test
    void groovy_maps_filled_by_append_and_by_index_resolve_coordinates_and_versions() throws IOException {
        // Regression: "versions += [..]" and "libs += [..]" (a shared gradle/dependencies.gradle) were not read, so every
        // "compile libs.x" became an unknown declaration; so did coordinates whose version is only set inside an if.
        RepoFacts facts = collect(Map.of(
                "gradle/dependencies.gradle", """
                        ext {
                          versions = [:]
                          libs = [:]
                        }
                        if (hasProperty('scalaVersion')) {
                          versions["scala"] = scalaVersion
                        } else {
                          versions["scala"] = '2.12.6'
                        }
                        versions["jetty"] = '9.4.12.v20180830'
                        versions += [
                          jackson: "2.9.6",
                          // a comment between entries
                          junit: "4.12"
                        ]
                        ext.libs += [
                          jacksonDatabind: "com.fasterxml.jackson.core:jackson-databind:$versions.jackson",
                          jettyServer: "org.eclipse.jetty:jetty-server:${versions.jetty}",
                          junit: "junit:junit:$versions.junit",
                          scalaLibrary: "org.scala-lang:scala-library:$versions.scala"
                        ]
                        """,
                "build.gradle", """
                        apply from: "$rootDir/gradle/dependencies.gradle"
                        project(':core') {
                          dependencies {
                            compile libs.jacksonDatabind
                            compile(libs.scalaLibrary) {
                              exclude module: 'scala-reflect'
                            }
                            compile libs.jettyServer
                            testCompile libs.junit
                          }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.fasterxml.jackson.core", "jackson-databind", "2.9.6", "2.9.6", 4, "compile"),
                tuple("org.scala-lang", "scala-library", "$versions.scala", "", 5, "compile"),
                tuple("org.eclipse.jetty", "jetty-server", "9.4.12.v20180830", "9.4.12.v20180830", 8, "compile"),
                tuple("junit", "junit", "4.12", "4.12", 9, "testCompile"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void an_entry_of_a_map_reached_through_an_alias_with_an_unresolvable_version_is_still_a_declaration() throws IOException {
        // Regression: ext.deps = [tools: tools] with tools.checker = "g:a:${versions.api}" and versions.api a ternary on a
        // project property: deps.tools.checker gave no row at all, while the same entry read directly did
        RepoFacts facts = collect(Map.of(
                "gradle/deps.gradle", """
                        def versions = [
                            base: "3.1",
                            api : project.hasProperty("apiVersion") ? apiVersion : "2.0",
                        ]
                        def tools = [
                            core   : "org.example:tool-core:${versions.base}",
                            checker: "org.example:tool-checker:${versions.api}",
                        ]
                        ext.deps = [tools: tools]
                        """,
                "build.gradle", """
                        apply from: "gradle/deps.gradle"
                        dependencies {
                            implementation deps.tools.core
                            shadow deps.tools.checker
                            testImplementation(deps.tools.checker) {
                                exclude group: "junit", module: "junit"
                            }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example", "tool-core", "3.1", "3.1", 3, "implementation"),
                tuple("org.example", "tool-checker", "${versions.api}", "", 4, "shadow"),
                tuple("org.example", "tool-checker", "${versions.api}", "", 5, "testImplementation"));
    }

    @Test
    void a_list_of_coordinates_in_a_map_entry_or_another_script_gives_one_row_per_item() throws IOException {
        // Regression: only a list bound to a plain name of the same script was read; engines.desktop = ["g:a:1", ..]
        // assigned in an applied script, or a list as a map entry (deps.parsers), gave no row at all
        RepoFacts facts = collect(Map.of(
                "gradle/libraries.gradle", """
                        ext {
                            versions = [:]
                            engines = [:]
                        }
                        versions.render = "2.4.0"
                        engines.desktop = [
                                "org.example.render:render-core:${versions.render}",
                                "org.example.render:render-core:${versions.render}:natives-linux",
                                "org.example:sound:${versions.sound}"
                        ]
                        def parsers = [all: ["org.example:parse-a:1.1", "org.example:parse-b:1.2"]]
                        ext.deps = [parsers: parsers]
                        """,
                "desktop/build.gradle", """
                        dependencies {
                            api project(":core")
                            api engines.desktop
                            implementation deps.parsers.all
                        }
                        """,
                "build.gradle", """
                        apply from: "gradle/libraries.gradle"
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example.render", "render-core", "2.4.0", "2.4.0", 3, "api"),
                tuple("org.example.render", "render-core", "2.4.0", "2.4.0", 3, "api"),
                tuple("org.example", "sound", "${versions.sound}", "", 3, "api"),
                tuple("org.example", "parse-a", "1.1", "1.1", 4, "implementation"),
                tuple("org.example", "parse-b", "1.2", "1.2", 4, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_variable_whose_unresolvable_version_is_a_call_is_still_a_declaration() throws IOException {
        // Regression: def checks = "g:a:${checker.toolVersion.get()}" then compileOnly checks gave no row: the placeholder
        // kept as written holds parentheses, which were taken for an expression that is no coordinate string
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    def checks = "org.example:check-annotations:${checker.toolVersion.get()}"
                    compileOnly checks
                    testCompileOnly checks
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example", "check-annotations", "${checker.toolVersion.get()}", "", 3, "compileOnly"),
                tuple("org.example", "check-annotations", "${checker.toolVersion.get()}", "", 4, "testCompileOnly"));
    }

    @Test
    void a_forge_gradle_deobf_wrapper_is_the_dependency_it_wraps() throws IOException {
        // Regression: ForgeGradle mods declare mod dependencies as fg.deobf("g:a:v"); those gave no row and were
        // reported as not understood
        RepoFacts facts = collect(Map.of(
                "gradle.properties", "game_version=1.19\nhelper_version=3.4.0\n",
                "build.gradle", """
                        dependencies {
                            compileOnly fg.deobf("org.example.mods:helper-${game_version}:${helper_version}:api")
                            runtimeOnly(fg.deobf("org.example.mods:helper-${game_version}:${helper_version}")) {
                                transitive = false
                            }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.example.mods", "helper-1.19", "${helper_version}", "3.4.0", 2, "compileOnly"),
                tuple("org.example.mods", "helper-1.19", "${helper_version}", "3.4.0", 3, "runtimeOnly"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_groovy_map_extended_with_left_shift_lends_its_entries_to_the_script() throws IOException {
        // Regression: "versions << [..]" (a module adding its own entry to a map the root build defines) was not read,
        // so "${versions.aws}" stayed unresolved; "<<" on a map is putAll, like "+=".
        RepoFacts facts = collect(Map.of("plugin/build.gradle", """
                versions << [
                  'aws': '1.12.270'
                ]

                dependencies {
                  api "com.amazonaws:aws-java-sdk-s3:${versions.aws}"
                  api "org.apache.httpcomponents:httpclient:${versions.httpclient}"
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.amazonaws", "aws-java-sdk-s3", "${versions.aws}", "1.12.270", 6, "api"),
                tuple("org.apache.httpcomponents", "httpclient", "${versions.httpclient}", "", 7, "api"));
    }

    @Test
    void subscripts_on_a_map_name_its_entries() throws IOException {
        RepoFacts facts = collect(Map.of(
                "build.gradle", """
                        ext.deps = [okhttp: [core: 'com.squareup.okhttp3:okhttp:4.12.0']]
                        ext.versions = [room: '2.6.1']
                        dependencies {
                            implementation deps['okhttp']['core']
                            implementation deps.okhttp['core']
                            implementation "androidx.room:room-runtime:${versions['room']}"
                            implementation "androidx.room:room-ktx:${rootProject.ext['versions']['room']}"
                        }
                        """,
                "app/build.gradle.kts", """
                        extra["coilVersion"] = "2.5.0"
                        dependencies {
                            implementation("io.coil-kt:coil:${extra["coilVersion"]}")
                            implementation("io.coil-kt:coil-gif:${project.extra["coilVersion"]}")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.coil-kt", "coil", "${extra[\"coilVersion\"]}", "2.5.0", 3, "implementation"),
                tuple("io.coil-kt", "coil-gif", "${project.extra[\"coilVersion\"]}", "2.5.0", 4, "implementation"),
                tuple("com.squareup.okhttp3", "okhttp", "4.12.0", "4.12.0", 4, "implementation"),
                tuple("com.squareup.okhttp3", "okhttp", "4.12.0", "4.12.0", 5, "implementation"),
                tuple("androidx.room", "room-runtime", "${versions['room']}", "2.6.1", 6, "implementation"),
                tuple("androidx.room", "room-ktx", "${rootProject.ext['versions']['room']}", "2.6.1", 7, "implementation"));
    }

    @Test
    void a_kotlin_map_of_pairs_names_its_entries() throws IOException {
        // Regression: "val versions = mapOf("junit" to "5.9.1", ..)" in a build.gradle.kts, read as
        // "g:a:${versions["junit"]}", left the version unresolved.
        RepoFacts facts = collect(Map.of(
                "build.gradle.kts", """
                        val versions = mapOf(
                          "junit" to "5.9.1",
                          // a comment between entries
                          "pmd" to if (JavaVersion.current().isJava11Compatible) "6.55.0" else "6.40.0",
                          "wiremock" to "2.35.0"
                        )
                        dependencies {
                            testImplementation(platform("org.junit:junit-bom:${versions["junit"]}"))
                            testImplementation("com.github.tomakehurst:wiremock-jre8:${versions["wiremock"]}")
                            pmd("net.sourceforge.pmd:pmd-java:${versions["pmd"]}")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.junit", "junit-bom", "${versions[\"junit\"]}", "5.9.1", 8, "platform"),
                tuple("com.github.tomakehurst", "wiremock-jre8", "${versions[\"wiremock\"]}", "2.35.0", 9, "testImplementation"),
                tuple("net.sourceforge.pmd", "pmd-java", "${versions[\"pmd\"]}", "", 10, "pmd"));
    }

    @Test
    void get_value_on_a_map_reads_its_entry() throws IOException {
        // Regression: "${versions.getValue("sdk")}", Kotlin's strict form of versions["sdk"], was left unresolved, also for a
        // map declared inside subprojects {}.
        RepoFacts facts = collect(Map.of(
                "build.gradle.kts", """
                        subprojects {
                          val versions = mapOf(
                            "sdk" to "1.58.0"
                          )
                          dependencies {
                            implementation(platform("io.opentelemetry:opentelemetry-bom:${versions.getValue("sdk")}"))
                            implementation("io.opentelemetry:opentelemetry-api:${versions.getValue("missing")}")
                          }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.opentelemetry", "opentelemetry-bom", "${versions.getValue(\"sdk\")}", "1.58.0", 6, "platform"),
                tuple("io.opentelemetry", "opentelemetry-api", "${versions.getValue(\"missing\")}", "", 7, "implementation"));
    }

    @Test
    void a_let_block_declares_its_receiver_in_each_configuration() throws IOException {
        // Regression: deps["autoservice"]?.let { compileOnly(it); annotationProcessor(it) } was silently dropped.
        RepoFacts facts = collect(Map.of(
                "build.gradle.kts", """
                        val deps = mapOf(
                          "autoservice" to "com.google.auto.service:auto-service:1.1.1"
                        )
                        dependencies {
                          deps["autoservice"]?.let {
                            compileOnly(it)
                            annotationProcessor(it)
                          }
                          "org.slf4j:slf4j-api:2.0.9".let { lib -> testImplementation(lib) }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.google.auto.service", "auto-service", "1.1.1", "1.1.1", 6, "compileOnly"),
                tuple("com.google.auto.service", "auto-service", "1.1.1", "1.1.1", 7, "annotationProcessor"),
                tuple("org.slf4j", "slf4j-api", "2.0.9", "2.0.9", 9, "testImplementation"));
    }

    @Test
    void a_with_block_names_members_of_its_receiver() throws IOException {
        // Regression: with(Dependencies.Android) { implementation(coreKtx) } in a dependencies block was dropped whole,
        // string notations inside it included.
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Dependencies.kt", """
                        object Dependencies {
                            object Android {
                                const val coreKtx = "androidx.core:core-ktx:1.12.0"
                            }
                        }
                        """,
                "app/build.gradle.kts", """
                        dependencies {
                            with(Dependencies.Android) {
                                implementation(coreKtx)
                                testImplementation("junit:junit:4.13.2")
                            }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.core", "core-ktx", "1.12.0", "1.12.0", 3, "implementation"),
                tuple("junit", "junit", "4.13.2", "4.13.2", 4, "testImplementation"));
    }

    @Test
    void coordinates_made_only_of_unknown_placeholders_are_not_a_dependency() throws IOException {
        // Regression: a loop over the resolved artifacts, sourcesImplementation("${id.group}:${id.name}:${id.version}:sources"),
        // was a row with group "${id.group}" and name "${id.name}"; it writes no coordinates, so it is not understood.
        RepoFacts facts = collect(Map.of(
                "build.gradle.kts", """
                        val sourcesImplementation by configurations.getting
                        dependencies {
                            for (ra in configurations["runtimeClasspath"].resolvedConfiguration.resolvedArtifacts) {
                                val id = ra.moduleVersion.id
                                sourcesImplementation("${id.group}:${id.name}:${id.version}:sources") { isTransitive = false }
                            }
                            implementation("${project.group}:core:1.0")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("${project.group}", "core", "1.0", "1.0", 7, "implementation"));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line).containsExactly(5);
    }

    @Test
    void scripts_applied_from_the_root_build_lend_their_properties_to_every_project() throws IOException {
        // Regression: "apply from: 'buildsystem/dependencies.gradle'" in the root build.gradle, with the ext maps the modules
        // use ("def deps = rootProject.ext.dataDependencies; implementation deps.okHttp"), was out of reach: the file is
        // neither beside a module nor in a gradle/ folder.
        RepoFacts facts = collect(Map.of(
                "build.gradle", """
                        apply from: 'buildsystem/dependencies.gradle'
                        apply from: "$rootDir/config/versions.gradle"
                        """,
                "buildsystem/dependencies.gradle", """
                        ext {
                          okHttpVersion = '2.5.0'
                          dataDependencies = [
                              okHttp: "com.squareup.okhttp:okhttp:${okHttpVersion}",
                          ]
                        }
                        """,
                "config/versions.gradle", "ext.junitVersion = '4.13.2'\n",
                "other/versions.gradle", "ext.junitVersion = '3.8'\n",
                "data/build.gradle", """
                        dependencies {
                          def dataDependencies = rootProject.ext.dataDependencies
                          implementation dataDependencies.okHttp
                          testImplementation "junit:junit:$junitVersion"
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okhttp", "okhttp", "2.5.0", "2.5.0", 3, "implementation"),
                tuple("junit", "junit", "$junitVersion", "4.13.2", 4, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_map_assigned_to_a_map_entry_by_name_resolves_through_that_name() throws IOException {
        // Regression: "def room = [:]; room.runtime = '..'; deps.room = room; ext.deps = deps" (a shared versions.gradle)
        // left every "implementation deps.room.runtime" unknown.
        RepoFacts facts = collect(Map.of(
                "versions.gradle", """
                        ext.deps = [:]
                        def versions = [:]
                        versions.room = "2.6.1"
                        def deps = [:]
                        def room = [:]
                        room.runtime = "androidx.room:room-runtime:$versions.room"
                        room.compiler = "androidx.room:room-compiler:$versions.room"
                        deps.room = room
                        def test = [:]
                        test.junit = "junit:junit:4.13.2"
                        deps.testing = test
                        ext.deps = deps
                        """,
                "app/build.gradle", """
                        dependencies {
                            implementation deps.room.runtime
                            annotationProcessor deps.room.compiler
                            testImplementation deps.testing.junit
                            testImplementation "androidx.room:room-testing:${versions.room}"
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.room", "room-runtime", "2.6.1", "2.6.1", 2, "implementation"),
                tuple("androidx.room", "room-compiler", "2.6.1", "2.6.1", 3, "annotationProcessor"),
                tuple("junit", "junit", "4.13.2", "4.13.2", 4, "testImplementation"),
                tuple("androidx.room", "room-testing", "${versions.room}", "2.6.1", 5, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void maps_that_name_each_other_in_a_cycle_resolve_to_nothing_quickly() throws IOException {
        StringBuilder script = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            script.append("a").append(k).append(".x = a").append((k + 1) % 40).append('\n');
            script.append("a").append(k).append(".y = a").append((k + 7) % 40).append('\n');
        }
        script.append("dependencies {\n    implementation a0.x.y.x.y.x.y.x.y.x.y.x.y.x.y.x.y.x.y.x.y.lib\n}\n");
        RepoFacts facts = collect(Map.of("build.gradle", script.toString()));
        assertThat(rows(facts)).isEmpty();
        assertThat(facts.unknownDeclarations()).hasSize(1);
    }

    @Test
    void a_gradle_properties_file_in_latin_1_is_read_as_java_reads_properties() throws IOException {
        // Regression: a Latin-1 comment made gradle.properties "not UTF-8 text", and every version it set was lost.
        Files.write(dir.resolve("gradle.properties"),
                "# Versionen f\u00fcr alle Module\nspringVersion=6.1.2\n".getBytes(StandardCharsets.ISO_8859_1));
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    implementation "org.springframework:spring-core:$springVersion"
                }
                """));
        assertThat(facts.problems()).isEmpty();
        assertThat(rows(facts)).containsExactly(
                tuple("org.springframework", "spring-core", "$springVersion", "6.1.2", 2, "implementation"));
    }

    @Test
    void kotlin_extra_properties_and_project_gradle_properties_resolve_versions() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle.properties", "ktorVersion=2.3.6\n",
                "service/gradle.properties", "ktorVersion=2.3.7\n",
                "build.gradle.kts", """
                        extra["exposedVersion"] = "0.45.0"
                        val koinVersion: String by extra("3.5.3")
                        """,
                "service/build.gradle.kts", """
                        val ktorVersion: String by project
                        dependencies {
                            implementation("io.ktor:ktor-server-core:$ktorVersion")
                            implementation("org.jetbrains.exposed:exposed-core:${rootProject.extra["exposedVersion"]}")
                            implementation("io.insert-koin:koin-core:${property("koinVersion")}")
                            implementation("io.ktor:ktor-client-cio:" + ktorVersion)
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.ktor", "ktor-server-core", "$ktorVersion", "2.3.7", 3, "implementation"),
                tuple("org.jetbrains.exposed", "exposed-core", "${rootProject.extra[\"exposedVersion\"]}", "0.45.0", 4, "implementation"),
                tuple("io.insert-koin", "koin-core", "${property(\"koinVersion\")}", "3.5.3", 5, "implementation"),
                tuple("io.ktor", "ktor-client-cio", "${ktorVersion}", "2.3.7", 6, "implementation"));
    }

    @Test
    void extra_properties_set_in_an_extra_apply_block_resolve_versions() throws IOException {
        RepoFacts facts = collect(Map.of(
                "build.gradle.kts", """
                        buildscript {
                            extra.apply {
                                set("okhttpVersion", "4.12.0")
                            }
                        }
                        rootProject.extra.run {
                            set("roomVersion", "2.6.1")
                        }
                        """,
                "library/build.gradle.kts", """
                        dependencies {
                            api(platform("com.squareup.okhttp3:okhttp-bom:${rootProject.extra["okhttpVersion"]}"))
                            ksp("androidx.room:room-compiler:${rootProject.extra["roomVersion"]}")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okhttp3", "okhttp-bom", "${rootProject.extra[\"okhttpVersion\"]}", "4.12.0", 2, "platform"),
                tuple("androidx.room", "room-compiler", "${rootProject.extra[\"roomVersion\"]}", "2.6.1", 3, "ksp"));
    }

    @Test
    void a_notation_given_as_the_named_argument_dependency_notation_is_read() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", CATALOG,
                "build.gradle.kts", """
                        dependencies {
                            implementation(dependencyNotation = libs.bundles.testing)
                            implementation(dependencyNotation = "org.example:core:1.0") {
                                exclude(group = "org.slf4j")
                            }
                            implementation(dependencyNotation = project(path = ":core"))
                            testImplementation(dependencyNotation = kotlin("test"))
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.junit.jupiter", "junit-jupiter", "ref:junit", "5.10.1", 2, "implementation"),
                tuple("com.squareup.okio", "okio", "ref:okio", "3.7.0", 2, "implementation"),
                tuple("org.example", "core", "1.0", "1.0", 3, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-test", "", "", 7, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void an_npm_dependency_of_a_kotlin_js_source_set_takes_its_version_from_a_named_argument_too() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                kotlin {
                    sourceSets {
                        jsMain.dependencies {
                            implementation(npm("sql.js", "1.8.0"))
                            implementation(npm("@js-joda/core", version = "5.6.1", generateExternals = false))
                        }
                    }
                }
                """));
        assertThat(facts.dependencies()).filteredOn(d -> d.ecosystem() == Ecosystem.NPM)
                .extracting(d -> d.group() + "/" + d.name() + "@" + d.declaredVersion() + "=" + d.version())
                .containsExactly("/sql.js@1.8.0=1.8.0", "@js-joda/core@5.6.1=5.6.1");
    }

    @Test
    void a_helper_function_defined_in_a_dependencies_block_is_not_a_declaration() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    fun fullImplementation(dependencyNotation: Any) {
                        add("fullImplementation", dependencyNotation)
                    }
                    fullImplementation("org.example:full:1.0")
                }
                """));
        assertThat(rows(facts)).containsExactly(tuple("org.example", "full", "1.0", "1.0", 5, "fullImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void printing_and_logging_in_a_dependencies_block_are_not_declarations() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    if (project.hasProperty('freeBuild')) {
                        System.out.println("free build: skipping some dependencies")
                    } else {
                        implementation 'org.example:tracking:1.0'
                    }
                    println "dependencies added"
                    logger.info("done")
                }
                """));
        assertThat(rows(facts)).containsExactly(tuple("org.example", "tracking", "1.0", "1.0", 5, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_precompiled_script_plugin_requested_by_its_accessor_is_skipped_silently() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                plugins {
                    buildsrc.convention.`kotlin-jvm`
                    `java-library`
                }
                """));
        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_plugin_request_with_a_named_argument_is_read() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", CATALOG,
                "build.gradle.kts", """
                        plugins {
                            alias(notation = libs.plugins.kotlin.jvm)
                            id(id = "org.example.plugin") version "1.2"
                        }
                        """));
        assertThat(facts.dependencies()).extracting(d -> d.name() + "@" + d.declaredVersion() + "=" + d.version())
                .containsExactly("org.jetbrains.kotlin.jvm@ref:kotlin=1.9.22", "org.example.plugin@1.2=1.2");
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_plugin_request_under_an_if_is_read() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", CATALOG,
                "build.gradle.kts", """
                        plugins {
                            if (System.getenv("CI") == "true") alias(libs.plugins.kotlin.jvm)
                            if (project.hasProperty("x")) {
                                id("org.example.plugin") version "1.2"
                            } else id("org.example.other") version "2.0"
                        }
                        """));
        assertThat(facts.dependencies()).extracting(d -> d.name() + "@" + d.declaredVersion() + "=" + d.version() + ":" + d.line())
                .containsExactly("org.jetbrains.kotlin.jvm@ref:kotlin=1.9.22:2", "org.example.plugin@1.2=1.2:4",
                        "org.example.other@2.0=2.0:5");
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_star_import_does_not_swallow_the_statement_on_the_next_line() throws IOException {
        RepoFacts facts = collect(Map.of(
                "gradle.properties", "libVersion=1.4.0\n",
                "build.gradle.kts", """
                        import org.example.gradle.tasks.*
                        val libVersion = property("libVersion") as String
                        dependencies {
                            implementation("org.example:core:$libVersion")
                        }
                        """,
                "groovy/build.gradle", """
                        import org.example.gradle.tasks.*
                        def coreVersion = '2.0'
                        dependencies {
                            implementation "org.example:core:$coreVersion"
                        }
                        """));
        assertThat(rows(facts)).containsExactlyInAnyOrder(
                tuple("org.example", "core", "$libVersion", "1.4.0", 4, "implementation"),
                tuple("org.example", "core", "$coreVersion", "2.0", 4, "implementation"));
    }

    // ---- where dependency blocks are --------------------------------------------------------------------

    static Stream<Arguments> buildscriptAndSubprojects() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        buildscript {
                            ext.kotlin_version = '1.9.22'
                            dependencies {
                                classpath "org.jetbrains.kotlin:kotlin-gradle-plugin:$kotlin_version"
                            }
                        }
                        allprojects {
                            dependencies {
                                implementation 'org.slf4j:slf4j-api:2.0.9'
                            }
                        }
                        subprojects {
                            dependencies { testImplementation 'junit:junit:4.13.2' }
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        buildscript {
                            val kotlin_version by extra("1.9.22")
                            dependencies {
                                classpath("org.jetbrains.kotlin:kotlin-gradle-plugin:$kotlin_version")
                            }
                        }
                        allprojects {
                            dependencies {
                                "implementation"("org.slf4j:slf4j-api:2.0.9")
                            }
                        }
                        subprojects {
                            dependencies { add("testImplementation", "junit:junit:4.13.2") }
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buildscriptAndSubprojects")
    void buildscript_classpath_and_subprojects_blocks_are_read(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlin", "kotlin-gradle-plugin", "$kotlin_version", "1.9.22", 4, "classpath"),
                tuple("org.slf4j", "slf4j-api", "2.0.9", "2.0.9", 9, "implementation"),
                tuple("junit", "junit", "4.13.2", "4.13.2", 13, "testImplementation"));
    }

    @Test
    void kotlin_multiplatform_source_set_blocks_are_dependency_blocks() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                kotlin {
                    sourceSets {
                        commonMain.dependencies {
                            implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.7.3")
                        }
                        val jvmTest by getting {
                            dependencies {
                                implementation(kotlin("test"))
                            }
                        }
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlinx", "kotlinx-coroutines-core", "1.7.3", "1.7.3", 4, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-test", "", "", 8, "implementation"));
    }

    @Test
    void a_dependencies_block_opened_on_a_source_set_looked_up_by_name_is_a_dependency_block() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                kotlin {
                    sourceSets["commonMain"].dependencies {
                        implementation("org.jetbrains.kotlinx:kotlinx-datetime:0.5.0")
                    }
                    sourceSets.getByName("jvmMain").dependencies {
                        api("com.squareup.okio:okio:3.7.0")
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlinx", "kotlinx-datetime", "0.5.0", "0.5.0", 3, "implementation"),
                tuple("com.squareup.okio", "okio", "3.7.0", "3.7.0", 6, "api"));
    }

    @Test
    void a_groovy_map_literal_is_map_notation_and_a_list_of_them_is_one_row_each() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                dependencies {
                    implementation([group: 'com.google.guava', name: 'guava', version: '33.0.0-jre'])
                    testImplementation([group: 'junit', name: 'junit', version: '4.13.2'], [group: 'org.hamcrest', name: 'hamcrest', version: '2.2'])
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", 2, "implementation"),
                tuple("junit", "junit", "4.13.2", "4.13.2", 3, "testImplementation"),
                tuple("org.hamcrest", "hamcrest", "2.2", "2.2", 3, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void dependencies_created_in_code_are_found_at_the_line_of_the_call() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                val agent = configurations
                    .detachedConfiguration(
                        dependencies.create("org.example:agent:$agentVersion"),
                    ).singleFile
                """));
        assertThat(rows(facts)).containsExactly(tuple("org.example", "agent", "$agentVersion", "", 3, "detached"));
    }

    @Test
    void a_declaration_made_on_the_dependency_handler_without_a_block_is_found() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                allprojects {
                    plugins.withId('org.example.processing') {
                        dependencies.compileOnly 'javax.annotation:javax.annotation-api:1.3.2'
                        project.dependencies.implementation("org.example:runtime:1.0")
                        dependencies.constraints { implementation 'org.example:pinned:2.0' }
                    }
                }
                dependencies.components.all(AlignmentRule)
                dependencies.components { withModule('org.example:x') { allVariants { } } }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("javax.annotation", "javax.annotation-api", "1.3.2", "1.3.2", 3, "compileOnly"),
                tuple("org.example", "runtime", "1.0", "1.0", 4, "implementation"),
                tuple("org.example", "pinned", "2.0", "2.0", 5, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void the_intellij_platform_block_names_ides_and_ide_plugins_not_coordinates() throws IOException {
        // Regression: create("IC", "2024.3") and bundledPlugins("a", "b") were read as group:name rows, the rest of
        // the block as "not understood".
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    intellijPlatform {
                        create("IC", "2024.3")
                        bundledPlugins("com.intellij.java", "org.jetbrains.kotlin")
                        plugin("org.example.ide:1.0")
                        testFramework(TestFrameworkType.Platform)
                        instrumentationTools()
                    }
                    testImplementation("junit:junit:4.13.2")
                }
                """));
        assertThat(rows(facts)).containsExactly(tuple("junit", "junit", "4.13.2", "4.13.2", 9, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void spring_boot_layers_in_a_dependencies_block_declare_nothing() throws IOException {
        // Regression: each intoLayer(..) of bootJar's layered { dependencies {} } was "not understood".
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                tasks.named<BootJar>("bootJar") {
                    layered {
                        dependencies {
                            intoLayer("snapshot-dependencies") {
                                include("*:*:*SNAPSHOT")
                            }
                            intoLayer("dependencies")
                        }
                    }
                }
                """));
        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    static Stream<Arguments> shadowJarFilters() {
        return Stream.of(
                Arguments.of("build.gradle.kts", """
                        tasks.shadowJar {
                            dependencies {
                                include(dependency("org.example:bundled"))
                                exclude(dependency("org.example:dropped:.*"))
                            }
                        }
                        dependencies {
                            include("org.example:nested:2.0")
                        }
                        """),
                Arguments.of("build.gradle", """
                        shadowJar {
                            dependencies {
                                include(dependency('org.example:bundled:1.0'))
                                exclude dependency('org.example:dropped')
                            }
                        }
                        dependencies {
                            include("org.example:nested:2.0")
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shadowJarFilters")
    void a_shadow_jar_filter_declares_nothing(String file, String script) throws IOException {
        // Regression: the dependencies block of a shadowJar task, which picks what the jar bundles, gave rows of scope
        // include/exclude. A configuration named include (Fabric Loom's jar-in-jar) still declares.
        RepoFacts facts = collect(Map.of(file, script));
        assertThat(rows(facts)).containsExactly(tuple("org.example", "nested", "2.0", "2.0", 8, "include"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void each_coordinate_of_a_multi_line_groovy_vararg_declaration_is_at_its_own_line() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                def grpcVersion = "1.60.0"
                dependencies {
                    implementation "io.grpc:grpc-stub:${grpcVersion}",
                            "io.grpc:grpc-netty:${grpcVersion}",
                            'javax.annotation:javax.annotation-api:1.3.2'
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.grpc", "grpc-stub", "${grpcVersion}", "1.60.0", 3, "implementation"),
                tuple("io.grpc", "grpc-netty", "${grpcVersion}", "1.60.0", 4, "implementation"),
                tuple("javax.annotation", "javax.annotation-api", "1.3.2", "1.3.2", 5, "implementation"));
    }

    @Test
    void constants_of_buildsrc_objects_and_ext_maps_are_coordinates() throws IOException {
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Libs.kt", """
                        object Versions {
                            const val okio = "3.7.0"
                        }
                        object Libs {
                            const val okio = "com.squareup.okio:okio:${Versions.okio}"
                            object AndroidX { const val core = "androidx.core:core-ktx:1.12.0" }
                        }
                        """,
                "gradle/deps.gradle", "ext.deps = [room: [runtime: 'androidx.room:room-runtime:2.6.1']]\n",
                "app/build.gradle", """
                        dependencies {
                            implementation Libs.okio
                            implementation Libs.AndroidX.core
                            implementation deps.room.runtime
                            implementation rootProject.ext.deps.room.runtime
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "3.7.0", "3.7.0", 2, "implementation"),
                tuple("androidx.core", "core-ktx", "1.12.0", "1.12.0", 3, "implementation"),
                tuple("androidx.room", "room-runtime", "2.6.1", "2.6.1", 4, "implementation"),
                tuple("androidx.room", "room-runtime", "2.6.1", "2.6.1", 5, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_constant_names_the_members_of_its_own_object_and_of_the_objects_around_it_first() throws IOException {
        // Regression: "object Compose { const val version = ..; const val ui = \"..:$version\" }" left the version unresolved.
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Libs.kt", """
                        object Versions {
                            const val version = "0.0.1"
                        }
                        object Libs {
                            private const val kotlin = "1.9.0"
                            object Compose {
                                const val version = "1.6.0"
                                const val ui = "androidx.compose.ui:ui:$version"
                                const val material = "androidx.compose.material:material:${version}"
                                const val compiler = "org.jetbrains.kotlin:kotlin-compose-compiler-plugin:$kotlin"
                            }
                            object Test {
                                private const val version = "1.5.0"
                                const val core = "androidx.test:core:$version"
                                object Ext {
                                    private const val version = "1.1.5"
                                    const val junit = "androidx.test.ext:junit-ktx:$version"
                                }
                                const val runner = "androidx.test:runner:" + version
                            }
                        }
                        """,
                "buildSrc/src/main/java/Deps.java", """
                        public final class Deps {
                            public static final String GUAVA_VERSION = "33.0.0-jre";
                            public static final String GUAVA = "com.google.guava:guava:" + GUAVA_VERSION;
                        }
                        """,
                "app/build.gradle.kts", """
                        dependencies {
                            implementation(Libs.Compose.ui)
                            implementation(Libs.Compose.material)
                            implementation(Libs.Compose.compiler)
                            testImplementation(Libs.Test.core)
                            testImplementation(Libs.Test.Ext.junit)
                            testImplementation(Libs.Test.runner)
                            implementation(Deps.GUAVA)
                            implementation("org.example:top:${Versions.version}")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.compose.ui", "ui", "1.6.0", "1.6.0", 2, "implementation"),
                tuple("androidx.compose.material", "material", "1.6.0", "1.6.0", 3, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-compose-compiler-plugin", "1.9.0", "1.9.0", 4, "implementation"),
                tuple("androidx.test", "core", "1.5.0", "1.5.0", 5, "testImplementation"),
                tuple("androidx.test.ext", "junit-ktx", "1.1.5", "1.1.5", 6, "testImplementation"),
                tuple("androidx.test", "runner", "1.5.0", "1.5.0", 7, "testImplementation"),
                tuple("com.google.guava", "guava", "33.0.0-jre", "33.0.0-jre", 8, "implementation"),
                tuple("org.example", "top", "${Versions.version}", "0.0.1", 9, "implementation"));
    }

    @Test
    void a_constant_built_by_an_expression_bodied_helper_function_is_read() throws IOException {
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Deps.kt", """
                        object Deps {
                            object Versions {
                                const val lifecycle = "2.2.0"
                                const val webkit = "1.3.0"
                            }
                            object AndroidX {
                                val webkit = androidx("webkit", Versions.webkit)
                                val viewModel = lifecycle("viewmodel-ktx")
                            }
                            private fun androidx(module: String, version: String) = "androidx.$module:$module:$version"
                            private fun lifecycle(module: String): String = "androidx.lifecycle:lifecycle-$module:${Versions.lifecycle}"
                        }
                        """,
                "app/build.gradle.kts", """
                        fun ktor(module: String) = "io.ktor:ktor-$module:2.3.0"
                        dependencies {
                            implementation(Deps.AndroidX.webkit)
                            implementation(Deps.AndroidX.viewModel)
                            implementation(ktor("client-core"))
                            implementation(undefinedHelper("x"))
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.webkit", "webkit", "1.3.0", "1.3.0", 3, "implementation"),
                tuple("androidx.lifecycle", "lifecycle-viewmodel-ktx", "2.2.0", "2.2.0", 4, "implementation"),
                tuple("io.ktor", "ktor-client-core", "2.3.0", "2.3.0", 5, "implementation"));
        assertThat(facts.unknownDeclarations()).extracting(u -> u.line()).containsExactly(6);
    }

    @Test
    void a_helper_function_may_call_another_and_take_default_and_named_arguments() throws IOException {
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Deps.kt", """
                        object Versions {
                            const val bma = "1.2"
                        }
                        object Deps {
                            val core = androidx("core-ktx", "1.6.0", group = "core")
                            val appcompat = androidx("appcompat", "1.3.0")
                            val bmaCore = bma("core")
                        }
                        private fun dependency(group: String, artifact: String, version: String) = "$group:$artifact:$version"
                        private fun androidx(artifact: String, version: String, group: String = artifact) =
                            dependency("androidx.$group", artifact, version)
                        private fun bma(artifact: String, version: String = Versions.bma) = dependency("org.bma", artifact, version)
                        """,
                "build.gradle.kts", """
                        dependencies {
                            implementation(Deps.core)
                            implementation(Deps.appcompat)
                            implementation(Deps.bmaCore)
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.core", "core-ktx", "1.6.0", "1.6.0", 2, "implementation"),
                tuple("androidx.appcompat", "appcompat", "1.3.0", "1.3.0", 3, "implementation"),
                tuple("org.bma", "core", "1.2", "1.2", 4, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_helper_with_an_optional_version_and_an_object_alias_are_read() throws IOException {
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Lib.kt", """
                        object Lib {
                            val kotlin = Kotlin
                            object Kotlin {
                                private const val version = "1.3.50"
                                val stdlib = kotlin("stdlib-jdk7", version)
                                val reflect = kotlin("reflect")
                            }
                            private fun kotlin(module: String, version: String? = null) =
                                "org.jetbrains.kotlin:kotlin-$module${version?.let { ":$version" } ?: ""}"
                        }
                        """,
                "build.gradle.kts", """
                        dependencies {
                            implementation(Lib.kotlin.stdlib)
                            implementation(Lib.Kotlin.reflect)
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.kotlin", "kotlin-stdlib-jdk7", "1.3.50", "1.3.50", 2, "implementation"),
                tuple("org.jetbrains.kotlin", "kotlin-reflect", "", "", 3, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_catalog_created_on_version_catalogs_with_a_dot_is_read() throws IOException {
        // Regression: settings "versionCatalogs.create(\"libs\") { from(files(\"libs.versions.toml\")) }" (rather than a
        // versionCatalogs {} block) was not read, so libs.okio gave no row.
        RepoFacts facts = collect(Map.of(
                "libs.versions.toml", "[libraries]\nokio = \"com.squareup.okio:okio:3.7.0\"\n",
                "settings.gradle.kts", """
                        dependencyResolutionManagement {
                            versionCatalogs.create("libs") {
                                from(files("libs.versions.toml"))
                            }
                        }
                        """,
                "app/build.gradle.kts", "dependencies {\n    implementation(libs.okio)\n}\n"));
        assertThat(rows(facts)).containsExactly(tuple("com.squareup.okio", "okio", "3.7.0", "3.7.0", 2, "implementation"));
    }

    @Test
    void a_catalog_path_from_root_dir_and_groovy_from_files_without_parentheses_are_read() throws IOException {
        // Regression: from(files("${rootDir}/gradle/deps.toml")) and Groovy's from files("..") bound no catalog.
        RepoFacts facts = collect(Map.of(
                "gradle/deps.toml", "[libraries]\nokio = \"com.squareup.okio:okio:3.7.0\"\n",
                "settings.gradle", """
                        dependencyResolutionManagement {
                            versionCatalogs {
                                deps {
                                    from(files("${rootDir}/gradle/deps.toml"))
                                }
                                other {
                                    from files("$settingsDir/gradle/deps.toml")
                                }
                            }
                        }
                        """,
                "app/build.gradle", "dependencies {\n    implementation deps.okio\n    implementation other.okio\n}\n"));
        assertThat(rows(facts)).containsExactly(
                tuple("com.squareup.okio", "okio", "3.7.0", "3.7.0", 2, "implementation"),
                tuple("com.squareup.okio", "okio", "3.7.0", "3.7.0", 3, "implementation"));
    }

    @Test
    void a_configuration_named_by_a_source_set_takes_declarations() throws IOException {
        // Regression: "starter.implementationConfigurationName(libs.groovy) { because(..) }" gave no row.
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", "[libraries]\ngroovy = \"org.apache.groovy:groovy:4.0.12\"\n",
                "build.gradle.kts", """
                        val starter by sourceSets.creating
                        dependencies {
                            starter.implementationConfigurationName(libs.groovy) {
                                because("it runs processes")
                            }
                            sourceSets["integrationTest"].runtimeOnlyConfigurationName("org.slf4j:slf4j-simple:2.0.9")
                            sourceSets.main.get().compileOnlyConfigurationName("org.projectlombok:lombok:1.18.30")
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.apache.groovy", "groovy", "4.0.12", "4.0.12", 3, "starterImplementation"),
                tuple("org.slf4j", "slf4j-simple", "2.0.9", "2.0.9", 6, "integrationTestRuntimeOnly"),
                tuple("org.projectlombok", "lombok", "1.18.30", "1.18.30", 7, "compileOnly"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_loop_over_a_list_literal_declares_each_element_at_its_own_line() throws IOException {
        // Regression: "listOf(\"g:a:1\", libs.b).forEach { implementation(it) }" gave no rows at all. A list held in a
        // variable of the script is declared at the loop's line.
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", "[libraries]\nwear-material = \"androidx.wear.compose:compose-material:1.3.0\"\n",
                "app/build.gradle.kts", """
                        val ktorVersion = "2.3.7"
                        dependencies {
                            listOf(
                                "io.ktor:ktor-client-cio:$ktorVersion",
                                project(":core"),
                                libs.wear.material,
                            ).forEach { implementation(it) }
                            setOf("com.google.auto.value:auto-value:1.10.4").forEach { dep -> "kapt"(dep) }
                        }
                        """,
                "lib/build.gradle", """
                        dependencies {
                            ['org.slf4j:slf4j-api:2.0.9', 'org.slf4j:slf4j-simple:2.0.9'].each { testImplementation it }
                        }
                        """,
                "web/build.gradle.kts", """
                        val testLibs = listOf(
                            "org.wiremock:wiremock:3.1.0",
                        )
                        dependencies {
                            testLibs.forEach { testImplementation(it) }
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.ktor", "ktor-client-cio", "$ktorVersion", "2.3.7", 4, "implementation"),
                tuple("androidx.wear.compose", "compose-material", "1.3.0", "1.3.0", 6, "implementation"),
                tuple("com.google.auto.value", "auto-value", "1.10.4", "1.10.4", 8, "kapt"),
                tuple("org.slf4j", "slf4j-api", "2.0.9", "2.0.9", 2, "testImplementation"),
                tuple("org.slf4j", "slf4j-simple", "2.0.9", "2.0.9", 2, "testImplementation"),
                tuple("org.wiremock", "wiremock", "3.1.0", "3.1.0", 5, "testImplementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
    }

    @Test
    void a_lazy_property_of_a_build_src_object_holds_coordinates() throws IOException {
        // Regression: "val coreKtx by lazy { \"g:a:${Versions.x}\" }" in a buildSrc object was not read as a
        // constant, so "implementation(Deps.coreKtx)" gave no row at all.
        RepoFacts facts = collect(Map.of(
                "buildSrc/src/main/kotlin/Deps.kt", """
                        object Versions {
                            const val core = "1.12.0"
                        }
                        object Deps {
                            val coreKtx by lazy { "androidx.core:core-ktx:${Versions.core}" }
                            val appcompat by lazy {
                                "androidx.appcompat:appcompat:1.6.1"
                            }
                            object Test {
                                private val version by lazy { "1.5.0" }
                                val core by lazy { "androidx.test:core:$version" }
                            }
                        }
                        """,
                "app/build.gradle.kts", """
                        dependencies {
                            implementation(Deps.coreKtx)
                            implementation(Deps.appcompat)
                            testImplementation(Deps.Test.core)
                        }
                        """));
        assertThat(rows(facts)).containsExactly(
                tuple("androidx.core", "core-ktx", "1.12.0", "1.12.0", 2, "implementation"),
                tuple("androidx.appcompat", "appcompat", "1.6.1", "1.6.1", 3, "implementation"),
                tuple("androidx.test", "core", "1.5.0", "1.5.0", 4, "testImplementation"));
    }

    @Test
    void an_object_declared_in_a_kotlin_script_holds_qualified_constants() throws IOException {
        // Regression: "object Versions { const val exposed = .. }" written in build.gradle.kts itself left
        // "${Versions.exposed}" unresolved.
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                object Versions {
                    const val exposed = "0.45.0"
                    const val dao = "org.jetbrains.exposed:exposed-dao:$exposed"
                    const val jdbc = "exposed-jdbc:$exposed"
                }
                dependencies {
                    implementation("org.jetbrains.exposed:exposed-core:${Versions.exposed}")
                    implementation(Versions.dao)
                    implementation("org.jetbrains.exposed:${Versions.jdbc}")
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.jetbrains.exposed", "exposed-core", "${Versions.exposed}", "0.45.0", 7, "implementation"),
                tuple("org.jetbrains.exposed", "exposed-dao", "0.45.0", "0.45.0", 8, "implementation"),
                tuple("org.jetbrains.exposed", "exposed-jdbc", "0.45.0", "0.45.0", 9, "implementation"));
    }

    // ---- statement shapes -------------------------------------------------------------------------------

    static Stream<Arguments> statementShapes() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        dependencies {
                            implementation('org.hibernate:hibernate-core:6.4.1.Final') {
                                exclude group: 'org.jboss', module: 'jandex'
                                transitive = true
                            }
                            implementation(
                                'com.google.code.gson:gson:2.10.1'
                            )
                            // implementation 'commented:out:1.0'
                            /* testImplementation 'block:comment:1.0'
                               api 'still:comment:1.0' */
                            implementation "org.example:braces:1.0" // { not a block }
                            implementation project(':core')
                            implementation files('libs/local.jar'), fileTree(dir: 'libs', include: ['*.jar'])
                            implementation gradleApi()
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        dependencies {
                            implementation("org.hibernate:hibernate-core:6.4.1.Final") {
                                exclude(group = "org.jboss", module = "jandex")
                                isTransitive = true
                            }
                            implementation(
                                "com.google.code.gson:gson:2.10.1"
                            )
                            // implementation("commented:out:1.0")
                            /* testImplementation("block:comment:1.0")
                               api("still:comment:1.0") */
                            implementation("org.example:braces:1.0") // { not a block }
                            implementation(project(":core"))
                            implementation(files("libs/local.jar"))
                            implementation(gradleApi())
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementShapes")
    void closures_multi_line_statements_comments_and_local_modules(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script));
        assertThat(rows(facts)).containsExactly(
                tuple("org.hibernate", "hibernate-core", "6.4.1.Final", "6.4.1.Final", 2, "implementation"),
                tuple("com.google.code.gson", "gson", "2.10.1", "2.10.1", 6, "implementation"),
                tuple("org.example", "braces", "1.0", "1.0", 12, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "build.gradle     | implementation \"com.example:{weird}-name:${'$'}{v}\"",
        "build.gradle.kts | implementation(\"com.example:{weird}-name:${if (true) \"1.0\" else \"}\"}\")",
    })
    void braces_inside_strings_do_not_open_blocks(String file, String statement) throws IOException {
        RepoFacts facts = collect(Map.of(file, "dependencies {\n    " + statement + "\n    api('org.after:after:2.0')\n}\n"));
        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::line)
                .contains(tuple("com.example", "{weird}-name", 2), tuple("org.after", "after", 3));
    }

    @Test
    void spring_dependency_management_entries_and_bom_imports_are_listed() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                ext.springCloudVersion = '2023.0.0'
                dependencyManagement {
                    imports {
                        mavenBom "org.springframework.cloud:spring-cloud-dependencies:${springCloudVersion}"
                    }
                    dependencies {
                        dependency 'org.apache.commons:commons-text:1.11.0'
                        dependencySet(group: 'io.grpc', version: '1.60.0') {
                            entry 'grpc-core'
                            entry 'grpc-stub'
                        }
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.springframework.cloud", "spring-cloud-dependencies", "${springCloudVersion}", "2023.0.0", 4, "import"),
                tuple("org.apache.commons", "commons-text", "1.11.0", "1.11.0", 7, "managed"),
                tuple("io.grpc", "grpc-core", "1.60.0", "1.60.0", 9, "managed"),
                tuple("io.grpc", "grpc-stub", "1.60.0", "1.60.0", 10, "managed"));
    }

    @Test
    void a_kotlin_dependency_set_names_its_group_and_version_in_one_string() throws IOException {
        // Regression: dependencySet("io.grpc:1.60.0") { entry("grpc-core") }, the plugin's Kotlin form, gave entries with
        // no group and no version.
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                val grpcVersion = "1.60.0"
                dependencyManagement {
                    dependencies {
                        dependencySet("io.grpc:$grpcVersion") {
                            entry("grpc-core")
                            entry("grpc-stub")
                        }
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("io.grpc", "grpc-core", "$grpcVersion", "1.60.0", 5, "managed"),
                tuple("io.grpc", "grpc-stub", "$grpcVersion", "1.60.0", 6, "managed"));
    }

    @Test
    void conditional_declarations_inside_a_dependency_block_are_listed() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                dependencies {
                    if (platform == "conscrypt") {
                        implementation("org.conscrypt:conscrypt-openjdk-uber:2.5.2")
                    } else if (platform == "openjsse") {
                        implementation("org.openjsse:openjsse:1.1.14")
                    }
                    constraints {
                        api("com.example:pinned:1.2.3") { because("CVE") }
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.conscrypt", "conscrypt-openjdk-uber", "2.5.2", "2.5.2", 3, "implementation"),
                tuple("org.openjsse", "openjsse", "1.1.14", "1.1.14", 5, "implementation"),
                tuple("com.example", "pinned", "1.2.3", "1.2.3", 8, "api"));
    }

    @Test
    void when_branches_and_tricky_kotlin_syntax_do_not_confuse_the_scanner() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", """
                /* outer /* nested */ still a comment { */
                val regex = Regex(\"""\\d+\\.jar\""")
                val dollar = "${'$'}{notInterpolated}"
                val quote = '"'
                val url = "http://example.com/{x}" // a comment with a "quote
                tasks.withType<Test>().configureEach { if (maxParallelForks < 2) { maxParallelForks = 2 } }
                dependencies {
                    when (platform) {
                        "jdk9" -> implementation("org.b:b:2.0")
                        "jdk8" -> {
                            implementation("org.c:c:3.0")
                        }
                        else -> {}
                    }
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.b", "b", "2.0", "2.0", 9, "implementation"),
                tuple("org.c", "c", "3.0", "3.0", 11, "implementation"));
        assertThat(facts.unknownDeclarations()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void groovy_slashy_strings_and_division_are_told_apart() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle", """
                def jars = files.findAll { it.name ==~ /.*\\.jar/ }
                def cleaned = name.replaceAll(/\\//, '-')
                def ratio = total / 2; def s = 'q/'
                def esc = 'don\\'t {'
                dependencies {
                    implementation 'org.c:c:3.0' // { fake
                    if (jars) implementation 'org.d:d:4.0'
                }
                """));
        assertThat(rows(facts)).containsExactly(
                tuple("org.c", "c", "3.0", "3.0", 6, "implementation"),
                tuple("org.d", "d", "4.0", "4.0", 7, "implementation"));
        assertThat(facts.problems()).isEmpty();
    }

    // ---- what is not understood -------------------------------------------------------------------------

    static Stream<Arguments> unknownDeclarations() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        dependencies {
                            implementation 'org.ok:ok:1.0'
                            implementation someHelper('checkstyle')
                            testRuntimeOnly libs.not.in.catalog
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        dependencies {
                            implementation("org.ok:ok:1.0")
                            implementation(someHelper("checkstyle"))
                            testRuntimeOnly(libs.not.in.catalog)
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownDeclarations")
    void a_declaration_that_is_not_understood_becomes_an_unknown_declaration(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG));
        assertThat(rows(facts)).containsExactly(tuple("org.ok", "ok", "1.0", "1.0", 2, "implementation"));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::file, UnknownDeclaration::line)
                .containsExactly(tuple(file, 3), tuple(file, 4));
        assertThat(facts.unknownDeclarations().get(0).text()).contains("someHelper").hasSizeLessThanOrEqualTo(120);
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_broken_catalog_is_a_problem_and_the_scripts_are_still_read() throws IOException {
        RepoFacts facts = collect(Map.of("gradle/libs.versions.toml", "[libraries]\nbroken = { module = \n",
                "build.gradle", "dependencies {\n  implementation 'org.ok:ok:1.0'\n}\n"));
        assertThat(rows(facts)).containsExactly(tuple("org.ok", "ok", "1.0", "1.0", 2, "implementation"));
        assertThat(facts.problems()).extracting(p -> p.file()).containsExactly("gradle/libs.versions.toml");
    }

    // ---- plugins ----------------------------------------------------------------------------------------

    static Stream<Arguments> pluginBlocks() {
        return Stream.of(
                Arguments.of("build.gradle", """
                        plugins {
                            id 'java'
                            id 'org.springframework.boot' version '3.2.0'
                            id "io.spring.dependency-management" version "$dmVersion" apply false
                            alias(libs.plugins.kotlin.jvm)
                            id 'com.android.application'
                            alias libs.plugins.versions
                        }
                        """),
                Arguments.of("build.gradle.kts", """
                        plugins {
                            `java-library`
                            id("org.springframework.boot") version "3.2.0"
                            id("io.spring.dependency-management") version dmVersion apply false
                            alias(libs.plugins.kotlin.jvm)
                            id("com.android.application")
                            alias(libs.plugins.versions) apply false
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pluginBlocks")
    void plugins_are_gradle_plugin_dependencies_and_core_plugins_are_skipped(String file, String script) throws IOException {
        RepoFacts facts = collect(Map.of(file, script, "gradle/libs.versions.toml", CATALOG, "gradle.properties", "dmVersion=1.1.4\n"));
        assertThat(facts.dependencies()).allMatch(d -> d.ecosystem() == Ecosystem.GRADLE_PLUGIN && d.group().isEmpty());
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::line).containsExactly(
                tuple("org.springframework.boot", "3.2.0", 3),
                tuple("io.spring.dependency-management", "1.1.4", 4),
                tuple("org.jetbrains.kotlin.jvm", "1.9.22", 5),
                tuple("com.android.application", "", 6),
                tuple("com.github.ben-manes.versions", "0.50.0", 7));
        assertThat(facts.dependencies().get(2).declaredVersion()).isEqualTo("ref:kotlin");
    }

    @Test
    void kotlin_plugin_shorthand_settings_plugins_and_local_convention_plugins() throws IOException {
        RepoFacts facts = collect(Map.of(
                "settings.gradle.kts", """
                        pluginManagement {
                            plugins {
                                id("org.jetbrains.dokka") version "1.9.10"
                            }
                        }
                        plugins {
                            id("org.gradle.toolchains.foojay-resolver-convention") version("0.7.0")
                        }
                        """,
                "build-logic/src/main/kotlin/my.conventions.gradle.kts", "plugins {\n    kotlin(\"jvm\")\n}\n",
                "app/build.gradle.kts", "plugins {\n    kotlin(\"jvm\") version \"1.9.22\"\n    id(\"my.conventions\")\n}\n"));
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::file, Dependency::line)
                .containsExactlyInAnyOrder(
                        tuple("org.jetbrains.kotlin.jvm", "1.9.22", "app/build.gradle.kts", 2),
                        tuple("org.jetbrains.kotlin.jvm", "", "build-logic/src/main/kotlin/my.conventions.gradle.kts", 2),
                        tuple("org.jetbrains.dokka", "1.9.10", "settings.gradle.kts", 3),
                        tuple("org.gradle.toolchains.foojay-resolver-convention", "0.7.0", "settings.gradle.kts", 7));
    }

    @Test
    void a_precompiled_script_plugin_under_src_main_java_is_a_local_convention_plugin() throws IOException {
        // Regression: convention plugins kept in build-logic/plugins/src/main/java (compiled by kotlin-dsl all the same)
        // were listed as external plugins without a version wherever a module applied them.
        RepoFacts facts = collect(Map.of(
                "build-logic/plugins/src/main/java/acme-library.gradle.kts", "plugins {\n    id(\"com.android.library\")\n}\n",
                "core/build.gradle.kts", "plugins {\n    id(\"acme-library\")\n}\n"));
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::file)
                .containsExactly(tuple("com.android.library", "build-logic/plugins/src/main/java/acme-library.gradle.kts"));
    }

    @Test
    void a_catalog_alias_of_a_local_convention_plugin_with_version_unspecified_is_skipped() throws IOException {
        // Regression: "acme-library = { id = \"acme.library\", version = \"unspecified\" }" for a plugin that
        // build-logic registers in gradlePlugin {} was listed as an external plugin at version "unspecified".
        RepoFacts facts = collect(Map.of(
                "gradle/libs.versions.toml", """
                        [versions]
                        agp = "8.2.0"
                        [plugins]
                        android-library = { id = "com.android.library", version.ref = "agp" }
                        acme-library = { id = "acme.library", version = "unspecified" }
                        other = { id = "org.example.other", version = "unspecified" }
                        """,
                "build-logic/convention/build.gradle.kts", """
                        gradlePlugin {
                            plugins {
                                register("library") {
                                    id = "acme.library"
                                    implementationClass = "LibraryConventionPlugin"
                                }
                            }
                        }
                        """,
                "core/build.gradle.kts", """
                        plugins {
                            alias(libs.plugins.android.library)
                            alias(libs.plugins.acme.library)
                            alias(libs.plugins.other)
                        }
                        """));
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::line)
                .containsExactly(tuple("com.android.library", "ref:agp", 2), tuple("org.example.other", "unspecified", 4));
    }

    @Test
    void plugins_do_not_count_as_libraries_in_a_dependency_block() throws IOException {
        RepoFacts facts = collect(Map.of("build.gradle.kts", "plugins {\n    alias(libs.plugins.kotlin.jvm)\n}\n",
                "gradle/libs.versions.toml", CATALOG));
        assertThat(facts.dependencies()).noneMatch(d -> d.ecosystem() == Ecosystem.MAVEN);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private RepoFacts collect(Map<String, String> files) throws IOException {
        for (var e : new LinkedHashMap<>(files).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        RepoTree tree = RepoTree.walk(dir);
        GradleCollector collector = new GradleCollector();
        List<String> wanted = tree.paths().stream().filter(collector::wants).toList();
        Facts facts = new Facts("repo");
        collector.collect(tree, wanted, facts);
        return facts.build();
    }

    private static List<Tuple> rows(RepoFacts facts) {
        return facts.dependencies().stream()
                .filter(d -> d.ecosystem() == Ecosystem.MAVEN)
                .map(d -> tuple(d.group(), d.name(), d.declaredVersion(), d.version(), d.line(), d.scope()))
                .toList();
    }

    @Test
    void a_catalog_entry_with_values_of_the_wrong_type_is_skipped_and_the_rest_of_the_catalog_is_read() throws IOException {
        // Found by fuzzing: TomlTable.getString threw on group = 1 and the whole catalog was lost.
        RepoFacts facts = collect(Map.of("build.gradle.kts", "dependencies {\n    implementation(libs.bad)\n    implementation(libs.guava)\n}\n",
                "gradle/libs.versions.toml", "[libraries]\nbad = { group = 1, name = 2 }\nguava = \"com.google.guava:guava:33.2.1-jre\"\n"));
        assertThat(facts.dependencies()).extracting(d -> d.coordinate() + "@" + d.version())
                .contains("com.google.guava:guava@33.2.1-jre");
        assertThat(facts.problems()).noneMatch(p -> p.message().contains("could not be read"));
    }

    @Test
    void brackets_nested_thousands_deep_are_a_problem_and_the_rest_of_the_script_is_read() throws IOException {
        // Found by fuzzing: the script reader recursed once per bracket and overflowed the stack.
        String deep = "dependencies {\n    implementation 'com.google.guava:guava:33.2.1-jre'\n    x " + "{".repeat(20_000) + "}".repeat(20_000) + "\n}\n";
        RepoFacts facts = collect(Map.of("build.gradle", deep));
        assertThat(facts.dependencies()).extracting(d -> d.coordinate() + "@" + d.declaredVersion())
                .containsExactly("com.google.guava:guava@33.2.1-jre");
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("brackets nested deeper than 200 levels");
        });
    }

    @Test
    void an_unresolvable_buildsrc_constant_longer_than_the_script_leaves_the_declaration_unresolved() throws IOException {
        // Found by fuzzing: the unresolved value was cut from the build script's text at offsets into the buildSrc
        // file, and StringIndexOutOfBoundsException failed the whole Gradle collector.
        RepoFacts facts = collect(Map.of("build.gradle.kts", "dependencies {\n    implementation(Deps.lib)\n}\n",
                "buildSrc/src/main/kotlin/Deps.kt", "object Deps {\n    // " + "-".repeat(200) + "\n    const val lib = \"com.acme:lib:\" + Versions.missing\n}\n"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_catalog_library_that_names_no_module_is_a_problem_at_its_line_and_not_a_nameless_dependency() throws IOException {
        RepoFacts facts = collect(Map.of("gradle/libs.versions.toml", """
                [libraries]
                guava = "com.google.guava:guava:33.2.1-jre"
                empty = ":"
                nameless = { module = "org.example:" }
                """, "build.gradle.kts", """
                dependencies {
                    implementation(libs.guava)
                    implementation(libs.empty)
                    implementation(libs.nameless)
                }
                """));

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::line)
                .containsExactly(tuple("com.google.guava", "guava", 2));
        assertThat(facts.problems()).extracting(FileProblem::file, FileProblem::line, FileProblem::message)
                .contains(tuple("gradle/libs.versions.toml", 3, "version catalog: library 'empty' names no module"));
    }
}
