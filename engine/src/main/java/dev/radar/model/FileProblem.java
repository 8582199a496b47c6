package dev.radar.model;

/**
 * A file that could not be read or parsed. The rest of the repository is still checked; a rule
 * turns the problem into a finding and the run is reported as incomplete.
 */
public record FileProblem(String repo, String file, int line, String message) {}
