package dev.radar.governance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON reading and writing for the foreign formats, with malformed input reported at its line and column. */
final class Foreign {
    private Foreign() {}

    static String json(Object value) {
        try {
            StringWriter w = new StringWriter();
            GovernanceJson.WRITER.writeValue(w, value);
            return w + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String file, String text) {
        try {
            JsonNode root = GovernanceJson.MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(new ConfigProblem(file, 1, 1, "empty file"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(new ConfigProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
        }
    }
}
