package dev.radar.model;

/** One error in a configuration file (radar.yaml, exceptions, DRL), at a 1-based line and column (0 when unknown). */
public record ConfigProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, the form editors and CI annotations understand. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(message).toString();
    }
}
