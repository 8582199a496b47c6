package dev.radar.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a {@link Report} in one format; {@link #name()} is the value of {@code --format}. */
public interface ReportWriter {

    String name();

    /** One line for {@code --help}. */
    String description();

    /** The usual file extension for {@code --output}, without the dot. */
    String extension();

    void write(Report report, Writer out) throws IOException;
}
