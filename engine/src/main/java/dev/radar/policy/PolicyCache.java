package dev.radar.policy;

import dev.radar.cache.CacheDir;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rule bases compiled from {@code --policies}, one cache entry per content hash (see {@link CacheDir} for where
 * and how). An entry that is missing, truncated, corrupt or of another engine build is ignored and rebuilt by the
 * caller, never trusted.
 */
public final class PolicyCache {
    private static final String PREFIX = "policies-";
    private static final String SUFFIX = ".kb";

    private final Optional<CacheDir> dir;

    private PolicyCache(Optional<CacheDir> dir) {
        this.dir = dir;
    }

    /** A cache in this folder (created on first write). */
    public static PolicyCache in(Path dir) {
        return new PolicyCache(Optional.of(CacheDir.in(dir)));
    }

    /** No caching: every {@code --policies} run compiles. */
    public static PolicyCache off() {
        return new PolicyCache(Optional.empty());
    }

    /** The cache the environment asks for ({@link CacheDir#standard()}). */
    public static PolicyCache standard() {
        return new PolicyCache(CacheDir.standard());
    }

    /** The folder, when caching is on. */
    public Optional<Path> dir() {
        return dir.map(CacheDir::path);
    }

    /** The entry for this key, when one is there, intact and for this very key and build. */
    Optional<CompiledPolicies> get(String key, String build) {
        return dir.flatMap(d -> d.read(PREFIX + key + SUFFIX)).flatMap(bytes -> {
            try {
                CompiledPolicies c = CompiledPolicies.fromBytes(bytes);
                return c.key().equals(key) && c.build().equals(build) && !c.classes().isEmpty() ? Optional.of(c) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a damaged entry is never trusted; the caller compiles and overwrites it
            }
        });
    }

    /** Stores an entry (atomically; failures only cost a compile next time). */
    void put(CompiledPolicies compiled) {
        dir.ifPresent(d -> d.write(PREFIX + compiled.key() + SUFFIX, compiled.toBytes()));
    }
}
