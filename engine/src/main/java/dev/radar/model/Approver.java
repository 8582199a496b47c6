package dev.radar.model;

import java.util.Locale;

/** One approval of an exception: who approved it, in which role (e.g. {@code staff-engineer}). */
public record Approver(String name, String role) {

    public Approver {
        name = name == null ? "" : name.trim();
        role = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
    }

    /** Names compare case-insensitively: {@code Alice} and {@code alice} are one person. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
