package dev.radar.model;

/**
 * How much of a repository is written in one language, counted from file extensions.
 *
 * @param sample one file in that language (the first in path order), so a finding can point somewhere
 */
public record LanguageUsage(String repo, String language, int files, long bytes, String sample) {}
