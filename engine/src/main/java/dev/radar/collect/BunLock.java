package dev.radar.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bun's text lockfile {@code bun.lock} (JSON with trailing commas): {@code workspaces} by folder ({@code ""} for the
 * root) with each workspace's name, and {@code packages} keyed by install path, the package names from the root down
 * joined by {@code /} ({@code "react"}, {@code "@babel/core/semver"}, {@code "web/react"} for a copy only the
 * workspace {@code web} uses). Each is an array whose first string is the locked {@code name@version} (an alias key
 * names the real package there; {@code workspace:}, {@code link:} and {@code root:} stand for the project's own
 * folders; a {@code file:}, git or tarball source has no version) and whose first object holds the package's own
 * dependency ranges. A dependency leads to the entry Node would load: below the dependent's path first, then each
 * folder up to the top.
 */
final class BunLock implements NpmLockfile {

    private record Entry(String key, String name, String version, int line, boolean local, Map<String, String> deps) {}

    private static final List<String> DEPENDENCY_SECTIONS = List.of("dependencies", "optionalDependencies", "peerDependencies");

    private final String path;
    /** workspace folder to the workspace's package name. */
    private final Map<String, String> workspaces = new HashMap<>();
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    private BunLock(String path) {
        this.path = path;
    }

    static BunLock parse(String path, String text) throws IOException {
        BunLock lock = new BunLock(path);
        try (JsonParser p = NpmCollector.JSON.createParser(text)) {
            p.enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature());
            p.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lock;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                JsonToken value = p.nextToken();
                if (section.equals("workspaces") && value == JsonToken.START_OBJECT) {
                    lock.readWorkspaces(p);
                } else if (section.equals("packages") && value == JsonToken.START_OBJECT) {
                    lock.readPackages(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        return lock;
    }

    private void readWorkspaces(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String folder = p.currentName();
            String name = "";
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && field.equals("name")) {
                        name = p.getText().trim();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            workspaces.put(folder, name);
        }
    }

    private void readPackages(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            String resolution = null;
            Map<String, String> deps = new LinkedHashMap<>();
            boolean info = false;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t == JsonToken.VALUE_STRING && resolution == null) {
                    resolution = p.getText().trim();
                } else if (t == JsonToken.START_OBJECT && !info) {
                    info = true;
                    readInfo(p, deps);
                } else {
                    p.skipChildren();
                }
            }
            if (resolution != null) {
                add(key, resolution, line, deps);
            }
        }
    }

    /** The dependency ranges of a package's info object, at its opening brace. */
    private static void readInfo(JsonParser p, Map<String, String> deps) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.START_OBJECT && DEPENDENCY_SECTIONS.contains(field)) {
                NpmCollector.readRanges(p).forEach(deps::putIfAbsent);
            } else {
                p.skipChildren();
            }
        }
    }

    /** An entry from its key and its {@code name@version} resolution (a git, tarball or folder source has no version). */
    private void add(String key, String resolution, int line, Map<String, String> deps) {
        int at = resolution.indexOf('@', resolution.startsWith("@") ? 1 : 0);
        String name = at < 0 ? resolution : resolution.substring(0, at);
        String source = at < 0 ? "" : resolution.substring(at + 1);
        boolean local = source.startsWith("workspace:") || source.startsWith("link:") || source.startsWith("root:");
        String version = source.contains(":") || source.contains("/") ? "" : source;
        byKey.putIfAbsent(key, new Entry(key, name.isEmpty() ? lastName(key) : name, version, line, local, deps));
    }

    /** The last package name of an install path ({@code "a/@types/node"} gives {@code @types/node}). */
    private static String lastName(String key) {
        List<String> names = names(key);
        return names.isEmpty() ? key : names.get(names.size() - 1);
    }

    /** The package names of an install path, a scope joined to the name after it. */
    private static List<String> names(String key) {
        List<String> names = new ArrayList<>();
        String[] parts = key.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("@") && i + 1 < parts.length) {
                names.add(parts[i] + "/" + parts[++i]);
            } else {
                names.add(parts[i]);
            }
        }
        return names;
    }

    /** The entry {@code name} resolves to from install path {@code from} (empty for the top), as Node looks it up. */
    private Entry find(String from, String name) {
        List<String> path = from.isEmpty() ? List.of() : names(from);
        for (int depth = path.size(); depth >= 0; depth--) {
            String prefix = String.join("/", path.subList(0, depth));
            Entry e = byKey.get(prefix.isEmpty() ? name : prefix + "/" + name);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The entry a dependency of the workspace in folder {@code rel} resolves to. */
    private Entry findFromWorkspace(String rel, String name) {
        String workspace = rel.isEmpty() ? "" : workspaces.getOrDefault(rel, "");
        return find(workspace, name);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean covers(String rel) {
        return rel != null && workspaces.containsKey(rel);
    }

    @Override
    public String resolve(String rel, String name, String declared) {
        Entry e = findFromWorkspace(rel, name);
        return e == null || e.local() ? "" : e.version();
    }

    @Override
    public void emit(Map<String, Manifest> manifests, Facts out) {
        LockGraph graph = new LockGraph();
        for (Entry e : byKey.values()) {
            graph.node(e.key(), e.name());
            for (String dep : e.deps().keySet()) {
                Entry t = find(e.key(), dep);
                if (t != null) {
                    graph.edge(e.key(), t.key());
                }
            }
        }
        Map<String, LockGraph.Reach> reach = graph.walk(NpmLockfile.roots(manifests, (rel, d) -> {
            Entry t = findFromWorkspace(rel, d.name());
            return t == null ? null : t.key();
        }));
        for (Entry e : byKey.values()) {
            if (e.local()) {
                continue;
            }
            LockGraph.Reach r = reach.get(e.key());
            out.add(NpmLockfile.locked(out, e.name(), e.version(), NpmLockfile.scopeOf(r), path, e.line(), NpmLockfile.viaOf(r)));
        }
    }
}
