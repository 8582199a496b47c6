package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/** Fuzzes the JVM build parsers: Maven POMs, Gradle scripts in both dialects, version catalogs and buildSrc constants. */
class JvmBuildFuzzTest {

    @FuzzTest
    void pom_xml_never_crashes(byte[] data) {
        collect("pom.xml", data);
    }

    /** A module POM next to a fixed parent: exercises inheritance and property interpolation across files. */
    @FuzzTest
    void module_pom_never_crashes(byte[] data) {
        collect("app/pom.xml", data, Map.of("pom.xml", Companions.PARENT_POM));
    }

    @FuzzTest
    void groovy_build_script_never_crashes(byte[] data) {
        collect("build.gradle", data, Map.of("gradle/libs.versions.toml", Companions.CATALOG));
    }

    @FuzzTest
    void kotlin_build_script_never_crashes(byte[] data) {
        collect("build.gradle.kts", data, Map.of("gradle/libs.versions.toml", Companions.CATALOG));
    }

    @FuzzTest
    void version_catalog_never_crashes(byte[] data) {
        collect("gradle/libs.versions.toml", data, Map.of("build.gradle.kts", Companions.CATALOG_USER));
    }

    @FuzzTest
    void buildsrc_constants_never_crash(byte[] data) {
        collect("buildSrc/src/main/kotlin/Versions.kt", data, Map.of("build.gradle.kts", Companions.CONSTANTS_USER));
    }
}
