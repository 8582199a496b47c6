package dev.radar.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The findings a repository already had when it adopted the gate: the fingerprints of an earlier JSON report
 * ({@code radar check --format json}). With a baseline, only findings that are new since then fail the check.
 *
 * @param source where the baseline was read from, for messages
 */
public record Baseline(String source, Set<String> fingerprints) {

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** True when the finding was already in the baseline. */
    public boolean contains(Finding f) {
        return fingerprints.contains(f.fingerprint());
    }

    /**
     * Reads the fingerprints of a JSON report.
     *
     * @throws ConfigException naming the file when it cannot be read or is not a radar JSON report
     */
    public static Baseline read(Path file) {
        String name = file.toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read baseline: " + e.getMessage()));
        }
        return parse(name, text);
    }

    /** Parses a JSON report's text; {@code name} is used in messages only. */
    public static Baseline parse(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(new ConfigProblem(name, Math.max(0, line), Math.max(0, column),
                    "baseline is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("schemaVersion").isInt() || !root.path("findings").isArray()) {
            throw new ConfigException(new ConfigProblem(name, 1, 1,
                    "a baseline is a JSON report of radar check (--format json) with schemaVersion and findings"));
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : root.path("findings")) {
            String fp = f.path("fingerprint").asText("");
            if (!fp.isEmpty()) {
                out.add(fp);
            }
        }
        return new Baseline(name, out);
    }
}
