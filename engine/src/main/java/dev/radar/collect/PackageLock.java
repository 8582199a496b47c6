package dev.radar.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code package-lock.json} and {@code npm-shrinkwrap.json}, versions 1 to 3, read in one streaming pass:
 * v2/v3 {@code packages} entries keyed by their {@code node_modules} path, v1's nested {@code dependencies}
 * turned into the same paths. Names resolve the way Node does, from the requiring folder upwards.
 */
final class PackageLock implements NpmLockfile {
    private static final String NM = "node_modules/";

    /** One entry; {@code key} is its folder relative to the lockfile ("" for the root project). */
    private record Entry(String key, String name, String version, int line, boolean link, String resolved, String scope,
            Map<String, String> deps, Map<String, String> devDeps) {}

    private final String path;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean hasPackages;

    private PackageLock(String path) {
        this.path = path;
    }

    static PackageLock parse(String path, String text) throws IOException {
        PackageLock lock = new PackageLock(path);
        try (JsonParser p = NpmCollector.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("packages") && value == JsonToken.START_OBJECT) {
                    lock.entries.clear(); // v2 files repeat the tree as v1 "dependencies"; packages win
                    lock.hasPackages = true;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            lock.entry(p, key, line, false);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (field.equals("dependencies") && value == JsonToken.START_OBJECT && !lock.hasPackages) {
                    lock.nested(p, "");
                } else {
                    p.skipChildren();
                }
            }
        }
        return lock;
    }

    /** v1: the children of a {@code dependencies} object, below the folder {@code parent}. */
    private void nested(JsonParser p, String parent) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            if (p.nextToken() == JsonToken.START_OBJECT) {
                entry(p, (parent.isEmpty() ? "" : parent + "/") + NM + name, line, true);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads one entry object (the parser is on its START_OBJECT) and everything nested in it. */
    private void entry(JsonParser p, String key, int line, boolean v1) throws IOException {
        String name = "";
        String version = "";
        String resolved = "";
        boolean link = false;
        String scope = "prod";
        Map<String, String> deps = new LinkedHashMap<>();
        Map<String, String> devDeps = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> name = text(p, value);
                case "version" -> version = text(p, value);
                case "resolved" -> resolved = text(p, value);
                case "link" -> link = value == JsonToken.VALUE_TRUE;
                case "dev", "devOptional" -> scope = value == JsonToken.VALUE_TRUE ? "dev" : scope;
                case "optional" -> scope = value == JsonToken.VALUE_TRUE && scope.equals("prod") ? "optional" : scope;
                case "peer" -> scope = value == JsonToken.VALUE_TRUE && scope.equals("prod") ? "peer" : scope;
                case "requires" -> strings(p, value, deps);
                case "optionalDependencies", "peerDependencies" -> strings(p, value, deps);
                case "devDependencies" -> strings(p, value, devDeps);
                case "dependencies" -> {
                    if (v1 && value == JsonToken.START_OBJECT) {
                        nested(p, key);
                    } else {
                        strings(p, value, deps);
                    }
                }
                default -> p.skipChildren();
            }
        }
        int at = version.lastIndexOf('@');
        if (v1 && version.startsWith("npm:") && at > "npm:".length()) {
            name = version.substring("npm:".length(), at); // v1 writes an alias as "npm:real-name@1.2.3"
            version = version.substring(at + 1);
        } else if (v1 && version.contains(":")) {
            version = ""; // v1 writes a file, tarball or git dependency's source in place of its version
        }
        entries.put(key, new Entry(key, name, version, line, link, resolved, scope, deps, devDeps));
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    private static void strings(JsonParser p, JsonToken value, Map<String, String> into) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            into.put(name, text(p, p.nextToken()));
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean covers(String rel) {
        return rel.isEmpty() || hasPackages && entries.containsKey(rel);
    }

    @Override
    public String resolve(String rel, String name, String declared) {
        Entry e = target(lookup(rel, name));
        return e == null ? "" : e.version();
    }

    /** Node's resolution: {@code node_modules/name} in the folder, then in each folder above it. */
    private Entry lookup(String from, String name) {
        String dir = from;
        while (true) {
            Entry e = entries.get(dir.isEmpty() ? NM + name : dir + "/" + NM + name);
            if (e != null) {
                return e;
            }
            if (dir.isEmpty()) {
                return null;
            }
            dir = LockGraph.dir(dir);
        }
    }

    /** A workspace link stands for the folder it links to. */
    private Entry target(Entry e) {
        if (e != null && e.link()) {
            Entry linked = entries.get(e.resolved());
            return linked == null ? e : linked;
        }
        return e;
    }

    @Override
    public void emit(Map<String, Manifest> manifests, Facts out) {
        LockGraph graph = new LockGraph();
        Map<String, List<String>> roots = new LinkedHashMap<>();
        roots.put("prod", new ArrayList<>());
        roots.put("dev", new ArrayList<>());
        for (Entry e : entries.values()) {
            graph.node(e.key(), displayName(e));
            for (String dep : e.deps().keySet()) {
                Entry t = target(lookup(e.key(), dep));
                if (t != null) {
                    graph.edge(e.key(), t.key());
                    if (!isPackage(e)) {
                        roots.get("prod").add(t.key());
                    }
                }
            }
            if (!isPackage(e)) {
                for (String dep : e.devDeps().keySet()) {
                    Entry t = target(lookup(e.key(), dep));
                    if (t != null) {
                        roots.get("dev").add(t.key());
                    }
                }
            }
        }
        Manifest root = manifests.get("");
        if (!hasPackages && root != null) {
            for (Declared d : root.dependencies()) {
                Entry t = lookup("", d.name());
                if (t != null) {
                    roots.get(d.scope().equals("dev") ? "dev" : "prod").add(t.key());
                }
            }
        }
        Map<String, LockGraph.Reach> reach = graph.walk(roots);
        for (Entry e : entries.values()) {
            if (!isPackage(e) || e.link()) {
                continue; // the project, its workspaces and the links to them are not dependencies
            }
            LockGraph.Reach r = reach.get(e.key());
            out.add(NpmLockfile.locked(out, displayName(e), e.version(), e.scope(), path, e.line(),
                    r != null ? r.via() : nesting(e.key())));
        }
    }

    private static boolean isPackage(Entry e) {
        return e.key().startsWith(NM) || e.key().contains("/" + NM);
    }

    /** The package name: the entry's own name for aliases, else the folder after the last node_modules. */
    private static String displayName(Entry e) {
        if (!e.name().isEmpty()) {
            return e.name();
        }
        int at = e.key().lastIndexOf(NM);
        return at < 0 ? e.key() : e.key().substring(at + NM.length());
    }

    /** The names of the packages a nested node_modules path lies in: {@code node_modules/a/node_modules/b} gives [a]. */
    private static List<String> nesting(String key) {
        int first = key.indexOf(NM);
        String[] parts = key.substring(first + NM.length()).split("/" + NM);
        return List.of(parts).subList(0, parts.length - 1);
    }
}
