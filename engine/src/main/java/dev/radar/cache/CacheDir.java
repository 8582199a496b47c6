package dev.radar.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cache folder: {@code -Dradar.cache.dir} or {@code $RADAR_CACHE_DIR}, else {@code $XDG_CACHE_HOME/radar}, else
 * {@code ~/.cache/radar}; the value {@code off} switches caching off. Best effort throughout: an entry that is
 * missing, truncated or corrupt reads as absent, and a folder that cannot be written only costs a recomputation.
 * Entries are sealed: a magic, the payload and a {@link #checksum} of both, checked on every read. The checksum guards
 * against truncation and corruption; it is no defence against someone who can write the folder (neither would a
 * SHA-256 be: they could write any sealed entry).
 */
public final class CacheDir {
    /** Environment variable naming the cache folder, or {@code off}. */
    public static final String ENV = "RADAR_CACHE_DIR";
    private static final byte[] MAGIC = {'R', 'C', 'A', '2'};
    private static final int SEAL = 16;
    private static final int KEEP_PER_PREFIX = 16;

    private final Path dir;

    private CacheDir(Path dir) {
        this.dir = dir;
    }

    /** A cache in this folder (created on first write). */
    public static CacheDir in(Path dir) {
        return new CacheDir(dir);
    }

    /** The folder the environment asks for, or empty when caching is off or there is no home folder. */
    public static Optional<CacheDir> standard() {
        String configured = firstNonBlank(System.getProperty("radar.cache.dir"), System.getenv(ENV));
        if (configured != null) {
            return configured.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(in(Path.of(configured)));
        }
        String xdg = firstNonBlank(System.getenv("XDG_CACHE_HOME"), null);
        if (xdg != null) {
            return Optional.of(in(Path.of(xdg, "radar")));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(in(Path.of(home, ".cache", "radar")));
    }

    public Path path() {
        return dir;
    }

    /** The payload of an intact entry, or empty when it is missing, truncated, corrupt or unreadable. */
    public Optional<byte[]> read(String name) {
        Path file = dir.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return unseal(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes an entry atomically (temporary file, then rename) and keeps at most 16 entries whose names share the
     * prefix up to the first {@code -}. Failures are swallowed: the cache is an optimisation.
     */
    public void write(String name, byte[] payload) {
        Path target = dir.resolve(name);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "tmp-", ".part");
            Files.write(tmp, seal(payload));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            int dash = name.indexOf('-');
            if (dash > 0) {
                prune(name.substring(0, dash + 1));
            }
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk costs a recomputation next time, nothing more
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left behind; harmless
                }
            }
        }
    }

    private void prune(String prefix) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparingLong(CacheDir::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP_PER_PREFIX, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static byte[] seal(byte[] payload) {
        byte[] out = new byte[MAGIC.length + payload.length + SEAL];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(payload, 0, out, MAGIC.length, payload.length);
        System.arraycopy(checksum(out, MAGIC.length + payload.length), 0, out, MAGIC.length + payload.length, SEAL);
        return out;
    }

    static Optional<byte[]> unseal(byte[] sealed) {
        int body = sealed.length - SEAL;
        if (body < MAGIC.length || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || !Arrays.equals(checksum(sealed, body), 0, SEAL, sealed, body, sealed.length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(sealed, MAGIC.length, body));
    }

    /**
     * A 16-byte checksum of the first {@code length} bytes: CRC-32, CRC-32C, Adler-32 and the length. All three run as
     * native code from the first call, where a SHA-256 runs interpreted in a short-lived JVM (about 30 ms of a
     * check's start-up for a radar.yaml's cache key and entry, measured with JFR). Two inputs of the same length
     * agree by accident with odds of about 2^-96: enough for a cache key and a seal, not a defence against forgery.
     */
    public static byte[] checksum(byte[] data, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data, 0, length);
        java.util.zip.CRC32C crcc = new java.util.zip.CRC32C();
        crcc.update(data, 0, length);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(data, 0, length);
        return java.nio.ByteBuffer.allocate(SEAL).putInt((int) crc.getValue()).putInt((int) crcc.getValue())
                .putInt((int) adler.getValue()).putInt(length).array();
    }

    /** {@link #checksum} of a text's UTF-8 bytes, in hex: a cache key. */
    public static String key(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.HexFormat.of().formatHex(checksum(bytes, bytes.length));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
