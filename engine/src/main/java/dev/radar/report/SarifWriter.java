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
import java.util.concurrent.atomic.AtomicReference;

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

    /**
     * Nesting of the driver's {@code rules} array in the document ({@code root > runs[0] > tool > driver}): the levels of
     * indentation its lines get beyond the same array written on its own.
     */
    static final int RULES_NESTING = 4;

    /** The rules array of the last rule list written (one per scan), as the pretty printer wrote it at its nesting. */
    private record RulesText(List<RuleInfo> rules, Json.Raw json) {}

    private static final AtomicReference<RulesText> LAST_RULES = new AtomicReference<>();

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        int position = 0;
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), position++);
        }
        // every repository of a scan has the same rules, most of its SARIF: they are serialised once (issue 7)
        Object rules;
        RulesText last = LAST_RULES.get();
        if (last != null && last.rules().equals(report.rules())) {
            rules = last.json();
        } else {
            List<Map<String, Object>> maps = rules(report.rules());
            String alone = Json.text(maps);
            LAST_RULES.set(new RulesText(List.copyOf(report.rules()),
                    new Json.Raw(alone.replace("\n", "\n" + "  ".repeat(RULES_NESTING)))));
            rules = maps;
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
        Json.write(out, root);
        out.write("\n");
    }

    private static List<Map<String, Object>> rules(List<RuleInfo> infos) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleInfo r : infos) {
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
        return rules;
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
        return !file.isEmpty() && !file.startsWith("/") && !file.startsWith("../") && !isWindowsAbsolute(file);
    }

    /** {@code file.matches("^[A-Za-z]:[/\\\\].*")} without compiling the regex per finding. */
    private static boolean isWindowsAbsolute(String file) {
        if (file.length() < 3 || !isAsciiLetter(file.charAt(0)) || file.charAt(1) != ':' || file.charAt(2) != '/' && file.charAt(2) != '\\') {
            return false;
        }
        for (int i = 3; i < file.length(); i++) {
            char c = file.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false; // regex '.' does not match a line break
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
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

    /** The title's ASCII words, each capitalised, joined: what {@code split("[^A-Za-z0-9]+")} gave, without the regex. */
    static String pascal(String title) {
        StringBuilder b = new StringBuilder(title.length());
        boolean wordStart = true;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (isAsciiLetter(c) || c >= '0' && c <= '9') {
                b.append(wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return b.toString();
    }
}
