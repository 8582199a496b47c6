package dev.radar.scan;

import dev.radar.collect.RepoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision of a folder that is not a git checkout: a digest of every file the collectors could read
 * (relative path, size and modification time), skipping the same folders as {@link RepoTree}. Any edit,
 * added or removed file changes it, and so does a file becoming readable or unreadable (a change of permissions
 * leaves size and time alone); reading the files themselves is left to the check.
 */
final class TreeFingerprint {
    private TreeFingerprint() {}

    static String of(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new IOException("not a folder: " + root);
        }
        Map<String, String> files = new TreeMap<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(base) && RepoTree.SKIPPED_DIRS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.put(base.relativize(file).toString().replace('\\', '/'),
                            attrs.size() + ":" + attrs.lastModifiedTime().toMillis() + (Files.isReadable(file) ? "" : ":unreadable"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                files.put(base.relativize(file).toString().replace('\\', '/'), "unreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        MessageDigest md = Digests.sha256();
        files.forEach((path, stamp) -> {
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(stamp.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        });
        return "tree:" + Digests.hex(md.digest());
    }
}
