package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.RadarEntry;
import dev.radar.model.Ring;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RadarExchangeTest {
    private static final Path FORMATS = Path.of("src/test/resources/governance/formats");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static RadarDocument example() {
        return RadarDocument.load(Path.of("..", "radar.yaml"));
    }

    private static RadarFormat format(String name) {
        return RadarFormats.byName(name).orElseThrow();
    }

    private static String read(String file) throws Exception {
        return Files.readString(FORMATS.resolve(file), StandardCharsets.UTF_8);
    }

    /** What every format carries: name, quadrant, ring, rationale and description of each entry. */
    private static List<String> essentials(RadarDocument doc) {
        return doc.entries().stream().map(e -> e.name() + "|" + doc.quadrantName(e.quadrant()) + "|" + e.ring() + "|" + e.rationale() + "|"
                + doc.details(e.id()).description()).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"byor-csv", "byor-json", "zalando", "backstage"})
    void the_example_radar_survives_export_and_import(String name) {
        RadarDocument doc = example();
        Baseline baseline = new Baseline("test", Map.of(
                "kotlin", new RadarChange(RadarChange.Kind.MOVED_IN, "kotlin", "Kotlin", "languages-frameworks", Ring.TRIAL, Ring.ADOPT)));
        RadarExchange.Result exported = RadarExchange.export(doc, baseline, format(name), TODAY);
        assertThat(exported.lost()).anyMatch(l -> l.startsWith("matchers ('match') of "));
        RadarExchange.Result imported = RadarExchange.importFile("exported." + name, exported.text(), format(name));
        RadarDocument back = RadarDocument.parse("back.yaml", imported.text());
        assertThat(essentials(back)).isEqualTo(essentials(doc));
        assertThat(back.radar().quadrants()).isEqualTo(doc.radar().quadrants());
        if (!name.startsWith("byor")) {
            assertThat(back.entries()).extracting(RadarEntry::id).containsExactlyInAnyOrderElementsOf(
                    doc.entries().stream().map(RadarEntry::id).toList());
        }
        assertThat(imported.lost()).anyMatch(l -> l.contains("1 ")); // kotlin's moved flag has no place in radar.yaml
        assertThat(RadarExchange.export(back, baseline, format(name), TODAY).text()).as("a second round trip changes nothing")
                .isEqualTo(RadarExchange.export(RadarDocument.parse("again.yaml", RadarExchange.importFile("x", exported.text(), format(name)).text()),
                        baseline, format(name), TODAY).text());
    }

    @Test
    void a_zalando_file_imports_and_exports_to_the_same_entries() throws Exception {
        RadarExchange.Result imported = RadarExchange.importFile("zalando.json", read("zalando-original.json"), format("zalando"));
        RadarDocument doc = RadarDocument.parse("imported.yaml", imported.text());
        assertThat(doc.radar().quadrants()).containsExactly("languages", "infrastructure", "datastores", "data-management");
        assertThat(doc.entries()).extracting(RadarEntry::id, RadarEntry::ring).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kotlin", Ring.ADOPT), org.assertj.core.groups.Tuple.tuple("aws-emr", Ring.TRIAL),
                org.assertj.core.groups.Tuple.tuple("cassandra", Ring.HOLD), org.assertj.core.groups.Tuple.tuple("dbt", Ring.ASSESS));
        assertThat(imported.lost()).contains("4 entries have no description: their rationale says so; write one",
                "'moved' of 3 entries (radar.yaml derives new and moved from its git history)");
        Baseline moved = Baseline.of("test", RadarLoader.parse("old.yaml", """
                quadrants: [languages, infrastructure, datastores, data-management]
                entries:
                  - {id: kotlin, name: Kotlin, quadrant: languages, ring: adopt, rationale: x}
                  - {id: aws-emr, name: AWS EMR, quadrant: infrastructure, ring: assess, rationale: x}
                  - {id: cassandra, name: Cassandra, quadrant: datastores, ring: trial, rationale: x}
                """), doc.radar());
        String exported = RadarExchange.export(doc, moved, format("zalando"), TODAY).text();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(FORMATS.resolve("zalando.json"), exported, StandardCharsets.UTF_8);
        }
        assertThat(exported).isEqualTo(read("zalando.json"));
    }

    @Test
    void a_backstage_file_takes_the_newest_timeline_item_and_maps_rings_by_position() throws Exception {
        RadarExchange.Result imported = RadarExchange.importFile("backstage.json", read("backstage.json"), format("backstage"));
        Radar radar = RadarLoader.parse("imported.yaml", imported.text());
        RadarDocument doc = RadarDocument.parse("imported.yaml", imported.text());
        RadarEntry js = radar.entry("javascript").orElseThrow();
        assertThat(js.ring()).isEqualTo(Ring.ADOPT);
        assertThat(js.since()).isEqualTo(LocalDate.of(2022, 2, 8));
        assertThat(js.rationale()).isEqualTo("Excellent language.");
        assertThat(doc.details("javascript").description()).isEqualTo("Runs <everywhere>.");
        assertThat(radar.entry("github-actions").orElseThrow().links()).containsExactly("https://github.com/features/actions");
        assertThat(radar.entry("github-actions").orElseThrow().rationale()).isEqualTo("Our CI.");
        assertThat(radar.entry("webpack").orElseThrow().ring()).as("an invalid id falls back to the key").isEqualTo(Ring.HOLD);
        assertThat(imported.lost()).contains("ring 'use' is imported as adopt (by its position)", "1 older timeline items (radar.yaml keeps "
                + "the current ring; its git history keeps the rest)", "1 entries have no description: their rationale says so; write one");
        String again = RadarExchange.export(doc, Baseline.none(""), format("backstage"), TODAY).text();
        assertThat(again).contains("\"ringId\" : \"adopt\"", "\"date\" : \"2022-02-08\"", "\"url\" : \"https://github.com/features/actions\"");
    }

    @Test
    void a_byor_csv_with_quotes_commas_html_and_line_breaks_imports() throws Exception {
        RadarExchange.Result imported = RadarExchange.importFile("byor.csv", read("byor.csv"), format("byor-csv"));
        RadarDocument doc = RadarDocument.parse("imported.yaml", imported.text());
        assertThat(doc.radar().quadrants()).containsExactly("tools", "techniques", "platforms", "languages-frameworks");
        assertThat(doc.quadrantName("languages-frameworks")).isEqualTo("languages & frameworks");
        RadarEntry composer = doc.radar().entry("composer").orElseThrow();
        assertThat(composer.rationale()).isEqualTo("Dependency management for PHP, with \"lock\" files.");
        RadarEntry csharp = doc.radar().entry("csharp-10").orElseThrow();
        assertThat(csharp.name()).isEqualTo("C#, 10");
        assertThat(csharp.rationale()).isEqualTo("Line one\nline two");
        assertThat(doc.radar().entry("apache-kylin").orElseThrow().rationale()).isEqualTo("No rationale was given in the imported radar.");
        assertThat(imported.lost()).contains("isNew/status of 2 blips (radar.yaml derives new and moved from its git history)");
        String csv = RadarExchange.export(doc, Baseline.none(""), format("byor-csv"), TODAY).text();
        assertThat(csv).startsWith("name,ring,quadrant,isNew,status,description\r\n")
                .contains("\"C#, 10\",Hold,languages & frameworks,FALSE,No Change,\"Line one\nline two\"\r\n");
    }

    @Test
    void an_unknown_ring_is_an_error_naming_the_csv_line() {
        assertThatThrownBy(() -> RadarExchange.importFile("r.csv", "name,ring,quadrant\nA,adopt,tools\nB,maybe,tools\n", format("byor-csv")))
                .isInstanceOf(ConfigException.class).hasMessage("r.csv:3: unknown ring 'maybe' for B; rings are adopt, trial, assess, hold");
    }

    @Test
    void malformed_json_is_an_error_at_its_line_and_column() {
        assertThatThrownBy(() -> RadarExchange.importFile("z.json", "{\n  \"entries\": [,]\n}", format("zalando")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("z.json:2:15: not valid JSON: ");
    }

    @Test
    void names_that_would_break_yaml_are_quoted_safely() {
        String csv = "name,ring,quadrant,description\n\"- * &x !tag: #no \"\"q\"\" \\\\ \u2028\",adopt,\"tools: yes\",\"a\tb\"\n";
        RadarExchange.Result imported = RadarExchange.importFile("n.csv", csv, format("byor-csv"));
        Radar radar = RadarLoader.parse("n.yaml", imported.text());
        assertThat(radar.entries().get(0).name()).isEqualTo("- * &x !tag: #no \"q\" \\\\ \u2028");
        assertThat(radar.entries().get(0).rationale()).isEqualTo("a\tb");
    }
}
