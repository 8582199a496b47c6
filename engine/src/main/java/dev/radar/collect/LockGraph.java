package dev.radar.collect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency graph of one lockfile, walked breadth-first from the project's own dependencies so that
 * every locked package gets the shortest path of package names it is reached by, in time linear in the
 * size of the graph.
 */
final class LockGraph {

    /** How a locked package is reached: the scope group of the first root that reaches it and its path. */
    record Reach(String scope, List<String> via) {}

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<String>> edges = new HashMap<>();

    /** Adds a package node with the name to show in {@code via} paths. */
    void node(String id, String name) {
        names.put(id, name);
    }

    /** Adds an edge between two node ids; unknown targets are ignored when walking. */
    void edge(String from, String to) {
        if (from != null && to != null) {
            edges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        }
    }

    /**
     * Walks from the roots, scope group by scope group in the map's order (so a package reachable from
     * production roots is never labelled by a later development group).
     *
     * @param rootsByScope node ids the project depends on directly, per scope; their via is empty
     * @return every reached node id with its scope and via path (the names from a root down to its parent)
     */
    Map<String, Reach> walk(Map<String, ? extends Collection<String>> rootsByScope) {
        Map<String, Reach> reached = new LinkedHashMap<>();
        for (var group : rootsByScope.entrySet()) {
            ArrayDeque<String> queue = new ArrayDeque<>();
            for (String root : group.getValue()) {
                if (root != null && names.containsKey(root) && !reached.containsKey(root)) {
                    reached.put(root, new Reach(group.getKey(), List.of()));
                    queue.add(root);
                }
            }
            while (!queue.isEmpty()) {
                String id = queue.poll();
                Reach from = reached.get(id);
                List<String> next = edges.getOrDefault(id, List.of());
                if (next.isEmpty()) {
                    continue;
                }
                List<String> via = new ArrayList<>(from.via().size() + 1);
                via.addAll(from.via());
                via.add(names.get(id));
                List<String> shared = List.copyOf(via);
                for (String child : next) {
                    if (names.containsKey(child) && !reached.containsKey(child)) {
                        reached.put(child, new Reach(group.getKey(), shared));
                        queue.add(child);
                    }
                }
            }
        }
        return reached;
    }

    /** The folder part of a repository path, empty for the root. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file-name part of a repository path. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code dir} relative to {@code base} when it is base or below it, else null. */
    static String relativeTo(String base, String dir) {
        if (base.isEmpty()) {
            return dir;
        }
        if (dir.equals(base)) {
            return "";
        }
        return dir.startsWith(base + "/") ? dir.substring(base.length() + 1) : null;
    }

    /** The nearest folder, from {@code dir} up to the root, that holds one of {@code files}; null when none. */
    static <T> T nearest(String dir, Map<String, T> byFolder) {
        String d = dir;
        while (true) {
            T found = byFolder.get(d);
            if (found != null) {
                return found;
            }
            if (d.isEmpty()) {
                return null;
            }
            d = dir(d);
        }
    }

    /** Text for a problem message: the first line of an exception message. */
    static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
