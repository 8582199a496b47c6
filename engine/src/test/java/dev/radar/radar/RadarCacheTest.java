package dev.radar.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.cache.CacheDir;
import dev.radar.model.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed radars kept between runs: the same radar as parsing gives, never a stale or damaged one. */
class RadarCacheTest {

    @TempDir
    Path cacheDir;

    final RadarCache cache() {
        return new RadarCache(Optional.of(CacheDir.in(cacheDir)));
    }

    static String exampleRadar() throws IOException {
        return Files.readString(Path.of("../radar.yaml"));
    }

    List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("radar-")).toList();
        }
    }

    @Test
    void a_cached_radar_equals_the_parsed_one_in_every_entry_matcher_and_standard() throws IOException {
        String text = exampleRadar() + "standards:\n  RAD-003: off\n  RAD-002: error\n";
        Radar parsed = RadarLoader.parse("radar.yaml", text);
        Radar first = cache().load("radar.yaml", text);
        assertThat(entries()).hasSize(1);
        Radar cached = cache().load("radar.yaml", text);
        assertThat(cached).isEqualTo(parsed).isEqualTo(first);
        assertThat(cached.entries()).hasSize(parsed.entries().size()).hasSizeGreaterThan(100);
        assertThat(cached.standards()).containsEntry("RAD-003", Optional.empty());
    }

    @Test
    void maps_keep_their_declaration_order_through_the_cache() throws IOException {
        String text = exampleRadar();
        Radar parsed = RadarLoader.parse("radar.yaml", text);
        cache().load("radar.yaml", text);
        Radar cached = cache().load("radar.yaml", text);
        assertThat(cached.exceptionPolicy().requiredApprovers().keySet())
                .containsExactlyElementsOf(parsed.exceptionPolicy().requiredApprovers().keySet())
                .containsExactly("staff-engineer", "engineering-manager");
    }

    @Test
    void another_text_or_file_name_is_another_entry() throws IOException {
        String text = exampleRadar();
        cache().load("radar.yaml", text);
        Radar renamed = cache().load("org/radar.yaml", text);
        assertThat(renamed.source()).isEqualTo("org/radar.yaml");
        assertThat(renamed.entries().get(0).file()).isEqualTo(RadarLoader.parse("org/radar.yaml", text).entries().get(0).file());
        assertThat(cache().load("radar.yaml", text.replace("ring: hold", "ring: trial")).entries())
                .isNotEqualTo(cache().load("radar.yaml", text).entries());
        assertThat(entries()).hasSize(3);
    }

    @Test
    void a_damaged_entry_is_parsed_again_and_rewritten() throws IOException {
        String text = exampleRadar();
        Radar parsed = RadarLoader.parse("radar.yaml", text);
        cache().load("radar.yaml", text);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(cache().load("radar.yaml", text)).isEqualTo(parsed);
        assertThat(Files.readAllBytes(entry)).hasSize(bytes.length);
        bytes[bytes.length / 3] ^= 0x11;
        Files.write(entry, bytes);
        assertThat(cache().load("radar.yaml", text)).isEqualTo(parsed);
    }

    @Test
    void a_radar_with_errors_is_never_cached_and_fails_every_time() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache().load("bad.yaml", "quadrants: [tools]\nentries:\n  - id: x\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("bad.yaml:3");
        }
        assertThat(cacheDir).isEmptyDirectory();
    }

    @Test
    void the_record_shapes_are_part_of_the_key() {
        String schema = RecordCodec.schema(Radar.class);
        assertThat(schema).contains("RadarEntry(", "Matcher(", "versions:dev.radar.model.VersionRange", "standards:Map<");
    }
}
