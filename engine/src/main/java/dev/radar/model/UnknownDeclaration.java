package dev.radar.model;

/**
 * A statement in a build file's dependency block that a collector saw but could not turn into a
 * dependency (for example coordinates computed by code), kept so that nothing is dropped in silence.
 *
 * @param text the statement as written, whitespace collapsed and cut to a short length
 */
public record UnknownDeclaration(String repo, String file, int line, String text) {}
