package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The liveness, readiness and startup probes of a Kubernetes workload, as settings ({@code livenessProbe.httpGet.path =
 * /health}) at the line of each key: from a container of a manifest, from a Helm chart template (read line by line,
 * since a template is not YAML until Helm renders it; lines that are only template actions are skipped), and from a
 * chart's {@code values.yaml}, where {@code helm create} charts keep their probes. The observability rules count
 * such settings as the health and readiness endpoints of the service.
 */
final class KubernetesProbes {

    static final Set<String> PROBES = Set.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final Pattern PROBE_LINE = Pattern.compile("(\\s*)(?:-\\s+)?(livenessProbe|readinessProbe|startupProbe)\\s*:\\s*(#.*)?");
    private static final Pattern KEY_LINE = Pattern.compile("(?:-\\s+)?([A-Za-z0-9_.-]+)\\s*:(?:\\s+(.*))?");

    private KubernetesProbes() {}

    /** The probes of one container of a manifest, keyed under {@code prefix} ({@code Deployment/web.containers[0]}). */
    static void ofContainer(YamlNode container, String prefix, String path, Facts out) {
        for (Map.Entry<YamlNode, YamlNode> e : container.entries()) {
            if (PROBES.contains(e.getKey().text())) {
                flatten(prefix + "." + e.getKey().text(), e.getValue(), e.getKey().line(), path, out, 0);
            }
        }
    }

    /**
     * The probes set in a chart's values, wherever they sit ({@code livenessProbe:} at the top, or under a
     * component: {@code server.readinessProbe:}); a probe switched off with {@code enabled: false} does not count.
     */
    static void ofValues(YamlNode node, String prefix, String path, Facts out, int depth) {
        if (depth > YamlReader.MAX_DEPTH || !node.isMapping()) {
            return;
        }
        for (Map.Entry<YamlNode, YamlNode> e : node.entries()) {
            String key = e.getKey().text();
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (PROBES.contains(key)) {
                String enabled = YamlLookup.text(e.getValue(), "enabled");
                if (e.getValue().isMapping() && !"false".equalsIgnoreCase(enabled)) {
                    flatten(full, e.getValue(), e.getKey().line(), path, out, 0);
                }
            } else {
                ofValues(e.getValue(), full, path, out, depth + 1);
            }
        }
    }

    /**
     * The probes written out in a Helm template: each {@code livenessProbe:} line and the {@code key: value} lines
     * indented below it, nested by indentation. A probe that is only {@code {{ toYaml .Values.livenessProbe }}}
     * gives nothing here; its values are read from {@code values.yaml}.
     */
    static void ofTemplate(String text, String path, Facts out) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher probe = PROBE_LINE.matcher(lines[i]);
            if (!probe.matches()) {
                continue;
            }
            int base = probe.group(1).length();
            List<int[]> indents = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.length; j++) {
                String trimmed = lines[j].strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("{{")) {
                    continue;
                }
                int indent = lines[j].length() - lines[j].stripLeading().length();
                if (indent <= base) {
                    break;
                }
                boolean item = trimmed.startsWith("- ");
                // a list may sit at the indentation of its key (command:\n- podcli): an item does not close that key
                while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= (item ? indent + 1 : indent)) {
                    indents.remove(indents.size() - 1);
                    keys.remove(keys.size() - 1);
                }
                String parent = probe.group(2) + (keys.isEmpty() ? "" : "." + String.join(".", keys));
                Matcher kv = KEY_LINE.matcher(trimmed);
                if (kv.matches()) {
                    String value = kv.group(2) == null ? "" : kv.group(2).strip();
                    if (value.isEmpty()) {
                        indents.add(new int[] {indent});
                        keys.add(kv.group(1));
                    } else {
                        add(out, path, j + 1, parent + "." + kv.group(1), value);
                    }
                } else if (item) {
                    add(out, path, j + 1, parent, trimmed.substring(2).strip());
                }
            }
            // the block's lines are read: a probe key inside it is not a probe of its own, and reading the text once
            // keeps a template of nested "livenessProbe:" lines linear rather than quadratic
            i = j - 1;
        }
    }

    private static void flatten(String key, YamlNode node, int line, String path, Facts out, int depth) {
        if (depth > YamlReader.MAX_DEPTH) {
            return;
        }
        if (node.isMapping()) {
            for (Map.Entry<YamlNode, YamlNode> e : node.entries()) {
                flatten(key + "." + e.getKey().text(), e.getValue(), e.getKey().line(), path, out, depth + 1);
            }
        } else if (node.isSequence()) {
            List<YamlNode> items = node.items();
            for (int i = 0; i < items.size(); i++) {
                flatten(key + "[" + i + "]", items.get(i), items.get(i).line(), path, out, depth + 1);
            }
        } else {
            add(out, path, line, key, node.text() == null ? "" : node.text());
        }
    }

    private static void add(Facts out, String path, int line, String key, String value) {
        out.add(new ConfigSetting(out.repo(), path, line, key, value));
    }
}
