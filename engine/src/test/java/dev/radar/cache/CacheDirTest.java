package dev.radar.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed cache entries: what was written reads back; anything damaged or of another format reads as absent. */
class CacheDirTest {

    @Test
    void an_entry_reads_back_and_every_single_bit_flip_or_cut_is_refused() {
        byte[] payload = "radar entries and matchers".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = CacheDir.seal(payload);
        assertThat(CacheDir.unseal(sealed)).hasValueSatisfying(p -> assertThat(p).isEqualTo(payload));
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = sealed.clone();
                damaged[i] ^= (byte) (1 << bit);
                assertThat(CacheDir.unseal(damaged)).as("byte %d bit %d", i, bit).isEmpty();
            }
        }
        for (int n = 0; n < sealed.length; n++) {
            assertThat(CacheDir.unseal(java.util.Arrays.copyOf(sealed, n))).as("cut to %d bytes", n).isEmpty();
        }
    }

    @Test
    void entries_of_the_earlier_sha256_format_are_not_read(@TempDir Path dir) throws Exception {
        CacheDir cache = CacheDir.in(dir);
        cache.write("x.bin", new byte[] {1, 2, 3});
        assertThat(cache.read("x.bin")).isPresent();
        byte[] old = Files.readAllBytes(dir.resolve("x.bin"));
        old[3] = '1'; // the RCA1 magic
        Files.write(dir.resolve("x.bin"), old);
        assertThat(cache.read("x.bin")).isEmpty();
    }

    @Test
    void keys_differ_for_different_texts_of_the_same_length() {
        assertThat(CacheDir.key("entries: [a]")).hasSize(32).isEqualTo(CacheDir.key("entries: [a]"))
                .isNotEqualTo(CacheDir.key("entries: [b]")).isNotEqualTo(CacheDir.key("entries: [a] "));
    }
}
