package dev.radar.model;

/** A radar entry that recognises a programming language, e.g. {@code language: php}. */
public record LanguageMatcher(String entryId, String language, String file, int line) {}
