package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thoughtworks Build-Your-Own-Radar CSV: a header {@code name,ring,quadrant,isNew,status,description} and one
 * row per blip. Rings and quadrants are written by name ({@code Adopt}, {@code Languages & Frameworks}); the
 * description is HTML, so the rationale and description are escaped and joined by a blank line.
 */
final class ByorCsvFormat implements RadarFormat {
    static final List<String> COLUMNS = List.of("name", "ring", "quadrant", "isNew", "status", "description");

    @Override
    public String name() {
        return "byor-csv";
    }

    @Override
    public String description() {
        return "Thoughtworks Build-Your-Own-Radar CSV (name, ring, quadrant, isNew, status, description)";
    }

    @Override
    public String write(PortableRadar radar, java.time.LocalDate today, List<String> lost) {
        StringBuilder out = new StringBuilder(Csv.row(COLUMNS));
        for (Map<String, String> row : Byor.rows(radar, lost)) {
            out.append(Csv.row(COLUMNS.stream().map(row::get).toList()));
        }
        return out.toString();
    }

    @Override
    public PortableRadar read(String file, String text, List<String> lost) {
        List<Csv.Row> rows = Csv.parse(file, text);
        if (rows.isEmpty()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1, "empty file: a BYOR CSV starts with the header " + String.join(",", COLUMNS)));
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String required : List.of("name", "ring", "quadrant")) {
            if (!header.contains(required.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(new ConfigProblem(file, 1, 1, "the header has no '" + required + "' column; BYOR columns are "
                        + String.join(",", COLUMNS)));
            }
        }
        List<Byor.Row> parsed = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < header.size() && i < r.fields().size(); i++) {
                values.put(header.get(i), r.fields().get(i));
            }
            parsed.add(new Byor.Row(r.line(), values.getOrDefault("name", ""), values.getOrDefault("ring", ""),
                    values.getOrDefault("quadrant", ""), values.getOrDefault("isnew", ""), values.getOrDefault("status", ""),
                    values.getOrDefault("description", "")));
        }
        return Byor.radar(file, parsed, lost);
    }
}
