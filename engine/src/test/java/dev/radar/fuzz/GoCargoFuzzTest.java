package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/** Fuzzes go.mod and the Cargo manifest and lockfile. */
class GoCargoFuzzTest {

    @FuzzTest
    void go_mod_never_crashes(byte[] data) {
        collect("go.mod", data);
    }

    @FuzzTest
    void cargo_toml_never_crashes(byte[] data) {
        collect("Cargo.toml", data);
    }

    @FuzzTest
    void cargo_lock_never_crashes(byte[] data) {
        collect("Cargo.lock", data, Map.of("Cargo.toml", Companions.CARGO_TOML));
    }
}
