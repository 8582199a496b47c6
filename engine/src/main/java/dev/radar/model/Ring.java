package dev.radar.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The four rings of a tech radar, from most to least recommended. */
public enum Ring {
    ADOPT, TRIAL, ASSESS, HOLD;

    /** The name used in radar.yaml. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Ring> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Ring::id).collect(Collectors.joining(", "));
    }
}
