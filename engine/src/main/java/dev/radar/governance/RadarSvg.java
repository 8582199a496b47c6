package dev.radar.governance;

import dev.radar.model.RadarEntry;
import dev.radar.model.Ring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a radar as one self-contained SVG: ring bands, quadrant axes and names, numbered blips coloured by
 * ring and shaped by change (circle, new: circle with a halo, moved in: triangle up, moved out: triangle down),
 * and a legend per quadrant. Every blip is focusable ({@code tabindex}) and carries a {@code <title>} with
 * name, ring, rationale, replacement and usage, so hover and keyboard focus both explain it.
 */
public final class RadarSvg {
    static final double WIDTH = 1560;
    static final double CX = 780;
    static final double CY = 500;
    private static final double TOP = CY - RadarLayout.RADIUS;
    private static final double LINE = 13;
    private static final double COLUMN = 170;
    /** Characters of a legend line (number, name, usage) that fit a column at 11px. */
    private static final int LABEL_CHARS = 28;

    private final StringBuilder svg = new StringBuilder(64 * 1024);

    private RadarSvg() {}

    /** The SVG document for a radar. */
    public static String render(RenderRequest request) {
        return new RadarSvg().draw(request);
    }

    private String draw(RenderRequest request) {
        RadarDocument doc = request.radar();
        List<String> quadrants = doc.radar().quadrants();
        List<RadarLayout.Blip> blips = RadarLayout.layout(quadrants, doc.entries());
        double[] legendBottom = new double[2];
        StringBuilder legend = new StringBuilder();
        for (int q = 0; q < quadrants.size(); q++) {
            legendBottom[q % 2] = legend(legend, request, quadrants.get(q), q, blips, legendBottom[q % 2]);
        }
        double height = Math.max(CY + RadarLayout.RADIUS + 90, Math.max(legendBottom[0], legendBottom[1]) + 20);
        String title = doc.radar().title().isEmpty() ? "Technology radar" : doc.radar().title();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(WIDTH)).append(' ').append(n(height))
                .append("\" width=\"").append(n(WIDTH)).append("\" height=\"").append(n(height))
                .append("\" role=\"img\" aria-labelledby=\"radar-title\" class=\"radar\" data-blips=\"").append(blips.size()).append("\">\n");
        svg.append("<title id=\"radar-title\">").append(esc(title)).append("</title>\n");
        svg.append(STYLE);
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text class=\"title\" x=\"").append(n(CX)).append("\" y=\"34\">").append(esc(title)).append("</text>\n");
        if (!request.subtitle().isEmpty()) {
            svg.append("<text class=\"subtitle\" x=\"").append(n(CX)).append("\" y=\"56\">").append(esc(request.subtitle())).append("</text>\n");
        }
        rings();
        quadrantNames(doc, quadrants);
        svg.append("<g class=\"blips\">\n");
        for (RadarLayout.Blip b : blips) {
            blip(request, b);
        }
        svg.append("</g>\n");
        svg.append(legend);
        key(request, height);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void rings() {
        String[] fills = {"#e4eedb", "#dcedf0", "#f3f0d6", "#f6e1de"};
        svg.append("<g class=\"rings\">\n");
        for (int i = Ring.values().length - 1; i >= 0; i--) {
            svg.append("<circle cx=\"").append(n(CX)).append("\" cy=\"").append(n(CY)).append("\" r=\"")
                    .append(n(RadarLayout.band(Ring.values()[i])[1])).append("\" fill=\"").append(fills[i]).append("\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n");
        }
        svg.append("<line x1=\"").append(n(CX - RadarLayout.RADIUS)).append("\" y1=\"").append(n(CY)).append("\" x2=\"")
                .append(n(CX + RadarLayout.RADIUS)).append("\" y2=\"").append(n(CY)).append("\" stroke=\"#ffffff\" stroke-width=\"4\"/>\n");
        svg.append("<line x1=\"").append(n(CX)).append("\" y1=\"").append(n(TOP)).append("\" x2=\"").append(n(CX)).append("\" y2=\"")
                .append(n(CY + RadarLayout.RADIUS)).append("\" stroke=\"#ffffff\" stroke-width=\"4\"/>\n");
        for (Ring ring : Ring.values()) {
            double[] band = RadarLayout.band(ring);
            double mid = (band[0] + band[1]) / 2;
            for (double y : new double[] {CY - mid, CY + mid}) {
                svg.append("<text class=\"ring-label ").append(ring.id()).append("-text\" x=\"").append(n(CX)).append("\" y=\"")
                        .append(n(y + 4)).append("\">").append(ring.id().toUpperCase(Locale.ROOT)).append("</text>\n");
            }
        }
        svg.append("</g>\n");
    }

    private void quadrantNames(RadarDocument doc, List<String> quadrants) {
        double r = RadarLayout.RADIUS;
        for (int q = 0; q < quadrants.size(); q++) {
            boolean left = q % 2 == 0;
            boolean top = q < 2;
            svg.append("<text class=\"quadrant-name\" text-anchor=\"").append(left ? "start" : "end").append("\" x=\"")
                    .append(n(left ? CX - r : CX + r)).append("\" y=\"").append(n(top ? TOP + 12 : CY + r - 2)).append("\">")
                    .append(esc(doc.quadrantName(quadrants.get(q)))).append("</text>\n");
        }
    }

    private void blip(RenderRequest request, RadarLayout.Blip b) {
        RadarEntry e = b.entry();
        RadarChange change = request.changes().get(e.id());
        String changeId = change == null ? "unchanged" : change.kind().id();
        Set<String> users = request.usage().map(u -> u.getOrDefault(e.id(), Set.of())).orElse(null);
        String label = b.number() + ". " + e.name();
        List<String> title = new ArrayList<>();
        title.add(label + " (" + e.ring().id() + ")");
        title.add(e.rationale());
        if (!e.replacementText().isEmpty()) {
            title.add("Use instead: " + e.replacementText());
        }
        String changeText = change == null ? ""
                : change.kind() == RadarChange.Kind.NEW ? "New on the radar" : "Moved " + change.from().id() + " to " + change.to().id();
        if (change != null) {
            title.add(changeText);
        }
        if (users != null) {
            title.add("Used by " + users.size() + (users.size() == 1 ? " repository" : " repositories"));
        }
        svg.append("<g class=\"blip ").append(e.ring().id()).append(' ').append(changeId).append("\" tabindex=\"0\" role=\"img\"")
                .append(" id=\"blip-").append(b.number()).append('"')
                .append(" transform=\"translate(").append(n(CX + b.x())).append(' ').append(n(CY + b.y())).append(")\"")
                .append(" aria-label=\"").append(esc(label + ", " + e.ring().id())).append('"')
                .append(" data-entry=\"").append(esc(e.id())).append('"')
                .append(" data-number=\"").append(b.number()).append('"')
                .append(" data-name=\"").append(esc(e.name())).append('"')
                .append(" data-ring=\"").append(e.ring().id()).append('"')
                .append(" data-quadrant=\"").append(esc(request.radar().quadrantName(e.quadrant()))).append('"')
                .append(" data-rationale=\"").append(esc(e.rationale())).append('"')
                .append(" data-replacement=\"").append(esc(e.replacementText())).append('"')
                .append(" data-change=\"").append(esc(changeText)).append('"');
        if (users != null) {
            svg.append(" data-usage=\"").append(users.size()).append('"');
        }
        svg.append(">\n<title>").append(esc(String.join("\n", title))).append("</title>\n");
        double r = RadarLayout.BLIP;
        double textY = 3;
        switch (changeId) {
            case "moved-in" -> {
                svg.append("<path class=\"shape\" d=\"M0 -").append(n(r + 3)).append(" L").append(n(r + 1.5)).append(' ').append(n(r - 1.5))
                        .append(" L-").append(n(r + 1.5)).append(' ').append(n(r - 1.5)).append(" Z\"/>\n");
                textY = 5;
            }
            case "moved-out" -> {
                svg.append("<path class=\"shape\" d=\"M0 ").append(n(r + 3)).append(" L").append(n(r + 1.5)).append(" -").append(n(r - 1.5))
                        .append(" L-").append(n(r + 1.5)).append(" -").append(n(r - 1.5)).append(" Z\"/>\n");
                textY = 1.5;
            }
            case "new" -> svg.append("<circle class=\"halo\" r=\"").append(n(r + 3.5)).append("\"/>\n<circle class=\"shape\" r=\"")
                    .append(n(r)).append("\"/>\n");
            default -> svg.append("<circle class=\"shape\" r=\"").append(n(r)).append("\"/>\n");
        }
        svg.append("<text y=\"").append(n(textY)).append("\">").append(b.number()).append("</text>\n</g>\n");
    }

    /** Writes one quadrant's legend and returns the y below it. */
    private double legend(StringBuilder out, RenderRequest request, String quadrant, int q, List<RadarLayout.Blip> blips, double above) {
        boolean left = q % 2 == 0;
        double x = left ? 20 : CX + RadarLayout.RADIUS + 30;
        double y = q < 2 ? 84 : Math.max(CY + 30, above + 30);
        List<String[]> lines = new ArrayList<>(); // {kind, text, entry id, ring}
        for (Ring ring : Ring.values()) {
            List<RadarLayout.Blip> inRing = blips.stream().filter(b -> b.quadrant() == q && b.entry().ring() == ring).toList();
            if (inRing.isEmpty()) {
                continue;
            }
            lines.add(new String[] {"ring", ring.id().toUpperCase(Locale.ROOT), "", ring.id()});
            for (RadarLayout.Blip b : inRing) {
                String name = b.entry().name();
                String usage = request.usage().map(u -> " (" + u.getOrDefault(b.entry().id(), Set.of()).size() + ")").orElse("");
                int room = Math.max(8, LABEL_CHARS - (b.number() + ". ").length() - usage.length());
                if (name.length() > room) {
                    name = name.substring(0, room - 1) + "\u2026";
                }
                lines.add(new String[] {"item", b.number() + ". " + name + usage, b.entry().id(), ring.id()});
            }
        }
        out.append("<g class=\"legend\" data-quadrant=\"").append(esc(quadrant)).append("\">\n");
        out.append("<text class=\"legend-title\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\">")
                .append(esc(request.radar().quadrantName(quadrant))).append("</text>\n");
        int perColumn = lines.size() > 24 ? (lines.size() + 1) / 2 : lines.size();
        double top = y + 20;
        double bottom = top;
        for (int i = 0; i < lines.size(); i++) {
            String[] l = lines.get(i);
            double lx = x + (i >= perColumn ? COLUMN : 0);
            double ly = top + (i % Math.max(1, perColumn)) * LINE;
            bottom = Math.max(bottom, ly);
            if (l[0].equals("ring")) {
                out.append("<text class=\"legend-ring ").append(l[3]).append("-text\" x=\"").append(n(lx)).append("\" y=\"").append(n(ly))
                        .append("\">").append(l[1]).append("</text>\n");
            } else {
                out.append("<text class=\"legend-item\" data-entry=\"").append(esc(l[2])).append("\" x=\"").append(n(lx)).append("\" y=\"")
                        .append(n(ly)).append("\">").append(esc(l[1])).append("</text>\n");
            }
        }
        out.append("</g>\n");
        return bottom;
    }

    private void key(RenderRequest request, double height) {
        double y = CY + RadarLayout.RADIUS + 40;
        double x = CX - 250;
        svg.append("<g class=\"key\" transform=\"translate(").append(n(x)).append(' ').append(n(y)).append(")\">\n")
                .append("<circle class=\"key-shape\" cx=\"0\" cy=\"-4\" r=\"7\"/><text x=\"12\" y=\"0\">unchanged</text>\n")
                .append("<circle class=\"key-halo\" cx=\"110\" cy=\"-4\" r=\"10\"/><circle class=\"key-shape\" cx=\"110\" cy=\"-4\" r=\"7\"/>")
                .append("<text x=\"124\" y=\"0\">new</text>\n")
                .append("<path class=\"key-shape\" d=\"M190 -13 L199 3 L181 3 Z\"/><text x=\"206\" y=\"0\">moved in (towards adopt)</text>\n")
                .append("<path class=\"key-shape\" d=\"M380 5 L389 -11 L371 -11 Z\"/><text x=\"396\" y=\"0\">moved out (towards hold)</text>\n");
        if (request.usage().isPresent()) {
            svg.append("<text x=\"0\" y=\"22\">(n) after a name: how many repositories use the entry</text>\n");
        }
        svg.append("</g>\n");
    }

    private static final String STYLE = """
            <style>
            .radar text{font-family:"Helvetica Neue",Arial,sans-serif;fill:#222}
            .title{font-size:24px;font-weight:bold;text-anchor:middle}
            .subtitle{font-size:13px;text-anchor:middle;fill:#555}
            .ring-label{font-size:11px;font-weight:bold;text-anchor:middle;letter-spacing:1px}
            .quadrant-name{font-size:15px;font-weight:bold}
            .legend-title{font-size:15px;font-weight:bold}
            .legend-ring{font-size:11px;font-weight:bold;letter-spacing:1px}
            .legend-item{font-size:11px;cursor:pointer}
            .legend-item.active{font-weight:bold;text-decoration:underline}
            .key text{font-size:12px}
            .key-shape{fill:#777}
            .key-halo{fill:none;stroke:#777;stroke-width:2}
            .blip{cursor:pointer;outline:none}
            .blip text{fill:#fff;font-size:9px;font-weight:bold;text-anchor:middle;pointer-events:none}
            .blip .halo{fill:none;stroke-width:2}
            .blip:hover .shape,.blip:focus .shape,.blip.active .shape{stroke:#111;stroke-width:2.5}
            .adopt .shape,.adopt .halo{fill:#3d8b00;stroke:#3d8b00}.adopt .halo{fill:none}
            .trial .shape,.trial .halo{fill:#00808f;stroke:#00808f}.trial .halo{fill:none}
            .assess .shape,.assess .halo{fill:#8a7d00;stroke:#8a7d00}.assess .halo{fill:none}
            .hold .shape,.hold .halo{fill:#c0392b;stroke:#c0392b}.hold .halo{fill:none}
            .adopt-text{fill:#3d8b00 !important}.trial-text{fill:#00808f !important}
            .assess-text{fill:#8a7d00 !important}.hold-text{fill:#c0392b !important}
            </style>
            """;

    static String n(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' '); // control characters are not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
