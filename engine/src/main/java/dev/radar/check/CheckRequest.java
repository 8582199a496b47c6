package dev.radar.check;

import dev.radar.model.ExceptionGrant;
import dev.radar.radar.Radar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What to check: a repository folder under a name, against a radar and exceptions, on a day.
 *
 * @param repo       the repository's name in reports (defaults to the folder name)
 * @param exceptions the central exceptions ({@code --exceptions}); those whose {@code repos} do not match
 *                   {@code repo} are left out of the check. The repository's own {@code .radar/exceptions.yaml}
 *                   is read by the check itself.
 */
public record CheckRequest(Path dir, String repo, Radar radar, LocalDate today, List<ExceptionGrant> exceptions) {

    public CheckRequest {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** A check without central exceptions. */
    public CheckRequest(Path dir, String repo, Radar radar, LocalDate today) {
        this(dir, repo, radar, today, List.of());
    }

    /** This request with more exceptions (a repository's own). */
    public CheckRequest withExceptions(List<ExceptionGrant> more) {
        List<ExceptionGrant> all = new ArrayList<>(exceptions);
        all.addAll(more);
        return new CheckRequest(dir, repo, radar, today, all);
    }

    /** The repository name for a folder: its file name, or "repository" for a root. */
    public static String nameOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "repository" : name.toString();
    }
}
