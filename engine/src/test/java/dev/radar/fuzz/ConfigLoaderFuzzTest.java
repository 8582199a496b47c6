package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.load;
import static dev.radar.fuzz.FuzzHarness.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.ExceptionOrigin;
import dev.radar.radar.RadarLoader;
import dev.radar.scan.ReposFile;
import java.nio.file.Path;

/**
 * Fuzzes the configuration loaders: radar.yaml, central and repo-local exceptions.yaml and the org scan's
 * repos.yaml. Each either loads or throws a ConfigException naming the file and a line.
 */
class ConfigLoaderFuzzTest {

    private static final Path BASE = Path.of("/nonexistent/radar-fuzz");

    @FuzzTest
    void radar_yaml_loads_or_names_file_and_line(byte[] data) {
        String text = text(data);
        load("radar.yaml", text, () -> RadarLoader.parse("radar.yaml", text));
    }

    @FuzzTest
    void central_exceptions_load_or_name_file_and_line(byte[] data) {
        String text = text(data);
        load("exceptions.yaml", text, () -> ExceptionLoader.parse("exceptions.yaml", text, ExceptionOrigin.CENTRAL, ""));
    }

    @FuzzTest
    void repo_local_exceptions_load_or_name_file_and_line(byte[] data) {
        String text = text(data);
        load(".radar/exceptions.yaml", text,
                () -> ExceptionLoader.parse(".radar/exceptions.yaml", text, ExceptionOrigin.REPO_LOCAL, "acme/shop"));
    }

    @FuzzTest
    void repos_yaml_loads_or_names_file_and_line(byte[] data) {
        String text = text(data);
        load("repos.yaml", text, () -> ReposFile.parse("repos.yaml", text, BASE));
    }
}
