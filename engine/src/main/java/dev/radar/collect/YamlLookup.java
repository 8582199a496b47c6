package dev.radar.collect;

import dev.radar.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small lookups on YAML mappings for collectors: a key's entry, with YAML merge keys ({@code <<}) followed. */
final class YamlLookup {
    private static final int MAX_MERGE_DEPTH = 8;

    private YamlLookup() {}

    /** The entry (key node, value node) for a key of a mapping, or null; the first one wins. */
    static Map.Entry<YamlNode, YamlNode> entry(YamlNode mapping, String key) {
        return entry(mapping, key, 0);
    }

    private static Map.Entry<YamlNode, YamlNode> entry(YamlNode mapping, String key, int depth) {
        if (mapping == null || !mapping.isMapping()) {
            return null;
        }
        List<Map.Entry<YamlNode, YamlNode>> entries = mapping.entries();
        for (Map.Entry<YamlNode, YamlNode> e : entries) {
            if (key.equals(e.getKey().text())) {
                return e;
            }
        }
        if (depth < MAX_MERGE_DEPTH) {
            for (Map.Entry<YamlNode, YamlNode> e : entries) {
                if ("<<".equals(e.getKey().text())) {
                    YamlNode merged = e.getValue();
                    for (YamlNode source : merged.isSequence() ? merged.items() : List.of(merged)) {
                        Map.Entry<YamlNode, YamlNode> found = entry(source, key, depth + 1);
                        if (found != null) {
                            return found;
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * A mapping's entries with YAML merge keys applied, as YAML 1.1 loaders (and Spring's SnakeYAML) apply them: its
     * own entries in order, then those of the mappings merged with {@code <<} (one, or a list of them) whose keys it
     * does not set itself, the merged mappings' own merge keys applied in turn. A {@code <<} whose value is a scalar is
     * an ordinary key.
     */
    static List<Map.Entry<YamlNode, YamlNode>> entries(YamlNode mapping) {
        return entries(mapping, 0);
    }

    private static List<Map.Entry<YamlNode, YamlNode>> entries(YamlNode mapping, int depth) {
        List<Map.Entry<YamlNode, YamlNode>> all = mapping.entries();
        if (all.stream().noneMatch(YamlLookup::isMerge)) {
            return all;
        }
        List<Map.Entry<YamlNode, YamlNode>> out = new ArrayList<>();
        List<YamlNode> merged = new ArrayList<>();
        for (Map.Entry<YamlNode, YamlNode> e : all) {
            if (isMerge(e)) {
                merged.addAll(e.getValue().isSequence() ? e.getValue().items() : List.of(e.getValue()));
            } else {
                out.add(e);
            }
        }
        Set<String> keys = new HashSet<>();
        out.forEach(e -> keys.add(e.getKey().text()));
        for (YamlNode source : merged) {
            if (source.isMapping() && depth < MAX_MERGE_DEPTH) {
                for (Map.Entry<YamlNode, YamlNode> e : entries(source, depth + 1)) {
                    if (keys.add(e.getKey().text())) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isMerge(Map.Entry<YamlNode, YamlNode> e) {
        return "<<".equals(e.getKey().text()) && (e.getValue().isMapping() || e.getValue().isSequence());
    }

    /**
     * Where a node is written, as {@code line:column}: a node reached through an alias or a merge key has the
     * position of its anchored original, so one declaration used several times has one position.
     */
    static String position(YamlNode node) {
        return node.line() + ":" + node.column();
    }

    /** The value of a key of a mapping, or null. */
    static YamlNode get(YamlNode mapping, String key) {
        Map.Entry<YamlNode, YamlNode> e = entry(mapping, key);
        return e == null ? null : e.getValue();
    }

    /** The text of a scalar value of a mapping, or null when missing or not a scalar. */
    static String text(YamlNode mapping, String key) {
        YamlNode v = get(mapping, key);
        return v == null ? null : v.text();
    }
}
