package dev.radar.governance;

import java.util.List;

/**
 * Writes a {@link PortableRadar} as radar.yaml (see docs/radar-format.md). Every free text is a YAML
 * double-quoted string with escapes, so no name or rationale can change the document's structure.
 */
public final class RadarYamlWriter {
    private RadarYamlWriter() {}

    /** The radar.yaml text; {@code header} lines become comments at the top. */
    public static String write(PortableRadar radar, List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String h : header) {
            out.append("# ").append(h.replaceAll("\\R", " ")).append('\n');
        }
        if (!header.isEmpty()) {
            out.append('\n');
        }
        if (!radar.title().isEmpty()) {
            out.append("title: ").append(q(radar.title())).append("\n\n");
        }
        out.append("quadrants:\n");
        for (PortableRadar.Quadrant quadrant : radar.quadrants()) {
            out.append("  - id: ").append(quadrant.id()).append('\n');
            if (!quadrant.name().equals(quadrant.id())) {
                out.append("    name: ").append(q(quadrant.name())).append('\n');
            }
        }
        out.append("\nentries:\n");
        for (PortableRadar.Blip b : radar.blips()) {
            out.append("\n  - id: ").append(b.id()).append('\n')
                    .append("    name: ").append(q(b.name())).append('\n')
                    .append("    quadrant: ").append(b.quadrant()).append('\n')
                    .append("    ring: ").append(b.ring().id()).append('\n');
            if (b.since() != null) {
                out.append("    since: ").append(b.since()).append('\n');
            }
            out.append("    rationale: ").append(q(b.rationale())).append('\n');
            if (!b.description().isEmpty()) {
                out.append("    description: ").append(q(b.description())).append('\n');
            }
            if (!b.links().isEmpty()) {
                out.append("    links:\n");
                b.links().forEach(l -> out.append("      - ").append(q(l)).append('\n'));
            }
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar. */
    static String q(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
