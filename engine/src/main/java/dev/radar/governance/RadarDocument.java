package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.RadarEntry;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded radar together with what the check does not need but governance tools do: quadrant display
 * names, entry descriptions and tags, and the positions of each entry's keys for line-numbered messages.
 *
 * @param quadrantNames quadrant id to display name (the id itself when no name is written), in radar order
 * @param details       entry id to its extra text and positions
 */
public record RadarDocument(Radar radar, Map<String, String> quadrantNames, Map<String, EntryDetails> details, String text) {

    /**
     * What radar.yaml says about one entry beyond {@link RadarEntry}.
     *
     * @param ringLine      line of the {@code ring:} value, for messages about ring moves
     * @param rationaleLine line of the {@code rationale:} value
     */
    public record EntryDetails(String description, List<String> tags, int line, int column, int ringLine, int ringColumn,
            int rationaleLine, int rationaleColumn) {
        public EntryDetails {
            description = description == null ? "" : description;
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public RadarDocument {
        quadrantNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quadrantNames));
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Loads and validates a radar file: {@link ConfigException} with every schema problem when it is not valid. */
    public static RadarDocument load(Path file) {
        String name = file.toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read radar: " + e.getMessage()));
        }
        return parse(name, text);
    }

    /** Parses radar text; {@code file} is used in messages only. */
    public static RadarDocument parse(String file, String text) {
        Radar radar = RadarLoader.parse(file, text);
        YamlNode root;
        try {
            root = YamlReader.parse(file, text);
        } catch (YamlException e) {
            throw new ConfigException(e.problem()); // unreachable: the loader parsed the same text
        }
        List<ConfigProblem> ignored = new ArrayList<>();
        Map<String, YamlNode> top = root.mapping(ignored);
        Map<String, String> quadrantNames = new LinkedHashMap<>();
        for (YamlNode q : top.get("quadrants").items()) {
            if (q.isMapping()) {
                Map<String, YamlNode> m = q.mapping(ignored);
                String id = m.get("id").text().trim();
                YamlNode n = m.get("name");
                quadrantNames.put(id, n != null && n.isScalar() && !n.text().isBlank() ? n.text().trim() : id);
            } else {
                quadrantNames.put(q.text().trim(), q.text().trim());
            }
        }
        Map<String, EntryDetails> details = new LinkedHashMap<>();
        for (YamlNode item : top.get("entries").items()) {
            Map<String, YamlNode> m = item.mapping(ignored);
            String id = m.get("id").text().trim();
            YamlNode description = m.get("description");
            List<String> tags = new ArrayList<>();
            if (m.containsKey("tags")) {
                m.get("tags").items().stream().filter(YamlNode::isScalar).forEach(t -> tags.add(t.text().trim()));
            }
            YamlNode ring = m.get("ring");
            YamlNode rationale = m.get("rationale");
            details.put(id, new EntryDetails(description == null ? "" : description.text().strip(), tags, item.line(), item.column(),
                    ring.line(), ring.column(), rationale.line(), rationale.column()));
        }
        return new RadarDocument(radar, quadrantNames, details, text);
    }

    /** The details of an entry (never null for an entry of this radar). */
    public EntryDetails details(String entryId) {
        return details.get(entryId);
    }

    public List<RadarEntry> entries() {
        return radar.entries();
    }

    public String file() {
        return radar.source();
    }

    /** The display name of a quadrant. */
    public String quadrantName(String id) {
        return quadrantNames.getOrDefault(id, id);
    }
}
