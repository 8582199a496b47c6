package dev.radar.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Ring;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Backstage tech-radar loader JSON ({@code TechRadarLoaderResponse}): {@code quadrants} and {@code rings} with
 * ids and names, and {@code entries} with {@code id}, {@code key}, {@code title}, {@code quadrant},
 * {@code description}, {@code links} and a {@code timeline} of ring moves (newest first). Export writes one
 * timeline item per entry (its ring since {@code since}, or since the export date); import takes the newest.
 */
final class BackstageFormat implements RadarFormat {
    private static final String[] COLORS = {"#5BA300", "#009EB0", "#C7BA00", "#E09B96"};

    @Override
    public String name() {
        return "backstage";
    }

    @Override
    public String description() {
        return "Backstage tech-radar loader JSON (quadrants, rings, entries with timeline)";
    }

    @Override
    public String write(PortableRadar radar, LocalDate today, List<String> lost) {
        List<Object> quadrants = new ArrayList<>();
        radar.quadrants().forEach(q -> quadrants.add(GovernanceJson.ordered("id", q.id(), "name", q.name())));
        List<Object> rings = new ArrayList<>();
        for (Ring r : Ring.values()) {
            rings.add(GovernanceJson.ordered("id", r.id(), "name", r.id().toUpperCase(Locale.ROOT), "color", COLORS[r.ordinal()]));
        }
        List<Object> entries = new ArrayList<>();
        int undated = 0;
        for (PortableRadar.Blip b : radar.blips()) {
            List<Object> links = new ArrayList<>();
            b.links().forEach(l -> links.add(GovernanceJson.ordered("url", l, "title", l)));
            int moved = switch (b.status()) {
                case MOVED_IN -> 1;
                case MOVED_OUT -> -1;
                default -> 0;
            };
            undated += b.since() == null ? 1 : 0;
            LocalDate date = b.since() != null ? b.since() : today;
            Map<String, Object> timeline = GovernanceJson.ordered("moved", moved, "ringId", b.ring().id(), "date", date.toString(),
                    "description", b.rationale());
            entries.add(GovernanceJson.ordered("id", b.id(), "key", b.id(), "title", b.name(), "quadrant", b.quadrant(),
                    "description", ForeignText.join(b.rationale(), b.description()), "links", links, "timeline", List.of(timeline)));
        }
        if (undated > 0) {
            lost.add(undated + " entries have no 'since' date: their timeline item is dated " + today);
        }
        if (radar.blips().stream().anyMatch(b -> b.status() == PortableRadar.Status.NEW)) {
            lost.add("new markers (Backstage's timeline has moved up or down only)");
        }
        return Foreign.json(GovernanceJson.ordered("title", radar.title(), "quadrants", quadrants, "rings", rings, "entries", entries));
    }

    @Override
    public PortableRadar read(String file, String text, List<String> lost) {
        JsonNode root = Foreign.tree(file, text);
        if (!root.path("quadrants").isArray() || !root.path("rings").isArray() || !root.path("entries").isArray()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1, "a Backstage radar has 'quadrants', 'rings' and 'entries' arrays"));
        }
        List<PortableRadar.Quadrant> quadrants = new ArrayList<>();
        ForeignText.Ids quadrantIds = new ForeignText.Ids();
        java.util.Map<String, String> quadrantById = new java.util.HashMap<>();
        for (JsonNode q : root.path("quadrants")) {
            String name = q.path("name").asText(q.path("id").asText(""));
            String id = quadrantIds.next(q.path("id").asText(null), name, "quadrant-" + (quadrants.size() + 1));
            quadrants.add(new PortableRadar.Quadrant(id, name));
            quadrantById.put(q.path("id").asText(""), id);
        }
        java.util.Map<String, Ring> ringById = new java.util.HashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode rings = root.path("rings");
        for (int i = 0; i < rings.size(); i++) {
            JsonNode r = rings.get(i);
            Optional<Ring> byName = Ring.byId(r.path("id").asText("")).or(() -> Ring.byId(r.path("name").asText("")));
            Ring ring = byName.orElse(i < 4 && rings.size() == 4 ? Ring.values()[i] : null);
            if (ring == null) {
                problems.add(new ConfigProblem(file, 0, 0, "ring '" + r.path("id").asText() + "' is not adopt, trial, assess or hold, and the file "
                        + "does not have exactly four rings to map by position"));
            } else {
                if (byName.isEmpty()) {
                    lost.add("ring '" + r.path("id").asText() + "' is imported as " + ring.id() + " (by its position)");
                }
                ringById.put(r.path("id").asText(""), ring);
            }
        }
        ForeignText.Ids ids = new ForeignText.Ids();
        List<PortableRadar.Blip> blips = new ArrayList<>();
        int older = 0;
        int noRationale = 0;
        int index = 0;
        for (JsonNode e : root.path("entries")) {
            index++;
            String title = e.path("title").asText("").trim();
            String where = "entries[" + (index - 1) + "]" + (title.isEmpty() ? "" : " (" + title + ")");
            JsonNode latest = null;
            LocalDate latestDate = null;
            for (JsonNode t : e.path("timeline")) {
                LocalDate d = date(t.path("date").asText(""));
                if (latest == null || d != null && (latestDate == null || d.isAfter(latestDate))) {
                    latest = t;
                    latestDate = d;
                }
            }
            String quadrant = quadrantById.get(e.path("quadrant").asText(""));
            if (title.isEmpty() || latest == null || quadrant == null) {
                problems.add(new ConfigProblem(file, 0, 0, where + " needs a 'title', a known 'quadrant' id and a 'timeline' with a ringId"));
                continue;
            }
            Ring ring = ringById.get(latest.path("ringId").asText(""));
            if (ring == null) {
                problems.add(new ConfigProblem(file, 0, 0, where + ": unknown ringId '" + latest.path("ringId").asText() + "'"));
                continue;
            }
            older += Math.max(0, e.path("timeline").size() - 1);
            String description = ForeignText.plain(e.path("description").asText(""));
            if (description.isEmpty()) {
                description = ForeignText.plain(latest.path("description").asText(""));
            }
            String[] t = ForeignText.split(description);
            if (t[0].isEmpty()) {
                t[0] = ForeignText.NO_RATIONALE;
                noRationale++;
            }
            List<String> links = new ArrayList<>();
            String url = e.path("url").asText("");
            if (!url.isBlank() && !url.equals("#")) {
                links.add(url);
            }
            e.path("links").forEach(l -> {
                String u = l.path("url").asText("");
                if (!u.isBlank() && !links.contains(u)) {
                    links.add(u);
                }
            });
            int moved = latest.path("moved").asInt(0);
            PortableRadar.Status status = moved > 0 ? PortableRadar.Status.MOVED_IN : moved < 0 ? PortableRadar.Status.MOVED_OUT
                    : PortableRadar.Status.UNCHANGED;
            String wanted = e.hasNonNull("id") ? e.path("id").asText() : e.path("key").asText(null);
            blips.add(new PortableRadar.Blip(ids.next(wanted, title, "entry-" + index), title, quadrant, ring, t[0], t[1], links,
                    latestDate, status));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (older > 0) {
            lost.add(older + " older timeline items (radar.yaml keeps the current ring; its git history keeps the rest)");
        }
        if (noRationale > 0) {
            lost.add(noRationale + " entries have no description: their rationale says so; write one");
        }
        long marked = blips.stream().filter(b -> b.status() != PortableRadar.Status.UNCHANGED).count();
        if (marked > 0) {
            lost.add("'moved' of " + marked + " entries (radar.yaml derives moves from its git history)");
        }
        return new PortableRadar(root.path("title").asText(""), quadrants, blips);
    }

    private static LocalDate date(String text) {
        try {
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
