package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Ring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the two Build-Your-Own-Radar formats (CSV and JSON) share: the six fields and their values. */
final class Byor {
    private Byor() {}

    /** One blip as BYOR has it, with the line (CSV) or index (JSON) it came from. */
    record Row(int line, String name, String ring, String quadrant, String isNew, String status, String description) {}

    static String status(PortableRadar.Status s) {
        return switch (s) {
            case NEW -> "New";
            case MOVED_IN -> "Moved In";
            case MOVED_OUT -> "Moved Out";
            case UNCHANGED -> "No Change";
        };
    }

    static String ringName(Ring ring) {
        return ring.id().substring(0, 1).toUpperCase(Locale.ROOT) + ring.id().substring(1);
    }

    /** The six fields of every blip, in order. */
    static List<Map<String, String>> rows(PortableRadar radar, List<String> lost) {
        if (radar.quadrants().size() != 4) {
            lost.add("BYOR draws exactly four quadrants; this radar has " + radar.quadrants().size());
        }
        List<Map<String, String>> out = new ArrayList<>();
        int links = 0;
        int dates = 0;
        for (PortableRadar.Blip b : radar.blips()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", b.name());
            row.put("ring", ringName(b.ring()));
            row.put("quadrant", radar.quadrant(b.quadrant()).name());
            row.put("isNew", b.status() == PortableRadar.Status.NEW ? "TRUE" : "FALSE");
            row.put("status", status(b.status()));
            row.put("description", ForeignText.html(ForeignText.join(b.rationale(), b.description())));
            out.add(row);
            links += b.links().isEmpty() ? 0 : 1;
            dates += b.since() == null ? 0 : 1;
        }
        if (links > 0) {
            lost.add("links of " + links + " entries");
        }
        if (dates > 0) {
            lost.add("'since' dates of " + dates + " entries");
        }
        lost.add("entry ids (BYOR knows blips by name; import makes ids from names)");
        if (!radar.title().isEmpty()) {
            lost.add("the title (BYOR takes it from the sheet's name)");
        }
        return out;
    }

    /** A portable radar from BYOR rows; problems name the row's line. */
    static PortableRadar radar(String file, List<Row> rows, List<String> lost) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> quadrantNames = new ArrayList<>();
        rows.forEach(r -> {
            if (!r.quadrant().isBlank() && !quadrantNames.contains(r.quadrant().trim())) {
                quadrantNames.add(r.quadrant().trim());
            }
        });
        List<PortableRadar.Quadrant> quadrants = ForeignText.quadrants(quadrantNames);
        ForeignText.Ids ids = new ForeignText.Ids();
        List<PortableRadar.Blip> blips = new ArrayList<>();
        int noRationale = 0;
        for (Row r : rows) {
            if (r.name().isBlank()) {
                problems.add(new ConfigProblem(file, r.line(), 0, "a blip without a name"));
                continue;
            }
            Optional<Ring> ring = Ring.byId(r.ring());
            if (ring.isEmpty()) {
                problems.add(new ConfigProblem(file, r.line(), 0, "unknown ring '" + r.ring() + "' for " + r.name() + "; rings are " + Ring.ids()));
                continue;
            }
            if (r.quadrant().isBlank()) {
                problems.add(new ConfigProblem(file, r.line(), 0, "blip " + r.name() + " has no quadrant"));
                continue;
            }
            String quadrant = quadrants.stream().filter(q -> q.name().equals(r.quadrant().trim())).findFirst().orElseThrow().id();
            String[] text = ForeignText.split(ForeignText.plain(r.description()));
            if (text[0].isEmpty()) {
                text[0] = ForeignText.NO_RATIONALE;
                noRationale++;
            }
            PortableRadar.Status status = status(r.status(), r.isNew());
            blips.add(new PortableRadar.Blip(ids.next(null, r.name().trim(), "entry-" + (blips.size() + 1)), r.name().trim(), quadrant,
                    ring.get(), text[0], text[1], List.of(), null, status));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (quadrants.size() > 4) {
            lost.add("the file has " + quadrants.size() + " quadrants; radar render draws at most four");
        }
        if (noRationale > 0) {
            lost.add(noRationale + " blips have no description: their rationale says so; write one");
        }
        long marked = blips.stream().filter(b -> b.status() != PortableRadar.Status.UNCHANGED).count();
        if (marked > 0) {
            lost.add("isNew/status of " + marked + " blips (radar.yaml derives new and moved from its git history)");
        }
        return new PortableRadar("", quadrants, blips);
    }

    private static PortableRadar.Status status(String status, String isNew) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return switch (s) {
            case "new" -> PortableRadar.Status.NEW;
            case "movedin" -> PortableRadar.Status.MOVED_IN;
            case "movedout" -> PortableRadar.Status.MOVED_OUT;
            default -> "true".equalsIgnoreCase(isNew == null ? "" : isNew.trim()) ? PortableRadar.Status.NEW : PortableRadar.Status.UNCHANGED;
        };
    }
}
