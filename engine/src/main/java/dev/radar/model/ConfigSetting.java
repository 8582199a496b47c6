package dev.radar.model;

/** One configuration key and value, flattened from a config file, at its line. */
public record ConfigSetting(String repo, String file, int line, String key, String value) {}
