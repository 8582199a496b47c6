package dev.radar.scan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The org dashboard ({@code index.html}): totals, the trend over past runs, compliance per team and per
 * repository, the most frequent findings, usage of every radar entry, technologies on no radar entry,
 * exceptions expiring soon and repositories that could not be scanned. One self-contained file: styles,
 * the small filter script and the SVG charts are inline, and a Content-Security-Policy forbids any network
 * request, so the page works offline and cannot be made to load anything by a repository's content.
 * Every number is also in summary.json; elements carry {@code id}s and {@code data-} attributes for tests.
 */
final class Dashboard {

    /** At most this many rows of the "not on the radar" table are drawn; summary.json has them all. */
    static final int MAX_TECH_ROWS = 300;

    private static final String STYLE = """
            :root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}
            header{padding:20px 32px;border-bottom:1px solid var(--line);background:var(--bg)}
            header h1{margin:0 0 4px;font-size:22px}
            header p{margin:0;color:var(--muted)}
            main{padding:8px 32px 48px;max-width:1280px}
            section{margin-top:28px}
            h2{font-size:17px;margin:0 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
            .tiles{display:flex;flex-wrap:wrap;gap:12px;margin-top:20px}
            .tile{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px;background:#fff}
            .tile .n{font-size:26px;font-weight:600;display:block}
            .tile .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:var(--bg);font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .ok{color:var(--ok)} .bad{color:var(--bad)} .warn{color:var(--warn)} .muted{color:var(--muted)}
            .ring{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;border:1px solid var(--line)}
            .ring-adopt{background:#dafbe1}.ring-trial{background:#ddf4ff}.ring-assess{background:#fff8c5}.ring-hold{background:#ffebe9}
            .sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--warn)}.sev-info{color:var(--muted)}
            code{font-size:12px;background:var(--bg);padding:1px 4px;border-radius:4px}
            svg .grid{stroke:#e6e9ed;stroke-width:1}
            svg .axis{font-size:11px;fill:var(--muted)}
            svg .axis.end{text-anchor:end} svg .axis.middle{text-anchor:middle}
            svg#trend{max-width:860px;height:auto;display:block}
            svg .legend{font-size:12px;font-weight:600}
            svg .legend.compliance{fill:var(--ok)} svg .legend.errors{fill:var(--bad);text-anchor:end}
            svg path.compliance{fill:none;stroke:var(--ok);stroke-width:2}
            svg path.errors{fill:none;stroke:var(--bad);stroke-width:1.5;stroke-dasharray:4 3}
            svg circle.compliance{fill:var(--ok)} svg circle.errors{fill:var(--bad)}
            svg.bar .track{fill:#eaeef2} svg.bar .fill{fill:var(--ok)}
            .filters{margin:0 0 8px;display:flex;gap:16px;align-items:center}
            input[type=search]{padding:4px 8px;border:1px solid var(--line);border-radius:6px;min-width:260px}
            details summary{cursor:pointer}
            .versions{color:var(--muted)}
            footer{color:var(--muted);font-size:12px;padding:16px 32px;border-top:1px solid var(--line)}
            """;

    private static final String SCRIPT = """
            (function () {
              var box = document.getElementById('repo-filter');
              var failing = document.getElementById('repo-failing');
              var rows = document.querySelectorAll('#repos tbody tr');
              function apply() {
                var q = box.value.trim().toLowerCase();
                var shown = 0;
                rows.forEach(function (row) {
                  var match = (!q || row.textContent.toLowerCase().indexOf(q) >= 0)
                      && (!failing.checked || row.getAttribute('data-compliant') !== 'true');
                  row.hidden = !match;
                  if (match) { shown++; }
                });
                document.getElementById('repo-shown').textContent = String(shown);
              }
              box.addEventListener('input', apply);
              failing.addEventListener('change', apply);
              apply();
            })();
            """;

    private Dashboard() {}

    static String html(OrgSummary s, List<History.Point> trend) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = s.radar().title().isBlank() ? "Org scan" : s.radar().title();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(hash(STYLE)).append("'; script-src '").append(hash(SCRIPT)).append("'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · org scan ").append(esc(s.today())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(h, s, title);
        h.append("<main>\n");
        trend(h, trend);
        teams(h, s);
        topFindings(h, s);
        repos(h, s);
        usage(h, s);
        notOnRadar(h, s);
        expiring(h, s);
        failures(h, s);
        h.append("</main>\n<footer>Written by ").append(esc(s.tool().name())).append(' ').append(esc(s.tool().version()))
                .append(" on ").append(esc(s.today())).append(". Every number on this page is in <a href=\"summary.json\">summary.json</a>")
                .append(" (schemaVersion ").append(s.schemaVersion()).append(").</footer>\n");
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, OrgSummary s, String title) {
        OrgSummary.Totals t = s.totals();
        h.append("<header>\n<h1>").append(esc(title)).append(": org scan</h1>\n<p>")
                .append("<span id=\"today\">").append(esc(s.today())).append("</span> · radar <code>").append(esc(s.radar().source()))
                .append("</code> · source <code>").append(esc(s.source())).append("</code>");
        if (s.shard() != null) {
            h.append(" · shard <span id=\"shard\">").append(esc(s.shard())).append("</span>");
        }
        h.append("</p>\n<div class=\"tiles\">\n");
        tile(h, "total-repos", String.valueOf(t.repos()), "repositories", "");
        tile(h, "total-compliance", TrendChart.percent(t.compliance()), "compliant (" + t.compliant() + " of " + t.checked() + ")",
                t.compliant() == t.checked() ? "ok" : "bad");
        tile(h, "total-error", String.valueOf(t.error()), "open errors", t.error() == 0 ? "ok" : "bad");
        tile(h, "total-warning", String.valueOf(t.warning()), "warnings", t.warning() == 0 ? "" : "warn");
        tile(h, "total-info", String.valueOf(t.info()), "info", "");
        tile(h, "total-excepted", String.valueOf(t.excepted()), "excepted", "");
        tile(h, "total-failed", String.valueOf(t.failed()), "not scanned", t.failed() == 0 ? "" : "bad");
        h.append("</div>\n<p class=\"muted\"><span id=\"total-compliant\" hidden>").append(t.compliant())
                .append("</span><span id=\"total-checked\" hidden>").append(t.checked()).append("</span>")
                .append("A repository is compliant when it has no open error-level finding. ")
                .append(t.dependencies()).append(" dependencies seen.</p>\n</header>\n");
    }

    private static void tile(StringBuilder h, String id, String value, String label, String cls) {
        h.append("<div class=\"tile\"><span class=\"n ").append(cls).append("\" id=\"").append(id).append("\">").append(esc(value))
                .append("</span><span class=\"l\">").append(esc(label)).append("</span></div>\n");
    }

    private static void trend(StringBuilder h, List<History.Point> trend) {
        h.append("<section id=\"trend-section\">\n<h2>Trend</h2>\n").append(TrendChart.svg(trend)).append("\n</section>\n");
    }

    private static void teams(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Compliance per team</h2>\n<table id=\"teams\">\n<thead><tr><th>team</th><th class=\"num\">repos</th>")
                .append("<th class=\"num\">compliant</th><th>compliance</th><th class=\"num\">errors</th><th class=\"num\">warnings</th>")
                .append("<th class=\"num\">info</th><th class=\"num\">excepted</th><th class=\"num\">not scanned</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.TeamRow t : s.teams()) {
            h.append("<tr data-team=\"").append(esc(t.team())).append("\"><td>")
                    .append(t.team().isEmpty() ? "<span class=\"muted\">(no team)</span>" : esc(t.team()))
                    .append("</td><td class=\"num repos\">").append(t.repos())
                    .append("</td><td class=\"num compliant\">").append(t.compliant()).append(" / ").append(t.checked())
                    .append("</td><td><span class=\"compliance\">").append(TrendChart.percent(t.compliance())).append("</span> ")
                    .append(TrendChart.bar(t.compliance()))
                    .append("</td><td class=\"num errors\">").append(t.error())
                    .append("</td><td class=\"num warnings\">").append(t.warning())
                    .append("</td><td class=\"num info\">").append(t.info())
                    .append("</td><td class=\"num excepted\">").append(t.excepted())
                    .append("</td><td class=\"num failed\">").append(t.failed()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void topFindings(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Top findings</h2>\n");
        if (s.topFindings().isEmpty()) {
            h.append("<p id=\"top-findings-none\">No open findings.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"top-findings\">\n<thead><tr><th>rule</th><th>severity</th><th>about</th><th>example</th>")
                .append("<th class=\"num\">repos</th><th class=\"num\">findings</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.TopFinding f : s.topFindings()) {
            String about = !f.entryId().isEmpty() ? f.entryId() : readable(f.subject());
            h.append("<tr data-rule=\"").append(esc(f.ruleId())).append("\" data-about=\"").append(esc(about)).append("\"><td><code>")
                    .append(esc(f.ruleId())).append("</code> ").append(esc(f.title()))
                    .append("</td><td class=\"sev-").append(esc(f.severity())).append("\">").append(esc(f.severity()))
                    .append("</td><td><code>").append(esc(about)).append("</code></td><td>").append(esc(f.example()))
                    .append("</td><td class=\"num repos\">").append(f.repos())
                    .append("</td><td class=\"num findings\">").append(f.findings()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void repos(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Repositories</h2>\n<div class=\"filters\"><input type=\"search\" id=\"repo-filter\" ")
                .append("placeholder=\"filter by name, team, tag\" aria-label=\"filter repositories\">")
                .append("<label><input type=\"checkbox\" id=\"repo-failing\"> only not compliant</label>")
                .append("<span class=\"muted\"><span id=\"repo-shown\">").append(s.repos().size()).append("</span> shown</span></div>\n")
                .append("<table id=\"repos\">\n<thead><tr><th>repository</th><th>team</th><th>status</th><th class=\"num\">errors</th>")
                .append("<th class=\"num\">warnings</th><th class=\"num\">info</th><th class=\"num\">excepted</th>")
                .append("<th class=\"num\">deps</th><th>revision</th><th>reports</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.RepoRow r : s.repos()) {
            boolean checked = RepoResult.CHECKED.equals(r.status());
            h.append("<tr data-repo=\"").append(esc(r.name())).append("\" data-compliant=\"").append(r.compliant()).append("\"><td>")
                    .append(esc(r.name()));
            for (String tag : r.tags()) {
                h.append(" <span class=\"ring\">").append(esc(tag)).append("</span>");
            }
            h.append("<br><span class=\"muted\">").append(esc(r.location())).append("</span></td><td>").append(esc(r.team()))
                    .append("</td><td class=\"status ");
            if (!checked) {
                h.append("bad\">not scanned<br><span class=\"muted\">").append(esc(r.failure())).append("</span>");
            } else {
                h.append(r.compliant() ? "ok\">compliant" : "bad\">not compliant");
                if (r.problems() > 0) {
                    h.append("<br><span class=\"warn\">incomplete: ").append(r.problems()).append(" unreadable file(s)</span>");
                }
            }
            h.append("</td><td class=\"num errors\">").append(r.error()).append("</td><td class=\"num warnings\">").append(r.warning())
                    .append("</td><td class=\"num info\">").append(r.info()).append("</td><td class=\"num excepted\">").append(r.excepted())
                    .append("</td><td class=\"num deps\">").append(r.dependencies()).append("</td><td><code>")
                    .append(esc(shortRevision(r.revision()))).append("</code></td><td>");
            if (r.report() != null) {
                h.append("<a href=\"").append(esc(r.report())).append("\">json</a> · <a href=\"").append(esc(r.sarif())).append("\">sarif</a>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void usage(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Radar usage</h2>\n<p class=\"muted\">Every radar entry, with the repositories that use it and ")
                .append("their versions. Entries no repository uses may be candidates for removal.</p>\n")
                .append("<table id=\"usage\">\n<thead><tr><th>entry</th><th>ring</th><th>quadrant</th><th class=\"num\">repos</th>")
                .append("<th>used by (versions)</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.EntryUsage u : s.radarUsage()) {
            h.append("<tr data-entry=\"").append(esc(u.entryId())).append("\"><td>").append(esc(u.name())).append("<br><code>")
                    .append(esc(u.entryId())).append("</code></td><td><span class=\"ring ring-").append(esc(u.ring())).append("\">")
                    .append(esc(u.ring())).append("</span></td><td>").append(esc(u.quadrant()))
                    .append("</td><td class=\"num repos\">").append(u.repos()).append("</td><td>");
            users(h, u.usedBy());
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void notOnRadar(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Not on the radar</h2>\n<p class=\"muted\">Direct dependencies no radar entry recognises ")
                .append("(<code>RAD-003</code>): decisions nobody has reviewed yet.</p>\n");
        if (s.notOnRadar().isEmpty()) {
            h.append("<p id=\"not-on-radar-none\">None: every direct dependency is on the radar.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"not-on-radar\">\n<thead><tr><th>ecosystem</th><th>package</th><th class=\"num\">repos</th>")
                .append("<th>used by (versions)</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        for (OrgSummary.Technology t : s.notOnRadar()) {
            if (shown++ == MAX_TECH_ROWS) {
                break;
            }
            h.append("<tr data-tech=\"").append(esc(t.ecosystem() + ":" + t.coordinate())).append("\"><td>").append(esc(t.ecosystem()))
                    .append("</td><td><code>").append(esc(t.coordinate())).append("</code></td><td class=\"num repos\">").append(t.repos())
                    .append("</td><td>");
            users(h, t.usedBy());
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (s.notOnRadar().size() > MAX_TECH_ROWS) {
            h.append("<p class=\"muted\">").append(s.notOnRadar().size() - MAX_TECH_ROWS)
                    .append(" more in summary.json (<code>notOnRadar</code>).</p>\n");
        }
        h.append("</section>\n");
    }

    private static void users(StringBuilder h, List<OrgSummary.RepoVersions> users) {
        if (users.isEmpty()) {
            h.append("<span class=\"muted\">no repository</span>");
            return;
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < users.size(); i++) {
            OrgSummary.RepoVersions u = users.get(i);
            list.append(i == 0 ? "" : ", ").append(esc(u.repo()));
            boolean any = false;
            for (String v : u.versions()) {
                if (!v.isEmpty()) {
                    list.append(any ? ", " : " <span class=\"versions\">(").append(esc(v));
                    any = true;
                }
            }
            if (any) {
                list.append(")</span>");
            }
        }
        if (users.size() > 12) {
            h.append("<details><summary>").append(users.size()).append(" repositories</summary>").append(list).append("</details>");
        } else {
            h.append(list);
        }
    }

    private static void expiring(StringBuilder h, OrgSummary s) {
        h.append("<section id=\"expiring\">\n<h2>Exceptions expiring in the next ").append(OrgSummary.EXPIRY_WINDOW_DAYS)
                .append(" days</h2>\n");
        if (s.expiringExceptions().isEmpty()) {
            h.append("<p id=\"expiring-none\">None.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"expiring-exceptions\">\n<thead><tr><th>exception</th><th>covers</th><th>expires</th>")
                .append("<th class=\"num\">days left</th><th class=\"num\">findings excepted</th><th>used by</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.ExpiringException x : s.expiringExceptions()) {
            String covers = (x.entry().isEmpty() ? "" : "entry " + x.entry()) + (x.entry().isEmpty() || x.rule().isEmpty() ? "" : ", ")
                    + (x.rule().isEmpty() ? "" : "rule " + x.rule());
            h.append("<tr data-exception=\"").append(esc(x.id())).append("\"><td><code>").append(esc(x.id())).append("</code><br>")
                    .append("<span class=\"muted\">").append(esc(x.file())).append(x.line() > 0 ? ":" + x.line() : "").append("</span></td><td>")
                    .append(esc(covers)).append("<br><span class=\"muted\">").append(esc(String.join(", ", x.repos())))
                    .append("</span></td><td>").append(esc(x.expires())).append("</td><td class=\"num days\">").append(x.daysLeft())
                    .append("</td><td class=\"num excepted\">").append(x.excepted()).append("</td><td>")
                    .append(esc(String.join(", ", x.usedBy()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void failures(StringBuilder h, OrgSummary s) {
        h.append("<section>\n<h2>Not scanned</h2>\n");
        if (s.failures().isEmpty()) {
            h.append("<p id=\"failures-none\">Every repository was scanned.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"failures\">\n<thead><tr><th>repository</th><th>stage</th><th>why</th></tr></thead>\n<tbody>\n");
        for (OrgSummary.FailureRow f : s.failures()) {
            h.append("<tr data-repo=\"").append(esc(f.repo())).append("\"><td>").append(esc(f.repo())).append("</td><td>")
                    .append(esc(f.stage())).append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** A dependency key ({@code maven|g:a}) as {@code g:a (maven)}; other subjects as they are. */
    private static String readable(String subject) {
        int bar = subject.indexOf('|');
        return bar > 0 ? subject.substring(bar + 1) + " (" + subject.substring(0, bar) + ")" : subject;
    }

    private static String shortRevision(String revision) {
        if (revision == null) {
            return "";
        }
        if (revision.startsWith("tree:")) {
            return "tree " + revision.substring(5, Math.min(revision.length(), 15));
        }
        return revision.substring(0, Math.min(12, revision.length()));
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    /** A CSP source expression allowing exactly this inline text. */
    static String hash(String inline) {
        return "sha256-" + Base64.getEncoder().encodeToString(Digests.sha256(inline.getBytes(StandardCharsets.UTF_8)));
    }
}
