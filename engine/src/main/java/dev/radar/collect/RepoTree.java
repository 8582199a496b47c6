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
    /** File contents of a tree held in memory ({@link #of}); null for a tree on disk. */
    private final Map<String, byte[]> contents;

    private RepoTree(Path root, Map<String, Long> sizes, Map<String, byte[]> contents) {
        this.root = root;
        this.sizes = sizes;
        this.contents = contents;
    }

    /**
     * A tree held in memory: relative paths with {@code /} separators to file bytes. Reads go through the
     * same size limit and UTF-8 check as files on disk; used by the fuzz tests, which cannot afford a
     * temporary folder per input.
     */
    public static RepoTree of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new java.util.TreeMap<>(files);
        Map<String, Long> sizes = new LinkedHashMap<>();
        copy.forEach((path, bytes) -> sizes.put(path, (long) bytes.length));
        return new RepoTree(Path.of("").toAbsolutePath(), sizes, copy);
    }

    /** Walks a repository folder. */
    public static RepoTree walk(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new IOException("not a directory: " + root);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
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
                return FileVisitResult.CONTINUE;
            }
        });
        List<String> sorted = new ArrayList<>(sizes.keySet());
        Collections.sort(sorted);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String p : sorted) {
            ordered.put(p, sizes.get(p));
        }
        return new RepoTree(base, ordered, null);
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
        if (contents != null) {
            return decode(contents.get(path));
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file inside the repository");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file is " + size / (1024 * 1024) + " MiB, over the " + MAX_FILE_BYTES / (1024 * 1024) + " MiB limit; skipped");
        }
        return decode(Files.readAllBytes(file));
    }

    private static String decode(byte[] bytes) throws IOException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("file is " + bytes.length / (1024 * 1024) + " MiB, over the " + MAX_FILE_BYTES / (1024 * 1024) + " MiB limit; skipped");
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
