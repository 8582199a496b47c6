package dev.radar.governance;

import dev.radar.model.Ring;
import java.util.Locale;

/**
 * How one entry differs between two versions of a radar.
 *
 * @param from the ring before (null for a new entry)
 * @param to   the ring after (null for a removed entry)
 */
public record RadarChange(Kind kind, String entryId, String name, String quadrant, Ring from, Ring to) {

    /** What happened to the entry; "in" is towards adopt, "out" towards hold. */
    public enum Kind {
        NEW, MOVED_IN, MOVED_OUT, REMOVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One line for people: "moved trial -> hold", "new in trial", "removed (was hold)". */
    public String describe() {
        return switch (kind) {
            case NEW -> "new in " + to.id();
            case REMOVED -> "removed (was " + from.id() + ")";
            case MOVED_IN, MOVED_OUT -> "moved " + from.id() + " -> " + to.id();
        };
    }
}
