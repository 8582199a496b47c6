package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes CycloneDX SBOMs in both encodings. */
class SbomFuzzTest {

    @FuzzTest
    void cyclonedx_json_never_crashes(byte[] data) {
        collect("bom.json", data);
    }

    @FuzzTest
    void cyclonedx_xml_never_crashes(byte[] data) {
        collect("bom.xml", data);
    }
}
