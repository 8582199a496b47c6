package dev.radar.model;

/**
 * A statement in a build file's dependency block that a collector saw but could not turn into a
 * dependency (for example coordinates computed by code), kept so that nothing is dropped in silence.
 *
 * @param text the statement as written, whitespace collapsed and cut to a short length
 */
public record UnknownDeclaration(String repo, String file, int line, String text) {

    /** As much of a statement as a "declaration not understood" finding quotes. */
    public static final int MAX_TEXT = 120;

    /** A statement's text as this fact keeps it: whitespace collapsed, trimmed, cut to {@link #MAX_TEXT} characters. */
    public static String excerpt(String statement) {
        String t = statement.replaceAll("\\s+", " ").trim();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
