package dev.radar.report;

import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning: relative URIs against {@code %SRCROOT%}, {@code startLine >= 1} (no region
 * when the line is unknown), stable {@code partialFingerprints}. Excepted findings are left out because
 * GitHub ignores {@code suppressions}.
 */
public final class SarifWriter implements ReportWriter {
    public static final String NAME = "sarif";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "radarFingerprint/v1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SARIF 2.1.0 for GitHub code scanning (excepted findings left out)";
    }

    @Override
    public String extension() {
        return "sarif";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), rules.size());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("name", pascal(r.title()));
            rule.put("shortDescription", text(r.title()));
            rule.put("fullDescription", text(r.rationale()));
            rule.put("help", text(r.remediation()));
            rule.put("defaultConfiguration", Map.of("level", level(r.severity())));
            rule.put("properties", Map.of("concern", r.concern()));
            rules.add(rule);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.status() == FindingStatus.EXCEPTED) {
                continue;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.ruleId());
            if (index.containsKey(f.ruleId())) {
                result.put("ruleIndex", index.get(f.ruleId()));
            }
            result.put("level", level(f.severity()));
            String message = f.message() + (f.remediation().isEmpty() ? "" : " " + f.remediation());
            result.put("message", text(message));
            if (insideRepository(f.file())) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", Json.ordered("uri", uri(f.file()), "uriBaseId", "%SRCROOT%"));
                if (f.line() >= 1) {
                    physical.put("region", Map.of("startLine", f.line()));
                }
                result.put("locations", List.of(Map.of("physicalLocation", physical)));
            }
            result.put("partialFingerprints", Map.of(FINGERPRINT_KEY, f.fingerprint()));
            if (!f.entryId().isEmpty()) {
                result.put("properties", Map.of("radarEntry", f.entryId()));
            }
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", Tool.NAME);
        driver.put("version", Tool.version());
        driver.put("informationUri", Tool.URI);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "radar/" + report.repo() + "/"));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        Json.MAPPER.writeValue(out, root);
        out.write("\n");
    }

    private static Map<String, Object> text(String s) {
        return Map.of("text", s == null || s.isEmpty() ? "-" : s);
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * Whether a path is relative to the repository root. Findings about a central exceptions file given as an
     * absolute or {@code ../} path have no location inside the repository, like findings without a file.
     */
    static boolean insideRepository(String file) {
        return !file.isEmpty() && !file.startsWith("/") && !file.startsWith("../") && !file.matches("^[A-Za-z]:[/\\\\].*");
    }

    /** Percent-encodes characters that may not appear in a relative URI reference; keeps '/'. */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte c : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int ch = c & 0xff;
            if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || "-._~/!$&'()*+,;=:@".indexOf(ch) >= 0) {
                b.append((char) ch);
            } else {
                b.append('%').append(String.format("%02X", ch));
            }
        }
        return b.toString();
    }

    private static String pascal(String title) {
        StringBuilder b = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }
}
