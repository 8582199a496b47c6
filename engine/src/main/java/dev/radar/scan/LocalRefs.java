package dev.radar.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a ref of a git repository on this machine straight from its files ({@code HEAD}, loose refs,
 * {@code packed-refs}): what an unchanged local mirror costs per nightly run is this read, not opening a
 * repository (which takes JGit's configuration locks). Anything unusual (reftable, a {@code .git} file
 * pointing elsewhere, more than a few symbolic hops) is left to JGit by returning null.
 */
final class LocalRefs {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final int MAX_HOPS = 5;

    private LocalRefs() {}

    /** The git folder of a local repository path (bare, or a work tree with {@code .git/}), or null. */
    static Path gitDir(Path repo) {
        Path dotGit = repo.resolve(".git");
        Path dir = Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS) ? dotGit : repo;
        return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")) ? dir : null;
    }

    /**
     * The object id a ref ({@code HEAD} or {@code refs/heads/x}) points at, following symbolic refs; null when this
     * reader cannot tell (the caller then asks JGit).
     *
     * @throws IOException when the ref does not exist
     */
    static String resolve(Path gitDir, String name) throws IOException {
        if (Files.exists(gitDir.resolve("reftable"))) {
            return null;
        }
        String ref = name;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            String value = read(gitDir, ref);
            if (value == null) {
                throw new IOException("no ref " + ref);
            }
            if (value.startsWith("ref: ")) {
                ref = value.substring(5).trim();
                if (!ref.startsWith("refs/") || ref.contains("..")) {
                    return null;
                }
                continue;
            }
            return SHA.matcher(value).matches() ? value : null;
        }
        return null;
    }

    private static String read(Path gitDir, String ref) throws IOException {
        Path loose = gitDir.resolve(ref);
        if (Files.isRegularFile(loose, LinkOption.NOFOLLOW_LINKS)) {
            String text = Files.readString(loose, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? null : text;
        }
        if (ref.equals("HEAD")) {
            return null;
        }
        Path packed = gitDir.resolve("packed-refs");
        if (!Files.isRegularFile(packed)) {
            return null;
        }
        List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("^")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(space + 1).equals(ref)) {
                return line.substring(0, space);
            }
        }
        return null;
    }
}
