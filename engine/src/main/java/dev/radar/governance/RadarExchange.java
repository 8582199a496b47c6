package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.radar.RadarLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Export to and import from the foreign formats, with the information each direction cannot carry listed. */
public final class RadarExchange {
    private RadarExchange() {}

    /**
     * A converted file and what the conversion could not carry over.
     *
     * @param lost one line per kind of dropped or made-up information, for the user to review
     */
    public record Result(String text, List<String> lost) {
        public Result {
            lost = List.copyOf(lost);
        }
    }

    public static Result export(RadarDocument doc, Baseline baseline, RadarFormat format, LocalDate today) {
        List<String> lost = new ArrayList<>();
        PortableRadar portable = PortableRadar.of(doc, baseline, lost);
        String text = format.write(portable, today, lost);
        return new Result(text, lost);
    }

    /**
     * Reads a foreign file and writes radar.yaml text that {@link RadarLoader} accepts.
     *
     * @throws ConfigException when the file is malformed (or, as a safety net, when the result would not load)
     */
    public static Result importFile(String file, String text, RadarFormat format) {
        List<String> lost = new ArrayList<>();
        PortableRadar portable = format.read(file, text, lost);
        if (portable.quadrants().isEmpty()) {
            throw new ConfigException(new ConfigProblem(file, 0, 0, "no blips to import"));
        }
        String yaml = RadarYamlWriter.write(portable, List.of(
                "Imported from " + file + " (" + format.name() + ") by radar import.",
                "Add 'match' lists so that radar check recognises each entry: see docs/radar-format.md."));
        RadarLoader.parse("imported radar", yaml);
        return new Result(yaml, lost);
    }
}
