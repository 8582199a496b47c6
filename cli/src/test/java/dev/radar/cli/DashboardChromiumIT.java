package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the org dashboard of the example organisation in headless Chromium (Debian's chromium and
 * chromium-driver, installed by .ci/run) and checks that it loads without console errors, that every number
 * it shows matches summary.json, and that its filter works. Skipped only outside CI when the browser is not
 * installed; in CI ({@code CI=true}) a missing browser fails the test.
 */
class DashboardChromiumIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RADAR_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RADAR_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Selenium warns that it has no DevTools bindings for this Chromium; the test uses WebDriver only. */
    static final java.util.logging.Logger CDP_FINDER = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(Level.OFF);
    }

    @TempDir
    Path tmp;

    ChromeDriver browser;
    JsonNode summary;

    @BeforeEach
    void scan_the_example_organisation_and_open_its_dashboard() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs them "
                    + "with 'apt-get install -y chromium chromium-driver'");
        }
        assumeTrue(installed, "SKIPPED: the dashboard browser test needs Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + "); install them with 'apt-get install -y chromium chromium-driver'");

        Path root = ScanIT.repoRoot();
        Path out = tmp.resolve("out");
        for (String day : List.of("2026-11-21", "2026-11-22")) {
            var run = CliScenariosIT.run("scan", root.resolve("examples/org").toString(), "-o", out.toString(),
                    "--radar", root.resolve("radar.yaml").toString(), "--today", day, "--progress", "none");
            assertThat(run.exit()).as(run.err()).isZero();
        }
        summary = ScanIT.JSON.readTree(out.resolve("summary.json").toFile());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")), "--window-size=1400,2400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.get(out.resolve("index.html").toUri().toString());
    }

    @AfterEach
    void close_the_browser() throws Exception {
        if (browser != null) {
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getAttribute("textContent").trim();
    }

    private static String percent(JsonNode n) {
        return n.isNull() ? "–" : n.decimalValue().toPlainString() + "%";
    }

    @Test
    void the_dashboard_loads_without_console_errors_and_shows_the_numbers_of_summary_json() {
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("console errors and warnings").isEmpty();
        assertThat(browser.getTitle()).contains("org scan 2026-11-22");

        JsonNode totals = summary.get("totals");
        assertThat(text("total-repos")).isEqualTo(totals.get("repos").asText());
        assertThat(text("total-compliance")).isEqualTo(percent(totals.get("compliance")));
        assertThat(text("total-compliant")).isEqualTo(totals.get("compliant").asText());
        assertThat(text("total-checked")).isEqualTo(totals.get("checked").asText());
        assertThat(text("total-error")).isEqualTo(totals.get("error").asText());
        assertThat(text("total-warning")).isEqualTo(totals.get("warning").asText());
        assertThat(text("total-info")).isEqualTo(totals.get("info").asText());
        assertThat(text("total-excepted")).isEqualTo(totals.get("excepted").asText());
        assertThat(text("total-failed")).isEqualTo(totals.get("failed").asText());

        List<WebElement> teamRows = browser.findElements(By.cssSelector("#teams tbody tr"));
        assertThat(teamRows).hasSize(summary.get("teams").size());
        for (JsonNode team : summary.get("teams")) {
            WebElement row = browser.findElement(By.cssSelector("#teams tr[data-team='" + team.get("team").asText() + "']"));
            assertThat(cell(row, "repos")).isEqualTo(team.get("repos").asText());
            assertThat(cell(row, "compliant")).isEqualTo(team.get("compliant").asText() + " / " + team.get("checked").asText());
            assertThat(cell(row, "compliance")).isEqualTo(percent(team.get("compliance")));
            assertThat(cell(row, "errors")).isEqualTo(team.get("error").asText());
            assertThat(cell(row, "warnings")).isEqualTo(team.get("warning").asText());
        }

        assertThat(browser.findElements(By.cssSelector("#repos tbody tr"))).hasSize(summary.get("repos").size());
        for (JsonNode repo : summary.get("repos")) {
            WebElement row = browser.findElement(By.cssSelector("#repos tr[data-repo='" + repo.get("name").asText() + "']"));
            assertThat(cell(row, "errors")).isEqualTo(repo.get("error").asText());
            assertThat(cell(row, "warnings")).isEqualTo(repo.get("warning").asText());
            assertThat(cell(row, "info")).isEqualTo(repo.get("info").asText());
            assertThat(cell(row, "deps")).isEqualTo(repo.get("dependencies").asText());
            assertThat(row.getAttribute("data-compliant")).isEqualTo(repo.get("compliant").asText());
        }

        assertThat(browser.findElements(By.cssSelector("#usage tbody tr"))).hasSize(summary.get("radarUsage").size());
        for (JsonNode entry : summary.get("radarUsage")) {
            WebElement row = browser.findElement(By.cssSelector("#usage tr[data-entry='" + entry.get("entryId").asText() + "']"));
            assertThat(cell(row, "repos")).isEqualTo(entry.get("repos").asText());
        }
        List<WebElement> top = browser.findElements(By.cssSelector("#top-findings tbody tr"));
        assertThat(top).hasSize(summary.get("topFindings").size());
        for (int i = 0; i < top.size(); i++) {
            assertThat(top.get(i).getAttribute("data-rule")).isEqualTo(summary.get("topFindings").get(i).get("ruleId").asText());
            assertThat(cell(top.get(i), "repos")).isEqualTo(summary.get("topFindings").get(i).get("repos").asText());
        }
        assertThat(browser.findElements(By.cssSelector("#not-on-radar tbody tr"))).hasSize(summary.get("notOnRadar").size());
        if (summary.get("expiringExceptions").isEmpty()) {
            assertThat(text("expiring-none")).isEqualTo("None.");
        }
        assertThat(browser.findElement(By.id("trend")).getAttribute("data-points")).isEqualTo("2");
    }

    @Test
    void the_filter_shows_only_matching_repositories() {
        int all = summary.get("repos").size();
        int notCompliant = 0;
        for (JsonNode repo : summary.get("repos")) {
            notCompliant += repo.get("compliant").asBoolean() ? 0 : 1;
        }

        browser.findElement(By.id("repo-failing")).click();
        assertThat(text("repo-shown")).isEqualTo(String.valueOf(notCompliant));
        assertThat(browser.findElements(By.cssSelector("#repos tbody tr:not([hidden])"))).hasSize(notCompliant);
        browser.findElement(By.id("repo-failing")).click();
        browser.findElement(By.id("repo-filter")).sendKeys("payments-api");

        assertThat(text("repo-shown")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#repos tbody tr:not([hidden])"))).singleElement()
                .satisfies(row -> assertThat(row.getAttribute("data-repo")).isEqualTo("payments-api"));
        assertThat(all).isGreaterThan(1);
    }

    private static String cell(WebElement row, String cls) {
        return row.findElement(By.cssSelector("." + cls)).getAttribute("textContent").trim();
    }
}
