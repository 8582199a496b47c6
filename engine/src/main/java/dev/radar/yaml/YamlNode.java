package dev.radar.yaml;

import dev.radar.model.ConfigProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML node with its 1-based line and column, and typed accessors that never throw on wrong shapes. */
public final class YamlNode {
    private final String file;
    private final Node node;

    YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public int column() {
        return node.getStartMark().getColumn() + 1;
    }

    public String file() {
        return file;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The scalar's text, or null when this is not a scalar. YAML null ({@code ~}, empty) is empty text. */
    public String text() {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return isNullScalar(s) ? "" : v;
        }
        return null;
    }

    private static boolean isNullScalar(ScalarNode s) {
        return s.getTag().getValue().endsWith(":null") || "~".equals(s.getValue()) && s.getScalarStyle().getChar() == null;
    }

    /** Whether the node is written with this explicit local tag ({@code !reset}); tags YAML resolves itself do not count. */
    public boolean hasTag(String tag) {
        return node.getTag().getValue().equals(tag);
    }

    /** What the node is, for error messages: "a list", "a mapping", "text". */
    public String kind() {
        return isMapping() ? "a mapping" : isSequence() ? "a list" : "text";
    }

    /** Children of a sequence; empty for other nodes. */
    public List<YamlNode> items() {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>(s.getValue().size());
            for (Node child : s.getValue()) {
                out.add(new YamlNode(file, child));
            }
            return out;
        }
        return List.of();
    }

    /** Key nodes and value nodes of a mapping, in order; keys that are not scalars are skipped. */
    public List<Map.Entry<YamlNode, YamlNode>> entries() {
        if (node instanceof MappingNode m) {
            List<Map.Entry<YamlNode, YamlNode>> out = new ArrayList<>(m.getValue().size());
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode) {
                    out.add(Map.entry(new YamlNode(file, t.getKeyNode()), new YamlNode(file, t.getValueNode())));
                }
            }
            return out;
        }
        return List.of();
    }

    /**
     * A mapping as key to value, in order, with duplicate and non-text keys reported.
     *
     * @param problems where to add an error for each duplicate key (the later one wins nothing: it is an error)
     */
    public Map<String, YamlNode> mapping(List<ConfigProblem> problems) {
        if (!(node instanceof MappingNode m)) {
            return Collections.emptyMap();
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            YamlNode key = new YamlNode(file, t.getKeyNode());
            if (!key.isScalar()) {
                problems.add(key.problem("keys must be text, found " + key.kind()));
                continue;
            }
            YamlNode previous = out.putIfAbsent(key.text(), new YamlNode(file, t.getValueNode()));
            if (previous != null) {
                problems.add(key.problem("duplicate key '" + key.text() + "' (first at line " + (previous.line() - 0) + ")"));
            }
        }
        return out;
    }

    /** The key node's position for a mapping entry: useful to point at {@code ring:} rather than its value. */
    public ConfigProblem problem(String message) {
        return new ConfigProblem(file, line(), column(), message);
    }

    /** A problem at a character offset inside this scalar (for errors found inside a value, such as a version range). */
    public ConfigProblem problemAt(int offset, String message) {
        int extra = node instanceof ScalarNode s && s.getScalarStyle().getChar() != null ? 1 : 0;
        return new ConfigProblem(file, line(), column() + extra + Math.max(0, offset), message);
    }
}
