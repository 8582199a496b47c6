package dev.radar.scan;

import dev.radar.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file of the scan's output folder could not be written (disk full, file too large, no permission). The file
 * it was replacing is left as it was: every output is written to a temporary sibling and renamed into place.
 * This stops the scan: results that cannot be stored cannot be reported or resumed.
 */
public final class ScanOutputException extends IOException {
    private final transient Path file;

    ScanOutputException(Path file, IOException cause) {
        super("cannot write " + file + ": " + reason(cause), cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }

    /** Writes a file atomically; a failure names the file. */
    static void write(Path file, AtomicFiles.Content content) throws ScanOutputException {
        try {
            AtomicFiles.write(file, content);
        } catch (ScanOutputException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanOutputException(file, e);
        }
    }

    /** The operating system's reason in words: "No space left on device", "File too large". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
