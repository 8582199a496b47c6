package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/** Fuzzes requirements files, pyproject.toml, poetry.lock, Pipfile and Pipfile.lock. */
class PythonFuzzTest {

    @FuzzTest
    void requirements_txt_never_crashes(byte[] data) {
        collect("requirements.txt", data);
    }

    @FuzzTest
    void pyproject_toml_never_crashes(byte[] data) {
        collect("pyproject.toml", data);
    }

    @FuzzTest
    void poetry_lock_never_crashes(byte[] data) {
        collect("poetry.lock", data, Map.of("pyproject.toml", Companions.PYPROJECT));
    }

    @FuzzTest
    void pipfile_never_crashes(byte[] data) {
        collect("Pipfile", data);
    }

    @FuzzTest
    void pipfile_lock_never_crashes(byte[] data) {
        collect("Pipfile.lock", data, Map.of("Pipfile", Companions.PIPFILE));
    }
}
