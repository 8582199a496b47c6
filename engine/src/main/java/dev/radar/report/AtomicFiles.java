package dev.radar.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file through a temporary sibling and a rename: readers see the old file or the new one, never half. */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            if (Files.isDirectory(absolute)) {
                throw new IOException(target + " is a folder");
            }
            // A device or pipe (/dev/null, /dev/stdout, a FIFO): nothing to replace atomically.
            try (Writer w = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            return;
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) { // createDirectories on an existing folder throws and catches an exception: 3 per repository
            Files.createDirectories(dir);
        }
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                // readable like any file the user creates (umask applies), not 0600 as temporary files are
                ? Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                : Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
