package dev.radar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reports' JSON is byte for byte what Jackson's ObjectMapper with INDENT_OUTPUT writes for the same tree. */
class JsonTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    @Test
    void a_report_shaped_tree_is_written_as_the_object_mapper_writes_it() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("schemaVersion", 3);
        tree.put("tool", Json.ordered("name", "radar", "version", "1.0"));
        tree.put("empty map", Map.of());
        tree.put("empty list", List.of());
        tree.put("nothing", null);
        tree.put("flags", Arrays.asList(true, false, null));
        tree.put("numbers", List.of(0, -1, Long.MAX_VALUE, 0.5, 1e-9, 12.0, new BigDecimal("1.10"), (short) 7));
        tree.put("text", "quotes \" backslash \\ tab \t newline \n control \u0001 unicode é ✓ 😀 </script>");
        tree.put("nested", List.of(List.of(Map.of("a", List.of(Map.of())))));
        assertThat(Json.text(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
    }

    @Test
    void random_trees_are_written_as_the_object_mapper_writes_them() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            Object tree = randomTree(random, 0);
            assertThat(Json.text(tree)).as("tree %d", i).isEqualTo(MAPPER.writeValueAsString(tree));
        }
    }

    @Test
    void the_writer_is_flushed_and_left_open_for_the_final_line_break() throws Exception {
        StringWriter out = new StringWriter();
        Writer kept = new java.io.FilterWriter(out) {
            @Override
            public void close() {
                throw new AssertionError("the report writer must not be closed");
            }
        };
        Json.write(kept, Map.of("a", 1));
        kept.write("\n");
        assertThat(out).hasToString("{\n  \"a\" : 1\n}\n");
    }

    @Test
    void raw_json_goes_in_as_written() {
        assertThat(Json.text(Json.ordered("rules", new Json.Raw("[ 1, 2 ]"), "n", 1)))
                .isEqualTo("{\n  \"rules\" : [ 1, 2 ],\n  \"n\" : 1\n}");
    }

    @Test
    void a_value_of_no_json_kind_is_refused_not_guessed() {
        assertThatThrownBy(() -> Json.text(Map.of("file", Path.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("report JSON");
    }

    private static Object randomTree(Random r, int depth) {
        int kind = depth > 4 ? r.nextInt(5) : r.nextInt(7);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return r.nextBoolean();
            case 2:
                return r.nextBoolean() ? (Object) r.nextInt() : (Object) (r.nextDouble() * 1000);
            case 3:
            case 4: {
                StringBuilder b = new StringBuilder();
                for (int i = r.nextInt(12); i > 0; i--) {
                    b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x3000) : 32 + r.nextInt(95)));
                }
                return b.toString();
            }
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(randomTree(r, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    map.put("k" + r.nextInt(100), randomTree(r, depth + 1));
                }
                return map;
            }
        }
    }
}
