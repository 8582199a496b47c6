package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/** Fuzzes package.json and the four lockfile formats, each lockfile next to a fixed manifest it resolves. */
class NodeFuzzTest {

    @FuzzTest
    void package_json_never_crashes(byte[] data) {
        collect("package.json", data);
    }

    @FuzzTest
    void package_lock_never_crashes(byte[] data) {
        collect("package-lock.json", data, Map.of("package.json", Companions.PACKAGE_JSON));
    }

    @FuzzTest
    void yarn_lock_never_crashes(byte[] data) {
        collect("yarn.lock", data, Map.of("package.json", Companions.PACKAGE_JSON));
    }

    @FuzzTest
    void pnpm_lock_never_crashes(byte[] data) {
        collect("pnpm-lock.yaml", data, Map.of("package.json", Companions.PACKAGE_JSON));
    }

    @FuzzTest
    void bun_lock_never_crashes(byte[] data) {
        collect("bun.lock", data, Map.of("package.json", Companions.PACKAGE_JSON));
    }
}
