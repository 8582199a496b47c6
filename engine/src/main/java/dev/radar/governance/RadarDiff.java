package dev.radar.governance;

import dev.radar.model.RadarEntry;
import dev.radar.radar.Radar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The entry-level difference between two radars: new, removed and moved entries, matched by entry id. */
public final class RadarDiff {
    private RadarDiff() {}

    /** Changes from {@code before} (null: no radar yet, every entry is new) to {@code after}, in radar order. */
    public static List<RadarChange> between(Radar before, Radar after) {
        Map<String, RadarEntry> old = before == null ? Map.of()
                : before.entries().stream().collect(Collectors.toMap(RadarEntry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<RadarChange> out = new ArrayList<>();
        for (RadarEntry e : after.entries()) {
            RadarEntry was = old.get(e.id());
            if (was == null) {
                out.add(new RadarChange(RadarChange.Kind.NEW, e.id(), e.name(), e.quadrant(), null, e.ring()));
            } else if (was.ring() != e.ring()) {
                RadarChange.Kind kind = e.ring().compareTo(was.ring()) < 0 ? RadarChange.Kind.MOVED_IN : RadarChange.Kind.MOVED_OUT;
                out.add(new RadarChange(kind, e.id(), e.name(), e.quadrant(), was.ring(), e.ring()));
            }
        }
        var now = after.entries().stream().map(RadarEntry::id).collect(Collectors.toSet());
        for (RadarEntry was : old.values()) {
            if (!now.contains(was.id())) {
                out.add(new RadarChange(RadarChange.Kind.REMOVED, was.id(), was.name(), was.quadrant(), was.ring(), null));
            }
        }
        out.sort(Comparator.comparing(RadarChange::kind));
        return List.copyOf(out);
    }

    /** The changes by entry id, for markers on the rendered radar (removed entries are left out: they have no blip). */
    public static Map<String, RadarChange> byEntry(List<RadarChange> changes) {
        Map<String, RadarChange> out = new LinkedHashMap<>();
        changes.stream().filter(c -> c.kind() != RadarChange.Kind.REMOVED).forEach(c -> out.put(c.entryId(), c));
        return out;
    }
}
