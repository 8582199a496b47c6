package dev.radar.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.radar.model.Dependency;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CycloneDX SBOMs ({@code bom.json}, {@code *.cdx.json}, {@code bom.xml}, {@code *.cdx.xml}, spec
 * 1.4 to 1.6): every component with a package URL of a known type is a dependency in that ecosystem at the
 * line of the component. Components the described root component depends on directly are direct; the
 * others are indirect, their {@code via} being the shortest path to them in the dependency graph. XML is
 * read with DTDs and external entities disabled.
 */
public final class CycloneDxCollector implements Collector {

    private static final int MAX_DEPTH = 256;
    private static final JsonFactory JSON = SafeJson.FACTORY;

    @Override
    public String name() {
        return "cyclonedx";
    }

    @Override
    public boolean wants(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return base.equals("bom.json") || base.equals("bom.xml") || base.endsWith(".cdx.json") || base.endsWith(".cdx.xml");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            try {
                String text = tree.read(path);
                Optional<Sbom> sbom = path.toLowerCase(Locale.ROOT).endsWith(".json") ? json(text) : xml(text);
                sbom.ifPresent(s -> s.emit(path, out));
            } catch (IOException e) {
                out.problem(path, 0, "SBOM could not be read: " + e.getMessage());
            } catch (SbomException e) {
                out.problem(path, e.line, "SBOM " + e.getMessage());
            }
        }
    }

    /** A component as the SBOM lists it, at the line it starts on. */
    private record Component(String bomRef, String name, String group, String version, String purl, String scope, int line) {}

    /** The components, the root's reference and the dependency graph (reference to references). */
    private record Sbom(String root, List<Component> components, Map<String, List<String>> graph) {

        void emit(String path, Facts out) {
            Map<String, String> names = new HashMap<>();
            for (Component c : components) {
                if (!c.bomRef().isEmpty()) {
                    names.putIfAbsent(c.bomRef(), PackageUrl.parse(c.purl())
                            .map(p -> p.ecosystem().coordinate(p.group(), p.name()))
                            .orElse(c.group().isEmpty() ? c.name() : c.group() + "/" + c.name()));
                }
            }
            Map<String, String> parents = shortestPaths();
            for (Component c : components) {
                Optional<PackageUrl> purl = PackageUrl.parse(c.purl());
                if (purl.isEmpty() || !c.bomRef().isEmpty() && c.bomRef().equals(root)) {
                    continue;
                }
                PackageUrl p = purl.get();
                String version = !p.version().isEmpty() ? p.version() : c.version();
                boolean direct = root != null && !c.bomRef().isEmpty() && root.equals(parents.get(c.bomRef()));
                List<String> via = new ArrayList<>();
                if (!direct && parents.containsKey(c.bomRef())) {
                    for (String at = parents.get(c.bomRef()); at != null && !at.equals(root); at = parents.get(at)) {
                        via.add(0, names.getOrDefault(at, at));
                    }
                }
                out.add(new Dependency(out.repo(), p.ecosystem(), p.group(), p.name(), version, version,
                        c.scope().isEmpty() ? "required" : c.scope(), direct, path, c.line(), via));
            }
        }

        /** Breadth-first from the root: each reachable reference to the reference it was first reached from. */
        private Map<String, String> shortestPaths() {
            Map<String, String> parents = new HashMap<>();
            if (root == null) {
                return parents;
            }
            Deque<String> queue = new ArrayDeque<>(List.of(root));
            while (!queue.isEmpty()) {
                String at = queue.removeFirst();
                for (String next : graph.getOrDefault(at, List.of())) {
                    if (!next.equals(root) && !parents.containsKey(next)) {
                        parents.put(next, at);
                        queue.addLast(next);
                    }
                }
            }
            return parents;
        }
    }

    private static final class SbomException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SbomException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    // ---- JSON --------------------------------------------------------------------------------------

    /** A JSON value with the line it starts on; objects keep their key order. */
    private record Node(Object value, int line) {
        @SuppressWarnings("unchecked")
        Map<String, Node> object() {
            return value instanceof Map<?, ?> m ? (Map<String, Node>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        List<Node> array() {
            return value instanceof List<?> l ? (List<Node>) l : List.of();
        }

        String text() {
            return value instanceof String s ? s : "";
        }

        Node get(String key) {
            Node n = object().get(key);
            return n == null ? new Node(null, line) : n;
        }
    }

    private static Optional<Sbom> json(String text) throws SbomException {
        Node root;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                return Optional.empty();
            }
            root = read(p, 0);
        } catch (JsonProcessingException e) {
            throw new SbomException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SbomException(0, "could not be read: " + e.getMessage());
        }
        if (!"CycloneDX".equalsIgnoreCase(root.get("bomFormat").text())) {
            return Optional.empty(); // another kind of bom.json
        }
        String rootRef = root.get("metadata").get("component").get("bom-ref").text();
        List<Component> components = new ArrayList<>();
        jsonComponents(root.get("components"), components, 0);
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (Node d : root.get("dependencies").array()) {
            List<String> targets = graph.computeIfAbsent(d.get("ref").text(), k -> new ArrayList<>());
            for (Node t : d.get("dependsOn").array()) {
                if (!t.text().isEmpty()) {
                    targets.add(t.text());
                }
            }
        }
        return Optional.of(new Sbom(rootRef.isEmpty() ? null : rootRef, components, graph));
    }

    private static void jsonComponents(Node list, List<Component> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Node c : list.array()) {
            out.add(new Component(c.get("bom-ref").text(), c.get("name").text(), c.get("group").text(), c.get("version").text(),
                    c.get("purl").text(), c.get("scope").text(), c.line()));
            jsonComponents(c.get("components"), out, depth + 1);
        }
    }

    private static Node read(JsonParser p, int depth) throws IOException, SbomException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new SbomException(line, "is nested too deeply");
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                map.putIfAbsent(key, read(p, depth + 1));
            }
            return new Node(map, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw new SbomException(line, "ends inside an array");
                }
                list.add(read(p, depth + 1));
            }
            return new Node(list, line);
        }
        return new Node(t == JsonToken.VALUE_STRING ? p.getText() : null, line);
    }

    // ---- XML ---------------------------------------------------------------------------------------

    private static Optional<Sbom> xml(String text) throws SbomException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.reader(text);
            return Optional.ofNullable(new XmlSbom().read(r));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new SbomException(Math.max(0, line), "is not well-formed XML: " + message.strip());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    /** Streams a CycloneDX XML document: components under bom/components (nested too), the root, the graph. */
    private static final class XmlSbom {
        /** Open elements, innermost first; components we do not read (tools') are pushed as "#component". */
        private final Deque<String> elements = new ArrayDeque<>();
        private final Deque<Map<String, String>> open = new ArrayDeque<>();
        private final List<Component> components = new ArrayList<>();
        private final Map<String, List<String>> graph = new LinkedHashMap<>();
        private String root;
        private String dependency;

        /** The SBOM, or null when the document is not a CycloneDX BOM. */
        Sbom read(XMLStreamReader r) throws XMLStreamException, SbomException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (elements.isEmpty() && !name.equals("bom")) {
                        return null;
                    }
                    String pushed = start(r, name);
                    if (pushed != null) {
                        elements.push(pushed);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(elements.pop());
                }
            }
            return new Sbom(root, components, graph);
        }

        /** Handles a start tag: the name to push, or null when the element was consumed through its end tag. */
        private String start(XMLStreamReader r, String name) throws XMLStreamException, SbomException {
            String parent = elements.peek();
            String grandparent = grandparent();
            if (name.equals("component")) {
                boolean listed = "components".equals(parent) && ("bom".equals(grandparent) || "component".equals(grandparent));
                boolean isRoot = "metadata".equals(parent) && "bom".equals(grandparent);
                if (!listed && !isRoot) {
                    return "#component";
                }
                Map<String, String> c = new HashMap<>();
                c.put("#line", String.valueOf(r.getLocation().getLineNumber()));
                c.put("#root", String.valueOf(isRoot));
                c.put("bom-ref", attribute(r, "bom-ref"));
                open.push(c);
                return name;
            }
            if ("component".equals(parent)
                    && (name.equals("name") || name.equals("group") || name.equals("version") || name.equals("purl") || name.equals("scope"))) {
                open.peek().put(name, text(r));
                return null;
            }
            if (name.equals("dependency") && "dependencies".equals(parent) && "bom".equals(grandparent)) {
                dependency = attribute(r, "ref");
                graph.computeIfAbsent(dependency, k -> new ArrayList<>());
            } else if (name.equals("dependency") && "dependency".equals(parent) && dependency != null) {
                String ref = attribute(r, "ref");
                if (!ref.isEmpty()) {
                    graph.get(dependency).add(ref);
                }
            }
            return name;
        }

        private void end(String name) {
            if (name.equals("component")) {
                Map<String, String> c = open.pop();
                if (Boolean.parseBoolean(c.get("#root"))) {
                    root = c.get("bom-ref").isEmpty() ? null : c.get("bom-ref");
                } else {
                    components.add(new Component(c.get("bom-ref"), c.getOrDefault("name", ""), c.getOrDefault("group", ""),
                            c.getOrDefault("version", ""), c.getOrDefault("purl", ""), c.getOrDefault("scope", ""),
                            Integer.parseInt(c.get("#line"))));
                }
            } else if (name.equals("dependency") && "dependencies".equals(elements.peek())) {
                dependency = null;
            }
        }

        /** The text of a simple element up to its end tag; entity references are refused, never expanded. */
        private static String text(XMLStreamReader r) throws XMLStreamException, SbomException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString().strip();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new SbomException(r.getLocation().getLineNumber(),
                            "uses the entity reference &" + r.getLocalName() + "; (entities are not expanded)");
                    case XMLStreamConstants.START_ELEMENT -> throw new SbomException(r.getLocation().getLineNumber(),
                            "has an element inside <" + r.getLocalName() + "> where text was expected");
                    default -> { } // comments and processing instructions
                }
            }
        }

        private String grandparent() {
            var it = elements.iterator();
            if (!it.hasNext()) {
                return null;
            }
            it.next();
            return it.hasNext() ? it.next() : null;
        }

        private static String attribute(XMLStreamReader r, String name) {
            String v = r.getAttributeValue(null, name);
            return v == null ? "" : v.strip();
        }
    }
}
