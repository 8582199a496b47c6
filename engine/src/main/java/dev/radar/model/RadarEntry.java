package dev.radar.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One blip of the radar, as written in radar.yaml.
 *
 * @param since           when the entry got its current ring, or null
 * @param effective       when a ring move takes full effect (escalation date), or null
 * @param replacement     the id of the entry to use instead (hold entries), or empty
 * @param replacementName the display name of the replacement, resolved at load time, or empty
 */
public record RadarEntry(
        String id,
        String name,
        String quadrant,
        Ring ring,
        LocalDate since,
        LocalDate effective,
        String rationale,
        String replacement,
        String replacementName,
        List<String> links,
        String file,
        int line) {

    public RadarEntry {
        rationale = rationale == null ? "" : rationale;
        replacement = replacement == null ? "" : replacement;
        replacementName = replacementName == null ? "" : replacementName;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** True before the escalation date: the ring move is announced, not yet enforced in full. */
    public boolean announcedOn(LocalDate today) {
        return effective != null && today.isBefore(effective);
    }

    /** "Log4j 2 (log4j-2)" for a known replacement, the raw text otherwise, empty when there is none. */
    public String replacementText() {
        if (replacement.isEmpty()) {
            return "";
        }
        return replacementName.isEmpty() ? replacement : replacementName + " (" + replacement + ")";
    }
}
