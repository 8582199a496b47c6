package dev.radar.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repositories a scan covers, from a repos.yaml file or from a folder whose subfolders are repositories.
 *
 * @param description what was read, for messages ({@code repos.yaml}, {@code examples/org/})
 * @param warnings    entries that could not become repositories (e.g. a folder whose name is not allowed)
 */
public record RepoSource(String description, List<RepoSpec> repos, List<String> warnings) {

    public RepoSource {
        repos = List.copyOf(repos);
        warnings = List.copyOf(warnings);
    }

    /** A repos.yaml file ({@link ReposFile}) or a folder of repositories ({@link #folder}). */
    public static RepoSource of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return folder(path);
        }
        return new RepoSource(path.toString().replace('\\', '/'), ReposFile.load(path), List.of());
    }

    /**
     * Every subfolder is a repository named after it, checked as it is on disk; hidden folders are skipped.
     * The team comes from the repository's catalog-info.yaml when it has one.
     */
    public static RepoSource folder(Path dir) throws IOException {
        List<RepoSpec> repos = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(child)) {
                    continue;
                }
                if (!RepoSpec.validName(name)) {
                    warnings.add("skipped folder '" + name.replaceAll("\\p{Cntrl}", "?")
                            + "': repository names are letters, digits, '.', '_' or '-'");
                    continue;
                }
                repos.add(RepoSpec.folder(name, child, "", List.of()));
            }
        }
        String description = dir.toString().replace('\\', '/');
        return new RepoSource(description.endsWith("/") ? description : description + "/", repos, warnings);
    }
}
