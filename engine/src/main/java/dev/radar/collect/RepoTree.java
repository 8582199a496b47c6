package dev.radar.collect;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one repository, walked once: relative paths with {@code /} separators in sorted order,
 * never following symbolic links, skipping folders that hold tools' output or downloaded packages.
 * Reads are bounded by {@link #MAX_FILE_BYTES}.
 */
public final class RepoTree {

    /** Files larger than this are not read; they become a problem naming the file. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Folders never walked: version control, package caches and build output. */
    public static final Set<String> SKIPPED_DIRS = Set.of(
            ".git", ".hg", ".svn", "node_modules", "bower_components", "target", ".gradle", ".terraform",
            ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".idea", ".m2");

    private final Path root;
    private final Map<String, Long> sizes;
    private final List<String> unreadable;

    private RepoTree(Path root, Map<String, Long> sizes, List<String> unreadable) {
        this.root = root;
        this.sizes = sizes;
        this.unreadable = List.copyOf(unreadable);
    }

    /** Walks a repository folder. */
    public static RepoTree walk(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new IOException("not a directory: " + root);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    sizes.put(relative(base, file), attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (!file.equals(base)) {
                    unreadable.add(relative(base, file)); // a folder that cannot be opened: reported, not silently lost
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(unreadable);
        List<String> sorted = new ArrayList<>(sizes.keySet());
        Collections.sort(sorted);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String p : sorted) {
            ordered.put(p, sizes.get(p));
        }
        return new RepoTree(base, ordered, unreadable);
    }

    /** Folders (and files) the walk could not open, relative, sorted: their files are missing from {@link #paths()}. */
    public List<String> unreadable() {
        return unreadable;
    }

    /** A tree over given files, for tests and for trees that are not on disk in full. */
    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    public Path root() {
        return root;
    }

    /** All regular files, relative, sorted. */
    public List<String> paths() {
        return List.copyOf(sizes.keySet());
    }

    public boolean contains(String path) {
        return sizes.containsKey(path);
    }

    public long size(String path) {
        Long s = sizes.get(path);
        return s == null ? -1 : s;
    }

    /**
     * Reads a file of the tree as UTF-8 (a leading byte-order mark is dropped).
     *
     * @throws IOException with a message fit for a finding when the file is missing, too large, a link, or not text
     */
    public String read(String path) throws IOException {
        if (!sizes.containsKey(path)) {
            throw new IOException("not a regular file inside the repository");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file inside the repository");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file is " + size / (1024 * 1024) + " MiB, over the " + MAX_FILE_BYTES / (1024 * 1024) + " MiB limit; skipped");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied: the file cannot be read");
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("the file cannot be read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
