package dev.radar.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.radar.yaml.YamlNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document tree with the line of every node, read from YAML (through {@link dev.radar.yaml.YamlReader}) or
 * from JSON (through Jackson, because JSON's {@code \/} escapes and tab indentation are not YAML 1.1).
 * Mapping keys keep their own lines, so a finding can point at {@code get:} rather than at its body.
 */
final class Tree {

    /** One entry of a mapping: the key text, the key's line, and the value. */
    record Entry(String key, int line, Tree value) {}

    private static final int MAX_DEPTH = 64;

    private final int line;
    private final String text;
    private final List<Entry> entries;
    private final List<Tree> items;

    private Tree(int line, String text, List<Entry> entries, List<Tree> items) {
        this.line = line;
        this.text = text;
        this.entries = entries;
        this.items = items;
    }

    int line() {
        return line;
    }

    boolean isMapping() {
        return entries != null;
    }

    boolean isSequence() {
        return items != null;
    }

    /** The scalar text, or empty for mappings, sequences and nulls. */
    String text() {
        return text == null ? "" : text;
    }

    List<Entry> entries() {
        return entries == null ? List.of() : entries;
    }

    List<Tree> items() {
        return items == null ? List.of() : items;
    }

    /** The value of a mapping key, or null. */
    Tree get(String key) {
        for (Entry e : entries()) {
            if (e.key().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** The text of a scalar child, or empty. */
    String text(String key) {
        Tree t = get(key);
        return t == null ? "" : t.text();
    }

    /** The key of a mapping entry, or null. */
    Entry entry(String key) {
        for (Entry e : entries()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The tree of a YAML node. YAML merge keys ({@code <<: *errors}, or a list of aliases) are applied: the
     * merged mappings' entries join the mapping unless it sets the same key itself, as YAML 1.1 loaders do.
     */
    static Tree of(YamlNode node) {
        if (node.isMapping()) {
            List<Entry> out = new ArrayList<>();
            for (Map.Entry<YamlNode, YamlNode> e : YamlLookup.entries(node)) {
                out.add(new Entry(e.getKey().text(), e.getKey().line(), of(e.getValue())));
            }
            return new Tree(node.line(), null, out, null);
        }
        if (node.isSequence()) {
            List<Tree> out = new ArrayList<>();
            for (YamlNode i : node.items()) {
                out.add(of(i));
            }
            return new Tree(node.line(), null, null, out);
        }
        return new Tree(node.line(), node.text(), null, null);
    }

    /**
     * Parses JSON text.
     *
     * @throws JsonException naming the line when the text is not JSON, or nests too deep to read
     */
    static Tree json(String text) throws JsonException {
        try (JsonParser p = SafeJson.FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return read(p, t, 0);
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON: " + e.getOriginalMessage());
        } catch (JsonException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonException(0, "could not be read: " + e.getMessage()); // reading a String fails only on malformed input
        }
    }

    /**
     * JSON text that does not give a tree: the line (0 when unknown) and the problem, worded to follow the
     * file's description ({@code "API spec " + problem()} reads "API spec is not valid JSON: ...").
     */
    static final class JsonException extends IOException {
        private final int line;
        private final String problem;

        JsonException(int line, String problem) {
            super("line " + line + ": " + problem);
            this.line = line;
            this.problem = problem;
        }

        int line() {
            return line;
        }

        String problem() {
            return problem;
        }
    }

    private static Tree read(JsonParser p, JsonToken t, int depth) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new JsonException(line, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (t == JsonToken.START_OBJECT) {
            List<Entry> out = new ArrayList<>();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                Tree value = read(p, p.nextToken(), depth + 1);
                if (seen.put(key, true) == null) {
                    out.add(new Entry(key, keyLine, value));
                }
            }
            return new Tree(line, null, out, null);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Tree> out = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                out.add(read(p, i, depth + 1));
            }
            return new Tree(line, null, null, out);
        }
        return new Tree(line, t == JsonToken.VALUE_NULL ? "" : p.getText(), null, null);
    }
}
