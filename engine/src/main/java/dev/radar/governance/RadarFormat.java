package dev.radar.governance;

import java.util.List;

/** One foreign tech-radar format that radar can export to and import from; {@link #name()} is the {@code --format} value. */
public interface RadarFormat {

    String name();

    /** One line for {@code --help}. */
    String description();

    /**
     * Writes a radar in this format.
     *
     * @param today the date for formats that need one where the radar has none (Backstage timelines)
     * @param lost  receives one line per kind of information this format cannot hold
     */
    String write(PortableRadar radar, java.time.LocalDate today, List<String> lost);

    /**
     * Reads a file of this format.
     *
     * @param lost receives one line per kind of information radar.yaml cannot hold or that had to be made up
     * @throws dev.radar.model.ConfigException naming file and line (where the format has lines) for malformed input
     */
    PortableRadar read(String file, String text, List<String> lost);
}
