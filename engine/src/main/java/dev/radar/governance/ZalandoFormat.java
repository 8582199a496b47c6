package dev.radar.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Ring;
import java.util.ArrayList;
import java.util.List;

/**
 * Zalando tech-radar ({@code radar_visualization}) configuration: {@code quadrants} and {@code rings} by
 * name, and {@code entries} with {@code label}, {@code quadrant} and {@code ring} as indexes, {@code moved}
 * (-1 out, 0 none, 1 in, 2 new), {@code link} and {@code active}. Two extra keys, {@code id} and
 * {@code description}, keep ids and rationales across a round trip; Zalando's viewer ignores them.
 */
final class ZalandoFormat implements RadarFormat {
    private static final String[] COLORS = {"#5ba300", "#009eb0", "#c7ba00", "#e09b96"};

    @Override
    public String name() {
        return "zalando";
    }

    @Override
    public String description() {
        return "Zalando tech-radar entries JSON (quadrant and ring as indexes, moved)";
    }

    @Override
    public String write(PortableRadar radar, java.time.LocalDate today, List<String> lost) {
        if (radar.quadrants().size() != 4) {
            lost.add("Zalando's radar draws exactly four quadrants; this radar has " + radar.quadrants().size());
        }
        List<Object> quadrants = new ArrayList<>();
        radar.quadrants().forEach(q -> quadrants.add(GovernanceJson.ordered("name", q.name())));
        List<Object> rings = new ArrayList<>();
        for (Ring r : Ring.values()) {
            rings.add(GovernanceJson.ordered("name", r.id().toUpperCase(java.util.Locale.ROOT), "color", COLORS[r.ordinal()]));
        }
        List<Object> entries = new ArrayList<>();
        int links = 0;
        int dates = 0;
        for (PortableRadar.Blip b : radar.blips()) {
            var e = GovernanceJson.ordered("label", b.name(), "quadrant", radar.quadrants().indexOf(radar.quadrant(b.quadrant())),
                    "ring", b.ring().ordinal(), "moved", moved(b.status()), "active", true);
            if (!b.links().isEmpty()) {
                e.put("link", b.links().get(0));
            }
            e.put("id", b.id());
            e.put("description", ForeignText.join(b.rationale(), b.description()));
            entries.add(e);
            links += b.links().size() > 1 ? 1 : 0;
            dates += b.since() == null ? 0 : 1;
        }
        if (links > 0) {
            lost.add("links after the first of " + links + " entries (Zalando has one 'link')");
        }
        if (dates > 0) {
            lost.add("'since' dates of " + dates + " entries");
        }
        var root = GovernanceJson.ordered("title", radar.title(), "quadrants", quadrants, "rings", rings, "entries", entries);
        if (radar.title().isEmpty()) {
            root.remove("title");
        }
        return Foreign.json(root);
    }

    private static int moved(PortableRadar.Status s) {
        return switch (s) {
            case NEW -> 2;
            case MOVED_IN -> 1;
            case MOVED_OUT -> -1;
            case UNCHANGED -> 0;
        };
    }

    @Override
    public PortableRadar read(String file, String text, List<String> lost) {
        JsonNode root = Foreign.tree(file, text);
        JsonNode entries = root.isArray() ? root : root.path("entries");
        if (!entries.isArray()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1, "a Zalando radar is an object with an 'entries' array (or that array)"));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode q : root.path("quadrants")) {
            names.add(q.path("name").asText(""));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        int maxQuadrant = -1;
        for (JsonNode e : entries) {
            maxQuadrant = Math.max(maxQuadrant, e.path("quadrant").asInt(-1));
        }
        for (int i = names.size(); i <= Math.max(3, maxQuadrant); i++) {
            names.add("Quadrant " + (i + 1));
        }
        if (root.path("quadrants").isMissingNode()) {
            lost.add("quadrant names (the file has none): they are called Quadrant 1 to " + names.size() + "; rename them");
        }
        List<PortableRadar.Quadrant> quadrants = new ArrayList<>();
        ForeignText.Ids quadrantIds = new ForeignText.Ids();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).isBlank() ? "Quadrant " + (i + 1) : names.get(i);
            quadrants.add(new PortableRadar.Quadrant(quadrantIds.next(null, n, "quadrant-" + (i + 1)), n));
        }
        ForeignText.Ids ids = new ForeignText.Ids();
        List<PortableRadar.Blip> blips = new ArrayList<>();
        int index = 0;
        int noRationale = 0;
        int inactive = 0;
        for (JsonNode e : entries) {
            index++;
            String label = e.path("label").asText("").trim();
            int q = e.path("quadrant").asInt(-1);
            int r = e.path("ring").asInt(-1);
            if (label.isEmpty() || q < 0 || r < 0 || r > 3 || !e.path("quadrant").isInt() || !e.path("ring").isInt()) {
                problems.add(new ConfigProblem(file, 0, 0, "entries[" + (index - 1) + "] needs a 'label', a 'quadrant' index and a 'ring' index 0-3, found " + e));
                continue;
            }
            String[] t = ForeignText.split(e.path("description").asText(""));
            if (t[0].isEmpty()) {
                t[0] = ForeignText.NO_RATIONALE;
                noRationale++;
            }
            if (!e.path("active").asBoolean(true)) {
                inactive++;
            }
            List<String> links = e.hasNonNull("link") && !e.path("link").asText().isBlank() ? List.of(e.path("link").asText()) : List.of();
            blips.add(new PortableRadar.Blip(ids.next(e.path("id").asText(null), label, "entry-" + index), label, quadrants.get(q).id(),
                    Ring.values()[r], t[0], t[1], links, null, status(e.path("moved").asInt(0))));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (noRationale > 0) {
            lost.add(noRationale + " entries have no description: their rationale says so; write one");
        }
        if (inactive > 0) {
            lost.add("'active: false' of " + inactive + " entries (radar.yaml has no inactive entries)");
        }
        long marked = blips.stream().filter(b -> b.status() != PortableRadar.Status.UNCHANGED).count();
        if (marked > 0) {
            lost.add("'moved' of " + marked + " entries (radar.yaml derives new and moved from its git history)");
        }
        return new PortableRadar(root.path("title").asText(""), quadrants, blips);
    }

    private static PortableRadar.Status status(int moved) {
        return switch (moved) {
            case 2 -> PortableRadar.Status.NEW;
            case 1 -> PortableRadar.Status.MOVED_IN;
            case -1 -> PortableRadar.Status.MOVED_OUT;
            default -> PortableRadar.Status.UNCHANGED;
        };
    }
}
