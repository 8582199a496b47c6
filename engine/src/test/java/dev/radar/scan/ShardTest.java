package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @Test
    void every_repository_falls_in_exactly_one_shard_and_the_shards_are_balanced() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add("repo-" + i);
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (String name : names) {
            int hits = 0;
            for (int k = 1; k <= 5; k++) {
                if (new Shard(k, 5).contains(name)) {
                    hits++;
                    sizes.merge(k, 1, Integer::sum);
                }
            }
            assertThat(hits).as(name).isEqualTo(1);
        }
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(540, 660));
    }

    @ParameterizedTest(name = "{0} is in shard {2}/4")
    @CsvSource({
        "payments-api,   682a1c47a1d34030, 1",
        "ledger-service, 0d0ea8006c64f2f3, 4",
        "legacy-billing, 229dd7f149ce88e0, 1",
        "checkout-web,   ab0008f67afd9a07, 4"})
    void the_assignment_is_the_documented_sha256_hash_so_it_never_changes(String name, String first8Bytes, int shard) {
        // docs/scan.md: the first 8 bytes of SHA-256 of the name, big-endian signed, floor-mod N, plus one.
        assertThat(Shard.hash(name)).isEqualTo(Long.parseUnsignedLong(first8Bytes, 16));
        assertThat(new Shard(shard, 4).contains(name)).isTrue();
    }

    @Test
    void k_of_n_is_parsed() {
        assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
        assertThat(Shard.parse(" 1 / 1 ").isAll()).isTrue();
        assertThat(new Shard(3, 8)).hasToString("3/8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "1/0", "2", "a/b", "-1/4", ""})
    void a_shard_outside_one_to_n_is_refused(String text) {
        assertThatThrownBy(() -> Shard.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K/N");
    }
}
