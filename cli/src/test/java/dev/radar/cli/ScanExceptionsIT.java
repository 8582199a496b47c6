package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radar scan --exceptions FILE}: central exceptions apply in the org scan and their expiry shows on the dashboard. */
class ScanExceptionsIT {

    @Test
    void central_exceptions_except_findings_and_appear_as_expiring(@TempDir Path out) throws Exception {
        var run = CliScenariosIT.run("scan", "../examples/org", "--radar", "../radar.yaml", "--exceptions", "../exceptions.yaml",
                "--today", "2026-11-22", "--output", out.toString(), "--progress", "none");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("expiringExceptions").findValuesAsText("id")).contains("EXC-2026-015");
        JsonNode billing = new ObjectMapper().readTree(out.resolve("repos/legacy-billing.json").toFile());
        assertThat(billing.path("summary").path("excepted").asInt()).isPositive();
    }
}
