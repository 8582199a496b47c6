package dev.radar.governance;

import dev.radar.model.ConfigProblem;
import dev.radar.model.Severity;
import java.util.Comparator;

/** One message of {@code radar validate}: a severity and a message at a 1-based file position (0 when unknown). */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {

    /** Files first, then position, then the most serious first: the order a person reads a file in. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public static Diagnostic of(Severity severity, ConfigProblem p) {
        return new Diagnostic(severity, p.file(), p.line(), p.column(), p.message());
    }

    /** {@code file:line:column: severity: message}, the form compilers print and editors jump to. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(severity.id()).append(": ").append(message).toString();
    }
}
