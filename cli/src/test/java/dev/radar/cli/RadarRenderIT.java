package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered radar of the example organisation in headless Chromium: the page's own script counts the
 * blips, a deep link shows one blip's explanation, and a screenshot shows rings and blips drawn (kept as
 * cli/target/radar-screenshot.png to look at). Skipped when Chromium is not installed, except on CI, where
 * .ci/run installs it and its absence is a failure.
 */
class RadarRenderIT {
    @TempDir
    static Path dir;

    static Path chromium;
    static Path html;

    @BeforeAll
    static void render() throws IOException {
        Optional<Path> found = findChromium();
        if (found.isEmpty() && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium); the rendered radar is not opened in a browser");
        }
        assertThat(found).as("Chromium on CI (.ci/run installs it)").isPresent();
        chromium = found.get();
        Path radar = Path.of("..", "radar.yaml");
        Path previous = dir.resolve("previous.yaml");
        Files.writeString(previous, Files.readString(radar, StandardCharsets.UTF_8)
                .replace("  - id: kotlin\n    name: Kotlin\n    quadrant: languages-frameworks\n    ring: adopt",
                        "  - id: kotlin\n    name: Kotlin\n    quadrant: languages-frameworks\n    ring: trial"), StandardCharsets.UTF_8);
        html = dir.resolve("radar.html");
        var run = CliScenariosIT.run("render", radar.toString(), "--out", html.toString(), "--svg", dir.resolve("radar.svg").toString(),
                "--previous", previous.toString(), "--usage", Path.of("src/test/resources/render/summary.json").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("drew 164 entries (1 new or moved");
    }

    @Test
    void the_browser_counts_one_blip_per_entry_and_a_deep_link_explains_its_blip() throws Exception {
        String dom = chromium(List.of("--dump-dom", html.toUri() + "#mongodb"));
        assertThat(dom).contains("data-blips=\"164\"");
        String tooltip = dom.substring(dom.indexOf("<div id=\"tooltip\""));
        tooltip = tooltip.substring(0, tooltip.indexOf("</div>"));
        assertThat(tooltip).doesNotContain("hidden")
                .contains("MongoDB")
                .contains("Postgres covers our document needs")
                .contains("Use instead: PostgreSQL (postgres)")
                .contains("Used by 2 repositories");
    }

    @Test
    void the_screenshot_shows_the_rings_and_coloured_blips() throws Exception {
        Path shot = dir.resolve("radar.png");
        chromium(List.of("--window-size=1560,1100", "--hide-scrollbars", "--screenshot=" + shot, html.toUri() + "#kotlin"));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1560);
        int hold = 0;
        int adopt = 0;
        int ringBand = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                hold += near(rgb, 0xc0392b) ? 1 : 0;
                adopt += near(rgb, 0x3d8b00) ? 1 : 0;
                ringBand += near(rgb, 0xe4eedb) ? 1 : 0;
            }
        }
        assertThat(hold).as("red hold blips").isGreaterThan(500);
        assertThat(adopt).as("green adopt blips").isGreaterThan(1000);
        assertThat(ringBand).as("the adopt ring's background").isGreaterThan(10_000);
        Files.copy(shot, Path.of("target", "radar-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean near(int rgb, int target) {
        int dr = Math.abs((rgb >> 16 & 0xff) - (target >> 16 & 0xff));
        int dg = Math.abs((rgb >> 8 & 0xff) - (target >> 8 & 0xff));
        int db = Math.abs((rgb & 0xff) - (target & 0xff));
        return dr + dg + db < 24;
    }

    private static String chromium(List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(extra);
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as("chromium exit; stderr: %s", Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> findChromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(dirName, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
