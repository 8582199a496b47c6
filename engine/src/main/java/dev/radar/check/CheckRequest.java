package dev.radar.check;

import dev.radar.collect.RepoTree;
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

    /** The repository name for a folder: its file name (control characters shown as {@code ?}), or "repository" for a root. */
    public static String nameOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return "repository";
        }
        return RepoTree.printable(name.toString());
    }

    /**
     * Why a name given for a repository ({@code --repo-name}) cannot be used, or null when it can. Names are printed in
     * every report and may become file names, so control characters, absolute paths and {@code ..} segments are refused.
     */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "a repository name cannot be empty";
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return "a repository name cannot contain control characters";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("[A-Za-z]:.*")) {
            return "a repository name cannot be an absolute path";
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return "a repository name cannot contain '..' segments";
            }
        }
        return null;
    }
}
