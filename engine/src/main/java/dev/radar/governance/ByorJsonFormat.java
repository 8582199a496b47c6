package dev.radar.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Thoughtworks Build-Your-Own-Radar JSON: an array of blips with the six BYOR fields ({@code isNew} as "TRUE"/"FALSE"). */
final class ByorJsonFormat implements RadarFormat {

    @Override
    public String name() {
        return "byor-json";
    }

    @Override
    public String description() {
        return "Thoughtworks Build-Your-Own-Radar JSON (an array of {name, ring, quadrant, isNew, status, description})";
    }

    @Override
    public String write(PortableRadar radar, java.time.LocalDate today, List<String> lost) {
        return Foreign.json(Byor.rows(radar, lost));
    }

    @Override
    public PortableRadar read(String file, String text, List<String> lost) {
        JsonNode root = Foreign.tree(file, text);
        if (!root.isArray()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1, "a BYOR JSON file is an array of blips"));
        }
        List<Byor.Row> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode b : root) {
            rows.add(new Byor.Row(++index, b.path("name").asText(""), b.path("ring").asText(""), b.path("quadrant").asText(""),
                    b.path("isNew").asText(""), b.path("status").asText(""), b.path("description").asText("")));
        }
        return Byor.radar(file + " blip", rows, lost);
    }
}
