package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RadarEntry;
import dev.radar.model.Ring;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RadarRenderTest {
    private static final Path FIXTURE = Path.of("src/test/resources/governance/render");

    private static RenderRequest fixtureRequest() {
        RadarDocument doc = RadarDocument.load(FIXTURE.resolve("radar.yaml"));
        Map<String, RadarChange> changes = Map.of(
                "kotlin", new RadarChange(RadarChange.Kind.MOVED_IN, "kotlin", "Kotlin", "languages-frameworks", Ring.TRIAL, Ring.ADOPT),
                "mongodb", new RadarChange(RadarChange.Kind.MOVED_OUT, "mongodb", "MongoDB", "platforms", Ring.TRIAL, Ring.HOLD),
                "gradle", new RadarChange(RadarChange.Kind.NEW, "gradle", "Gradle (Kotlin DSL)", "tools", null, Ring.TRIAL));
        OrgSummary summary = new OrgSummary(List.of(
                new OrgSummary.RepoRecord("payments-api", "payments", List.of(
                        new Dependency("payments-api", Ecosystem.MAVEN, "org.mongodb", "mongodb-driver-sync", "4.11.1", "4.11.1", "", true,
                                "pom.xml", 27, List.of())), List.of()),
                new OrgSummary.RepoRecord("ledger", "finance", List.of(
                        new Dependency("ledger", Ecosystem.MAVEN, "org.mongodb", "bson", "4.11.1", "4.11.1", "", true, "pom.xml", 12,
                                List.of())), List.of())), Map.of(), "summary.json");
        return new RenderRequest(doc, changes, Optional.of(RadarUsage.of(doc.radar(), summary)), "changes since 2026-08-24");
    }

    @Test
    void the_svg_matches_the_golden_file() throws Exception {
        String svg = RadarSvg.render(fixtureRequest());
        Path golden = FIXTURE.resolve("radar.svg");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }
        assertThat(svg).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void the_same_radar_always_gives_the_same_drawing() {
        assertThat(RadarSvg.render(fixtureRequest())).isEqualTo(RadarSvg.render(fixtureRequest()));
    }

    @Test
    void every_blip_is_numbered_focusable_and_explains_itself() throws Exception {
        Document svg = parse(RadarSvg.render(fixtureRequest()));
        NodeList groups = svg.getElementsByTagName("g");
        int blips = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").startsWith("blip ")) {
                continue;
            }
            blips++;
            assertThat(g.getAttribute("tabindex")).isEqualTo("0");
            String title = g.getElementsByTagName("title").item(0).getTextContent();
            assertThat(title).startsWith(g.getAttribute("data-number") + ". " + g.getAttribute("data-name"));
            if (g.getAttribute("data-entry").equals("mongodb")) {
                assertThat(title).isEqualTo("""
                        6. MongoDB (hold)
                        Postgres covers our document needs.
                        Use instead: PostgreSQL (postgres)
                        Moved trial to hold
                        Used by 2 repositories""");
                assertThat(g.getAttribute("class")).isEqualTo("blip hold moved-out");
            }
        }
        assertThat(blips).isEqualTo(7);
        assertThat(svg.getDocumentElement().getAttribute("data-blips")).isEqualTo("7");
    }

    @Test
    void names_and_rationales_are_escaped_not_interpreted() {
        String svg = RadarSvg.render(fixtureRequest());
        assertThat(svg).contains("Render &lt;fixture&gt; &amp; &quot;friends&quot;").contains("since 2015 &lt;unpatched&gt;.")
                .doesNotContain("<unpatched>");
    }

    @Test
    void the_html_page_is_self_contained() {
        String html = RadarHtml.render(fixtureRequest());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg ").contains("<script>")
                .doesNotContainPattern("(src|href)\\s*=").doesNotContain("url(", "@import", "https://", "fetch(");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).as("only the SVG namespace names a URL").doesNotContain("http://");
    }

    @Test
    void blips_of_the_example_radar_sit_in_their_ring_and_quadrant_without_overlapping() {
        RadarDocument doc = RadarDocument.load(Path.of("..", "radar.yaml"));
        List<RadarLayout.Blip> blips = RadarLayout.layout(doc.radar().quadrants(), doc.entries());
        assertThat(blips).hasSize(doc.entries().size());
        for (RadarLayout.Blip b : blips) {
            double r = Math.hypot(b.x(), b.y());
            double[] band = RadarLayout.band(b.entry().ring());
            assertThat(r).as("%s in its ring", b.entry().id()).isBetween(band[0] + RadarLayout.BLIP - 1, band[1] - RadarLayout.BLIP + 1);
            boolean left = b.x() < 0;
            boolean top = b.y() < 0;
            assertThat(b.quadrant()).as("%s in its quadrant", b.entry().id()).isEqualTo((top ? 0 : 2) + (left ? 0 : 1));
            assertThat(Math.min(Math.abs(b.x()), Math.abs(b.y()))).as("%s clear of the axes", b.entry().id()).isGreaterThan(RadarLayout.BLIP);
        }
        for (int i = 0; i < blips.size(); i++) {
            for (int j = i + 1; j < blips.size(); j++) {
                double d = Math.hypot(blips.get(i).x() - blips.get(j).x(), blips.get(i).y() - blips.get(j).y());
                assertThat(d).as("%s and %s apart", blips.get(i).entry().id(), blips.get(j).entry().id())
                        .isGreaterThanOrEqualTo(2 * RadarLayout.BLIP);
            }
        }
    }

    @Test
    void a_crowded_segment_still_fits_its_blips() {
        List<RadarEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new RadarEntry("e" + i, "Entry " + i, "q", Ring.HOLD, null, null, "r", "", "", List.of(), "radar.yaml", i + 1));
        }
        List<RadarLayout.Blip> blips = RadarLayout.layout(List.of("q"), many);
        for (int i = 0; i < blips.size(); i++) {
            for (int j = i + 1; j < blips.size(); j++) {
                assertThat(Math.hypot(blips.get(i).x() - blips.get(j).x(), blips.get(i).y() - blips.get(j).y())).isGreaterThan(RadarLayout.BLIP);
            }
        }
        assertThat(blips).extracting(RadarLayout.Blip::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
