package dev.radar.governance;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to draw: a radar, the changes that earn new and moved markers, and optionally who uses each entry.
 *
 * @param changes  entry id to its change since the baseline (new or moved); entries not in it are unchanged
 * @param usage    entry id to the repositories that use it, shown on each blip when present
 * @param subtitle one line under the title, e.g. "changes since 2026-09-01"
 */
public record RenderRequest(RadarDocument radar, Map<String, RadarChange> changes, Optional<Map<String, Set<String>>> usage,
        String subtitle) {

    public RenderRequest {
        changes = Map.copyOf(changes);
        subtitle = subtitle == null ? "" : subtitle;
    }
}
