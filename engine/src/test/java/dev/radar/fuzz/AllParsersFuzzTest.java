package dev.radar.fuzz;

import static dev.radar.fuzz.FuzzHarness.collect;
import static dev.radar.fuzz.FuzzHarness.load;
import static dev.radar.fuzz.FuzzHarness.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.model.ExceptionOrigin;
import dev.radar.radar.RadarLoader;
import dev.radar.scan.ReposFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every parser behind one fuzz target: the first byte of the input picks the file kind, the rest is the file. One
 * JVM then fuzzes all parsers, so a long run pays Jazzer's start-up once instead of once per parser; the seeds are
 * the per-parser seeds with their selector byte in front. The per-parser classes stay for focused runs.
 */
class AllParsersFuzzTest {

    private static final Path BASE = Path.of("/nonexistent/radar-fuzz");

    /** The file kinds, by selector byte (modulo their number); append only, or saved inputs change meaning. */
    static final List<Consumer<byte[]>> TARGETS = List.of(
            d -> collect("pom.xml", d),
            d -> collect("app/pom.xml", d, Map.of("pom.xml", Companions.PARENT_POM)),
            d -> collect("build.gradle", d, Map.of("gradle/libs.versions.toml", Companions.CATALOG)),
            d -> collect("build.gradle.kts", d, Map.of("gradle/libs.versions.toml", Companions.CATALOG)),
            d -> collect("gradle/libs.versions.toml", d, Map.of("build.gradle.kts", Companions.CATALOG_USER)),
            d -> collect("buildSrc/src/main/kotlin/Versions.kt", d, Map.of("build.gradle.kts", Companions.CONSTANTS_USER)),
            d -> collect("package.json", d),
            d -> collect("package-lock.json", d, Map.of("package.json", Companions.PACKAGE_JSON)),
            d -> collect("yarn.lock", d, Map.of("package.json", Companions.PACKAGE_JSON)),
            d -> collect("pnpm-lock.yaml", d, Map.of("package.json", Companions.PACKAGE_JSON)),
            d -> collect("requirements.txt", d),
            d -> collect("pyproject.toml", d),
            d -> collect("poetry.lock", d, Map.of("pyproject.toml", Companions.PYPROJECT)),
            d -> collect("Pipfile", d),
            d -> collect("Pipfile.lock", d, Map.of("Pipfile", Companions.PIPFILE)),
            d -> collect("go.mod", d),
            d -> collect("Cargo.toml", d),
            d -> collect("Cargo.lock", d, Map.of("Cargo.toml", Companions.CARGO_TOML)),
            d -> collect("Dockerfile", d),
            d -> collect("docker-compose.yml", d),
            d -> collect("deploy/app.yaml", d),
            d -> collect("chart/Chart.yaml", d),
            d -> collect(".github/workflows/ci.yml", d),
            d -> collect("infra/main.tf", d),
            d -> collect("infra/.terraform.lock.hcl", d),
            d -> collect("api/openapi.yaml", d),
            d -> collect("api/openapi.json", d),
            d -> collect("src/main/resources/logback.xml", d),
            d -> collect("src/main/resources/log4j2.xml", d),
            d -> collect("src/main/resources/application.yml", d),
            d -> collect("src/main/resources/application-prod.properties", d),
            d -> collect("bom.json", d),
            d -> collect("bom.xml", d),
            d -> load("radar.yaml", text(d), () -> RadarLoader.parse("radar.yaml", text(d))),
            d -> load("exceptions.yaml", text(d), () -> ExceptionLoader.parse("exceptions.yaml", text(d), ExceptionOrigin.CENTRAL, "")),
            d -> load(".radar/exceptions.yaml", text(d),
                    () -> ExceptionLoader.parse(".radar/exceptions.yaml", text(d), ExceptionOrigin.REPO_LOCAL, "acme/shop")),
            d -> load("repos.yaml", text(d), () -> ReposFile.parse("repos.yaml", text(d), BASE)));

    @FuzzTest
    void any_file_of_any_kind_never_crashes(byte[] data) {
        if (data.length == 0) {
            return;
        }
        TARGETS.get((data[0] & 0xff) % TARGETS.size()).accept(Arrays.copyOfRange(data, 1, data.length));
    }
}
