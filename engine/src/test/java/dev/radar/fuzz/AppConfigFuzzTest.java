package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes application configuration: OpenAPI specs, logging XML and Spring configuration. */
class AppConfigFuzzTest {

    @FuzzTest
    void openapi_yaml_never_crashes(byte[] data) {
        collect("api/openapi.yaml", data);
    }

    @FuzzTest
    void openapi_json_never_crashes(byte[] data) {
        collect("api/openapi.json", data);
    }

    @FuzzTest
    void logback_xml_never_crashes(byte[] data) {
        collect("src/main/resources/logback.xml", data);
    }

    @FuzzTest
    void log4j2_xml_never_crashes(byte[] data) {
        collect("src/main/resources/log4j2.xml", data);
    }

    @FuzzTest
    void spring_yaml_never_crashes(byte[] data) {
        collect("src/main/resources/application.yml", data);
    }

    @FuzzTest
    void spring_properties_never_crash(byte[] data) {
        collect("src/main/resources/application-prod.properties", data);
    }
}
