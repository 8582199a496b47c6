package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private static OrgSummary summary(String repoName, String message) {
        var totals = new OrgSummary.Totals(1, 1, 0, 0, new BigDecimal("0.0"), 1, 0, 0, 0, 1);
        var repo = new OrgSummary.RepoRow(repoName, "team<b>", List.of("x\"y"), "https://***@host/r.git", "", "abc", "checked", false,
                1, 0, 0, 0, 1, 0, "2026-11-22", "repos/" + repoName + ".json", "repos/" + repoName + ".sarif", null);
        var top = new OrgSummary.TopFinding("RAD-001", "error", "Dependency on a hold entry", "log4j-1", "", message, 1, 1);
        return new OrgSummary(1, new OrgSummary.ToolInfo("radar", "dev"), "2026-11-22",
                new OrgSummary.RadarInfo("<Acme>", "radar.yaml", "c0ffee"), "org/", null, totals,
                List.of(new OrgSummary.TeamRow("team<b>", 1, 1, 0, 0, new BigDecimal("0.0"), 1, 0, 0, 0)), List.of(repo), List.of(top),
                List.of(new OrgSummary.EntryUsage("log4j-1", "Log4j 1.x", "languages-frameworks", "hold", 1,
                        List.of(new OrgSummary.RepoVersions(repoName, List.of("1.2.17"))))),
                List.of(), List.of(), List.of());
    }

    @Test
    void text_from_repositories_is_escaped_so_it_cannot_inject_markup_or_scripts() {
        String html = Dashboard.html(summary("evil", "<script>alert(1)</script><img src=x onerror=alert(2)>"), List.of());

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("team<b>").doesNotContain("<Acme>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("team&lt;b&gt;").contains("x&quot;y");
    }

    @Test
    void the_page_loads_nothing_from_the_network_and_allows_only_its_own_inline_style_and_script() {
        String html = Dashboard.html(summary("svc", "m"), List.of());

        assertThat(html).doesNotContainPattern(Pattern.compile("(src|href)=\"(https?:)?//"));
        assertThat(html).contains("default-src 'none'");
        assertThat(html).containsOnlyOnce("<script>").containsOnlyOnce("<style>");
        var csp = Pattern.compile("script-src '(sha256-[^']+)'").matcher(html);
        assertThat(csp.find()).isTrue();
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
        assertThat(Dashboard.hash(script)).isEqualTo(csp.group(1));
    }

    @Test
    void without_exceptions_or_failures_the_page_says_none() {
        String html = Dashboard.html(summary("svc", "m"), List.of());

        assertThat(html).contains("id=\"expiring-none\">None.").contains("id=\"failures-none\"").contains("id=\"not-on-radar-none\"");
    }

    @Test
    void the_trend_chart_draws_one_point_per_day() {
        var points = List.of(
                new History.Point("2026-11-20", 3, 3, 0, 1, new BigDecimal("33.3"), 4, 1, 0, 0),
                new History.Point("2026-11-21", 3, 3, 0, 2, new BigDecimal("66.7"), 2, 1, 0, 0),
                new History.Point("2026-11-22", 3, 3, 0, 3, new BigDecimal("100.0"), 0, 1, 0, 0));

        String svg = TrendChart.svg(points);

        assertThat(svg).contains("data-points=\"3\"").contains("data-compliance=\"66.7\"").contains("data-errors=\"4\"");
        assertThat(Pattern.compile("<circle class=\"compliance\"").matcher(svg).results().count()).isEqualTo(3);
        assertThat(TrendChart.svg(List.of())).contains("no runs recorded yet");
    }
}
