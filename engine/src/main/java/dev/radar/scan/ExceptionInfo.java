package dev.radar.scan;

import java.util.List;

/**
 * One approved, time-bound exception as the dashboard lists it ("expiring in the next 30 days"): what it
 * covers and when it ends. Filled from the exceptions files the scan runs with; findings it covers carry
 * its id ({@code exceptionId}), which is how the dashboard counts its use.
 *
 * @param repos   the repository globs it applies to
 * @param expires ISO date (YYYY-MM-DD)
 */
public record ExceptionInfo(String id, String entry, String rule, List<String> repos, String expires, String file, int line) {

    public ExceptionInfo {
        entry = entry == null ? "" : entry;
        rule = rule == null ? "" : rule;
        repos = repos == null ? List.of() : List.copyOf(repos);
        file = file == null ? "" : file;
    }
}
