package dev.radar.collect;

import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
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
    /** Files and folders not walked because their names hold control characters, shown with {@code ?} for each. */
    private final List<String> refused = new ArrayList<>();
    /** Symbolic links met by the walk, never followed. */
    private final List<String> links = new ArrayList<>();
    /** Folders (and files) the walk could not open: permission denied or an I/O error. */
    private final List<String> unreadable = new ArrayList<>();

    /** File contents of a tree held in memory ({@link #of}); null for a tree on disk. */
    private final Map<String, byte[]> contents;
    /** Where the files of a tree kept elsewhere come from ({@link #of(List, List, List, Blobs)}); null otherwise. */
    private final Blobs blobs;

    /**
     * The files of a tree that is neither a folder nor held in memory: a commit in a git object database, read by the
     * org scan without checking it out. Implementations are used by one thread at a time.
     */
    public interface Blobs {
        /** The size of a file of the tree, in bytes. */
        long size(String path) throws IOException;

        /** The bytes of a file of the tree; asked for only when its size is within {@link #MAX_FILE_BYTES}. */
        byte[] read(String path) throws IOException;
    }

    private RepoTree(Path root, Map<String, Long> sizes) {
        this(root, sizes, null, null);
    }

    /**
     * The first YAML document of files parsed through {@link #yaml}, by path: the parsed root (an empty Optional for
     * an empty document) or the IOException or YamlException the read or parse gave.
     */
    private final Map<String, Object> parsedYaml = new java.util.HashMap<>(4);

    private RepoTree(Path root, Map<String, Long> sizes, Map<String, byte[]> contents, Blobs blobs) {
        this.root = root;
        this.sizes = sizes;
        this.contents = contents;
        this.blobs = blobs;
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
        return new RepoTree(Path.of("").toAbsolutePath(), sizes, copy, null);
    }

    /**
     * A tree whose files are read from elsewhere (a commit's git objects), by the same rules as a folder's: the same
     * size limit, UTF-8 check and sorted order. The caller walked it with the same rules as {@link #walk}: folders in
     * {@link #SKIPPED_DIRS} left out, names with control characters listed as refused (see {@link #unsafeName}),
     * symbolic links listed, never read.
     *
     * @param paths   the regular files, relative with {@code /} separators
     * @param links   the symbolic links
     * @param refused the files and folders left out for their names, printable (folders end in {@code /})
     */
    public static RepoTree of(List<String> paths, List<String> links, List<String> refused, Blobs blobs) {
        List<String> sorted = new ArrayList<>(paths);
        Collections.sort(sorted);
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String p : sorted) {
            sizes.put(p, null); // asked of the blobs when first needed
        }
        RepoTree tree = new RepoTree(Path.of("").toAbsolutePath(), sizes, null, blobs);
        List<String> l = new ArrayList<>(links);
        Collections.sort(l);
        tree.links.addAll(l);
        List<String> r = new ArrayList<>(refused);
        Collections.sort(r);
        tree.refused.addAll(r);
        return tree;
    }

    /**
     * Whether a file or folder name is left out of a tree instead of walked: a name with a control character (see
     * {@link #refused()}), or one no folder on disk can hold ({@code ""}, {@code .}, {@code ..}, a name with a
     * {@code /}), which only a hand-made git tree can carry.
     */
    public static boolean unsafeName(String name) {
        return name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || hasControl(name);
    }

    /** Walks a repository folder. */
    public static RepoTree walk(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new IOException("not a directory: " + root);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(base) && hasControl(dir.getFileName().toString())) {
                    refused.add(printable(relative(base, dir)) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (hasControl(file.getFileName().toString())) {
                    refused.add(printable(relative(base, file)));
                } else if (attrs.isRegularFile()) {
                    sizes.put(relative(base, file), attrs.size());
                } else if (attrs.isSymbolicLink()) {
                    links.add(relative(base, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (!file.equals(base)) {
                    unreadable.add(printable(relative(base, file))); // reported, not silently lost
                }
                return FileVisitResult.CONTINUE;
            }
        });
        List<String> sorted = new ArrayList<>(sizes.keySet());
        Collections.sort(sorted);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String p : sorted) {
            ordered.put(p, sizes.get(p));
        }
        RepoTree tree = new RepoTree(base, ordered);
        tree.refused.addAll(refused);
        Collections.sort(links);
        tree.links.addAll(links);
        Collections.sort(unreadable);
        tree.unreadable.addAll(unreadable);
        return tree;
    }

    private static boolean hasControl(String name) {
        return name.codePoints().anyMatch(Character::isISOControl);
    }

    /** A path or name with each control character replaced by {@code ?}, safe to print on one line. */
    public static String printable(String path) {
        StringBuilder b = new StringBuilder();
        path.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    /**
     * Files and folders that were not walked because their names hold control characters (a newline in a file name
     * could forge lines of a report or a CI log); each is shown with {@code ?} for its control characters.
     */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Symbolic links in the repository, relative and sorted: never followed, never read. */
    public List<String> links() {
        return List.copyOf(links);
    }

    /** Folders (and files) the walk could not open, relative, sorted: their files are missing from {@link #paths()}. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** {@code file} relative to {@code base}, with {@code /} separators. */
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

    /** The size of a file in bytes, or -1 when it is not a file of the tree (or its size cannot be read). */
    public long size(String path) {
        Long s = sizes.get(path);
        if (s == null && blobs != null && sizes.containsKey(path)) {
            try {
                s = blobs.size(path);
            } catch (IOException e) {
                return -1;
            }
            sizes.put(path, s);
        }
        return s == null ? -1 : s;
    }

    /**
     * Reads a file of the tree as UTF-8 (a leading byte-order mark is dropped).
     *
     * @throws IOException with a message fit for a finding when the file is missing, too large, a link, or not text
     */
    public String read(String path) throws IOException {
        return decode(readBytes(path));
    }

    /**
     * Reads a file of the tree as bytes, with the checks of {@link #read}: for formats that declare their own encoding,
     * such as an XML prolog's {@code encoding="ISO-8859-1"}.
     *
     * @throws IOException with a message fit for a finding when the file is missing, too large or a link
     */
    public byte[] readBytes(String path) throws IOException {
        if (!sizes.containsKey(path)) {
            throw new IOException("not a regular file inside the repository");
        }
        if (contents != null) {
            return withinCap(contents.get(path));
        }
        if (blobs != null) {
            Long size = sizes.get(path);
            withinCap(size != null ? size : blobs.size(path)); // an unreadable size throws its reason here
            return blobs.read(path);
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file inside the repository");
        }
        withinCap(Files.size(file));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied: the file cannot be read");
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("the file cannot be read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        }
        return bytes;
    }

    /**
     * The first YAML document of a file of the tree ({@link #read}, then {@link YamlReader#parse}), parsed once however
     * many collectors ask: a GitHub workflow is read by two. Null for an empty document. A failed read or parse throws
     * the same exception to every caller, so each reports the problem as it would have.
     */
    public synchronized YamlNode yaml(String path) throws IOException, YamlException {
        Object memo = parsedYaml.get(path);
        if (memo == null) {
            try {
                memo = java.util.Optional.ofNullable(YamlReader.parse(path, read(path)));
            } catch (IOException | YamlException e) {
                memo = e;
            }
            parsedYaml.put(path, memo);
        }
        if (memo instanceof IOException e) {
            throw e;
        }
        if (memo instanceof YamlException e) {
            throw e;
        }
        return ((java.util.Optional<?>) memo).map(YamlNode.class::cast).orElse(null);
    }

    private static byte[] withinCap(byte[] bytes) throws IOException {
        withinCap(bytes.length);
        return bytes;
    }

    private static void withinCap(long size) throws IOException {
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file is " + size / (1024 * 1024) + " MiB, over the " + MAX_FILE_BYTES / (1024 * 1024) + " MiB limit; skipped");
        }
    }

    /**
     * A path written relative to a folder of the repository ({@code ../common.yml}, {@code ./gradle/deps.gradle};
     * backslashes too), as a repository path with {@code .} and {@code ..} folded; a path starting with {@code /} is
     * taken from the repository's root. Null when it leaves the repository.
     */
    static String resolve(String dir, String relative) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty() && !relative.startsWith("/")) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String s : relative.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    /** Text of file bytes, as {@link #read} returns it: UTF-8, or UTF-16 after a UTF-16 byte-order mark. */
    static String decode(byte[] bytes) throws IOException {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return utf16(bytes);
        }
        // The JDK's own decoding is much faster than a reporting decoder (ASCII bytes are copied as they are) and
        // marks malformed input with U+FFFD: text without one decoded cleanly; text with one goes the strict way,
        // which tells a written U+FFFD from malformed bytes.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return textOnly(fast.startsWith("\uFEFF") ? fast.substring(1) : fast);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return textOnly(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    /**
     * Text that starts with a UTF-16 byte-order mark, as Windows PowerShell's {@code pip freeze > requirements.txt}
     * and some Windows editors write it (pip and most build tools read it): decoded strictly in the byte order the
     * mark gives, the mark dropped.
     */
    private static String utf16(byte[] bytes) throws IOException {
        java.nio.charset.Charset order = bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        try {
            return textOnly(order.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 2, bytes.length - 2))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-16 text, though it starts with a UTF-16 byte-order mark");
        }
    }

    /** Text with a NUL character is a binary file: no build or config format allows one. */
    private static String textOnly(String text) throws IOException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            for (int i = 0; i < nul; i++) {
                line += text.charAt(i) == '\n' ? 1 : 0;
            }
            throw new IOException("not text: a NUL character at line " + line);
        }
        return text;
    }

    /**
     * Reads one file of this tree when it is there, by the rules of {@link #readOne}: empty when nothing is at that
     * path; an error when the path or a folder on it is a symbolic link, or when it is a folder.
     *
     * @param relative a path relative to the tree with {@code /} separators, without {@code ..}
     * @throws IOException with a message fit for a finding when something is there but cannot be read
     */
    public java.util.Optional<String> readIfPresent(String relative) throws IOException {
        if (sizes.containsKey(relative)) {
            return java.util.Optional.of(read(relative));
        }
        String at = "";
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not a plain relative path: " + relative);
            }
            at = at.isEmpty() ? part : at + "/" + part;
            if (java.util.Collections.binarySearch(links, at) >= 0) {
                throw new IOException("not read: " + at + " is a symbolic link, and links are never followed");
            }
        }
        String folder = relative + "/";
        for (String p : sizes.keySet()) {
            if (p.startsWith(folder)) {
                throw new IOException("not read: not a regular file");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Reads one file of a repository without walking it (its own {@code .radar/exceptions.yaml}), by the same rules as
     * {@link #read}: no component of the path may be a symbolic link, the file must be a regular file within the size
     * limit and UTF-8 text.
     *
     * @param relative a path relative to {@code root} with {@code /} separators, without {@code ..}
     * @return empty when nothing is at that path
     * @throws IOException with a message fit for a finding when something is there but cannot be read
     */
    public static java.util.Optional<String> readOne(Path root, String relative) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path at = base;
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not a plain relative path: " + relative);
            }
            at = at.resolve(part);
            if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                return java.util.Optional.empty();
            }
            if (Files.isSymbolicLink(at)) {
                throw new IOException("not read: " + relative(base, at) + " is a symbolic link, and links are never followed");
            }
        }
        if (!Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not read: not a regular file");
        }
        Map<String, Long> one = new LinkedHashMap<>();
        one.put(relative, Files.size(at));
        return java.util.Optional.of(new RepoTree(base, one).read(relative));
    }
}
