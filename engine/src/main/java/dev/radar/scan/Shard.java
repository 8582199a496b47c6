package dev.radar.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code --shard K/N}, 1-based): the repositories whose stable hash of
 * their name falls in it. The hash is the first 8 bytes of SHA-256 of the name, so a repository stays in its
 * shard across runs, machines and JVMs, and every repository is in exactly one shard.
 */
public record Shard(int index, int count) {

    /** The whole organisation in one process. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": K/N needs 1 <= K <= N");
        }
    }

    /**
     * Parses {@code K/N}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Shard parse(String text) {
        var m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: write K/N, e.g. 2/8 (1 <= K <= N)");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean contains(String repoName) {
        return count == 1 || Math.floorMod(hash(repoName), (long) count) == index - 1;
    }

    public boolean isAll() {
        return count == 1;
    }

    static long hash(String name) {
        return ByteBuffer.wrap(Digests.sha256(name.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
