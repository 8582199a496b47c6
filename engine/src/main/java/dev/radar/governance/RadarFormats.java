package dev.radar.governance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of import and export formats; it also feeds {@code --format} help. */
public final class RadarFormats {
    private static final List<RadarFormat> ALL = List.of(new ByorCsvFormat(), new ByorJsonFormat(), new ZalandoFormat(), new BackstageFormat());

    private RadarFormats() {}

    public static List<RadarFormat> all() {
        return ALL;
    }

    public static Optional<RadarFormat> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name == null ? "" : name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return ALL.stream().map(RadarFormat::name).collect(Collectors.joining(", "));
    }
}
