package dev.radar.governance;

import dev.radar.model.RadarEntry;
import dev.radar.model.Ring;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A radar reduced to what other tech-radar formats can carry: quadrants with names, and blips with ring,
 * rationale, description, links, date and change status. Exports are made from it, imports produce it.
 */
public record PortableRadar(String title, List<Quadrant> quadrants, List<Blip> blips) {

    /** A quadrant: its radar.yaml id and display name. */
    public record Quadrant(String id, String name) {}

    /** How a blip moved since the previous edition. */
    public enum Status {
        UNCHANGED, NEW, MOVED_IN, MOVED_OUT;

        static Status of(RadarChange change) {
            if (change == null) {
                return UNCHANGED;
            }
            return switch (change.kind()) {
                case NEW -> NEW;
                case MOVED_IN -> MOVED_IN;
                case MOVED_OUT -> MOVED_OUT;
                case REMOVED -> UNCHANGED;
            };
        }
    }

    /**
     * One entry.
     *
     * @param quadrant the quadrant id
     * @param since    the date of the current ring, or null
     */
    public record Blip(String id, String name, String quadrant, Ring ring, String rationale, String description, List<String> links,
            LocalDate since, Status status) {
        public Blip {
            rationale = rationale == null ? "" : rationale;
            description = description == null ? "" : description;
            links = links == null ? List.of() : List.copyOf(links);
            status = status == null ? Status.UNCHANGED : status;
        }
    }

    public PortableRadar {
        title = title == null ? "" : title;
        quadrants = List.copyOf(quadrants);
        blips = List.copyOf(blips);
    }

    /**
     * The portable form of a radar, blips in quadrant, ring and name order.
     *
     * @param lost receives one line per kind of information the portable form drops (matchers, replacements, ...)
     */
    public static PortableRadar of(RadarDocument doc, Baseline baseline, List<String> lost) {
        List<Quadrant> quadrants = new ArrayList<>();
        for (String q : doc.radar().quadrants()) {
            quadrants.add(new Quadrant(q, doc.quadrantName(q)));
        }
        List<Blip> blips = new ArrayList<>();
        int matchers = 0;
        int replacements = 0;
        int effective = 0;
        int tags = 0;
        for (RadarLayout.Blip placed : RadarLayout.layout(doc.radar().quadrants(), doc.entries())) {
            RadarEntry e = placed.entry();
            blips.add(new Blip(e.id(), e.name(), e.quadrant(), e.ring(), e.rationale(), doc.details(e.id()).description(), e.links(),
                    e.since(), Status.of(baseline.changes().get(e.id()))));
            replacements += e.replacement().isEmpty() ? 0 : 1;
            effective += e.effective() == null ? 0 : 1;
            tags += doc.details(e.id()).tags().isEmpty() ? 0 : 1;
        }
        var withMatchers = new java.util.HashSet<String>();
        doc.radar().matchers().forEach(m -> withMatchers.add(m.entryId()));
        doc.radar().languageMatchers().forEach(m -> withMatchers.add(m.entryId()));
        matchers = withMatchers.size();
        note(lost, matchers, "matchers ('match') of %d entries");
        note(lost, replacements, "replacements of %d entries");
        note(lost, effective, "escalation dates ('effective') of %d entries");
        note(lost, tags, "tags of %d entries");
        if (!doc.radar().standards().isEmpty()) {
            lost.add("the 'standards' severity overrides");
        }
        return new PortableRadar(doc.radar().title(), quadrants, blips);
    }

    private static void note(List<String> lost, int count, String format) {
        if (count > 0) {
            lost.add(String.format(Locale.ROOT, format, count));
        }
    }

    /** The quadrant with this id. */
    public Quadrant quadrant(String id) {
        return quadrants.stream().filter(q -> q.id().equals(id)).findFirst().orElse(new Quadrant(id, id));
    }

    /** An id in radar.yaml syntax made from a display name: "Languages & Frameworks" gives "languages-frameworks". */
    public static String slug(String name) {
        String s = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("+", "plus")
                .replace("#", "sharp")
                .replaceAll("[^a-z0-9._]+", "-")
                .replaceAll("^[-._]+|-+$", "");
        return s;
    }
}
