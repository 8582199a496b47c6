package dev.radar.check;

import dev.radar.radar.Radar;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to check: a repository folder under a name, against a radar, on a day.
 *
 * @param repo the repository's name in reports (defaults to the folder name)
 */
public record CheckRequest(Path dir, String repo, Radar radar, LocalDate today) {

    /** The repository name for a folder: its file name, or "repository" for a root. */
    public static String nameOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "repository" : name.toString();
    }
}
