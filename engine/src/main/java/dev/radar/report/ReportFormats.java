package dev.radar.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of report formats; it also feeds {@code --format} help. */
public final class ReportFormats {

    private static final List<ReportWriter> ALL = List.of(new TextWriter(), new JsonWriter(), new SarifWriter(),
            new JunitWriter(), new GithubWriter(), new MarkdownWriter());

    private ReportFormats() {}

    public static List<ReportWriter> all() {
        return ALL;
    }

    public static Optional<ReportWriter> byName(String name) {
        return ALL.stream().filter(w -> w.name().equals(name == null ? "" : name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return ALL.stream().map(ReportWriter::name).collect(Collectors.joining(", "));
    }
}
