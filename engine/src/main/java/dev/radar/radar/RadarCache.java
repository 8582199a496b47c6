package dev.radar.radar;

import dev.radar.cache.CacheDir;
import java.util.Optional;

/**
 * Parsed radars kept in the cache folder ({@link CacheDir}), so a CI check does not parse the same radar.yaml on
 * every run: keyed by a SHA-256 of the radar's name and text and of the {@link Radar} record shapes. Only radars
 * without problems are stored; an entry that does not read back cleanly is parsed again and rewritten.
 */
final class RadarCache {
    private static final String PREFIX = "radar-";
    private static final String SUFFIX = ".bin";

    private final Optional<CacheDir> dir;

    RadarCache(Optional<CacheDir> dir) {
        this.dir = dir;
    }

    static RadarCache standard() {
        return new RadarCache(CacheDir.standard());
    }

    /** The radar for this text: from the cache when an intact entry exists, else parsed (and stored). */
    Radar load(String name, String text) {
        if (dir.isEmpty()) {
            return RadarLoader.parse(name, text);
        }
        String key = CacheDir.key("radar-cache/3\n" + RecordCodec.schema(Radar.class) + "\n" + name + "\0" + text);
        String file = PREFIX + key + SUFFIX;
        Optional<byte[]> cached = dir.get().read(file);
        if (cached.isPresent()) {
            try {
                return RecordCodec.decode(cached.get(), Radar.class);
            } catch (IllegalArgumentException e) {
                // unreadable despite its checksum (another engine's shapes): parse and overwrite
            }
        }
        Radar radar = RadarLoader.parse(name, text);
        try {
            dir.get().write(file, RecordCodec.encode(radar));
        } catch (UnsupportedOperationException e) {
            // a record shape the codec does not know: this radar is simply parsed every time
        }
        return radar;
    }
}
