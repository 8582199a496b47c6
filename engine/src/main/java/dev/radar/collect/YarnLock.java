package dev.radar.collect;

import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code yarn.lock} in the classic v1 format (its own line syntax) and the berry format (YAML): entries keyed
 * by every specifier that resolved to them ({@code "a@^1", "a@^1.1":}), with the locked version and the
 * dependency ranges, which lead to other entries by the same {@code name@range} keys.
 */
final class YarnLock implements NpmLockfile {

    private record Entry(int id, String name, String version, int line, boolean workspace, Map<String, String> deps) {}

    private final String path;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> bySpecifier = new HashMap<>();

    private YarnLock(String path) {
        this.path = path;
    }

    static YarnLock parse(String path, String text) throws YamlException {
        YarnLock lock = new YarnLock(path);
        if (text.contains("\n__metadata:") || text.startsWith("__metadata:")) {
            lock.berry(YamlReader.parse(path, text));
        } else {
            lock.classic(text);
        }
        return lock;
    }

    private void add(List<String> specifiers, String version, int line, Map<String, String> deps) {
        if (specifiers.isEmpty()) {
            return;
        }
        String first = specifiers.get(0);
        boolean workspace = false;
        for (String s : specifiers) {
            workspace |= s.contains("@workspace:") || s.contains("@link:") || s.contains("@portal:");
        }
        Entry e = new Entry(entries.size(), lockedName(first), version, line, workspace, deps);
        entries.add(e);
        for (String s : specifiers) {
            bySpecifier.putIfAbsent(s, e);
            int locator = s.indexOf("::locator=");
            if (locator > 0) { // berry qualifies a relative file: path by the workspace that declared it
                bySpecifier.putIfAbsent(s.substring(0, locator), e);
            }
        }
    }

    /**
     * The package an entry locks: the specifier's name, or for an alias {@code alias@npm:real@range} (classic and
     * berry) the real package's name.
     */
    private static String lockedName(String specifier) {
        String name = nameOf(specifier);
        String range = specifier.substring(Math.min(specifier.length(), name.length() + 1));
        if (range.startsWith("npm:")) {
            String target = range.substring("npm:".length());
            if (target.indexOf('@', target.startsWith("@") ? 1 : 0) > 0) {
                return nameOf(target);
            }
        }
        return name;
    }

    /** The package name of a specifier {@code name@range}, scoped names included. */
    private static String nameOf(String specifier) {
        int at = specifier.indexOf('@', specifier.startsWith("@") ? 1 : 0);
        return at < 0 ? specifier : specifier.substring(0, at);
    }

    private void berry(YamlNode root) {
        if (root == null) {
            return;
        }
        for (var e : root.entries()) {
            String key = e.getKey().text();
            if (key.equals("__metadata") || !e.getValue().isMapping()) {
                continue;
            }
            String version = "";
            Map<String, String> deps = new LinkedHashMap<>();
            for (var field : e.getValue().entries()) {
                switch (field.getKey().text()) {
                    case "version" -> version = field.getValue().isScalar() ? field.getValue().text() : "";
                    case "dependencies", "optionalDependencies" -> {
                        for (var d : field.getValue().entries()) {
                            deps.put(d.getKey().text(), d.getValue().isScalar() ? d.getValue().text() : "");
                        }
                    }
                    default -> { }
                }
            }
            List<String> specifiers = new ArrayList<>();
            for (String s : key.split(",")) {
                if (!s.isBlank()) {
                    specifiers.add(s.trim());
                }
            }
            add(specifiers, version, e.getKey().line(), deps);
        }
    }

    private void classic(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> specifiers = null;
        String version = "";
        int line = 0;
        Map<String, String> deps = null;
        boolean inDeps = false;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String trimmed = raw.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            if (indent == 0) {
                if (specifiers != null) {
                    add(specifiers, version, line, deps);
                }
                specifiers = specifiers(trimmed.endsWith(":") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                version = "";
                line = i + 1;
                deps = new LinkedHashMap<>();
                inDeps = false;
            } else if (specifiers == null) {
                continue;
            } else if (indent <= 2) {
                inDeps = false;
                if (trimmed.endsWith(":")) {
                    String section = trimmed.substring(0, trimmed.length() - 1);
                    inDeps = section.equals("dependencies") || section.equals("optionalDependencies");
                } else {
                    String[] kv = keyValue(trimmed);
                    if (kv[0].equals("version")) {
                        version = kv[1];
                    }
                }
            } else if (inDeps) {
                String[] kv = keyValue(trimmed);
                deps.put(kv[0], kv[1]);
            }
        }
        if (specifiers != null) {
            add(specifiers, version, line, deps);
        }
    }

    /** {@code "a@^1", a@^1.1} as its specifiers, quotes removed. */
    private static List<String> specifiers(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** {@code key value} or {@code "key" "value"} or {@code key: value}, unquoted. */
    private static String[] keyValue(String s) {
        String key;
        String rest;
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            key = end < 0 ? s.substring(1) : s.substring(1, end);
            rest = end < 0 ? "" : s.substring(end + 1);
        } else {
            int sp = s.indexOf(' ');
            key = sp < 0 ? s : s.substring(0, sp);
            rest = sp < 0 ? "" : s.substring(sp);
        }
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1);
        }
        rest = rest.trim();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).trim();
        }
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            rest = rest.substring(1, rest.length() - 1);
        }
        return new String[] {key, rest};
    }

    private Entry find(String name, String range) {
        Entry e = bySpecifier.get(name + "@" + range);
        return e != null ? e : bySpecifier.get(name + "@npm:" + range);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean covers(String rel) {
        return true;
    }

    @Override
    public String resolve(String rel, String name, String declared) {
        Entry e = find(name, declared);
        return e == null || e.workspace() ? "" : e.version();
    }

    @Override
    public void emit(Map<String, Manifest> manifests, Facts out) {
        LockGraph graph = new LockGraph();
        for (Entry e : entries) {
            String id = String.valueOf(e.id());
            graph.node(id, e.name());
            for (var d : e.deps().entrySet()) {
                Entry t = find(d.getKey(), d.getValue());
                if (t != null) {
                    graph.edge(id, String.valueOf(t.id()));
                }
            }
        }
        Map<String, LockGraph.Reach> reach = graph.walk(NpmLockfile.roots(manifests, (rel, d) -> {
            Entry t = find(d.name(), d.declared());
            return t == null ? null : String.valueOf(t.id());
        }));
        for (Entry e : entries) {
            if (e.workspace()) {
                continue;
            }
            LockGraph.Reach r = reach.get(String.valueOf(e.id()));
            out.add(NpmLockfile.locked(out, e.name(), e.version(), NpmLockfile.scopeOf(r), path, e.line(), NpmLockfile.viaOf(r)));
        }
    }
}
