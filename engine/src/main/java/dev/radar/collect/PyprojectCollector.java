package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads {@code pyproject.toml}: PEP 621 dependencies and optional dependencies, PEP 735 dependency groups,
 * Poetry dependency tables (main, dev and groups), uv, Rye and PDM development dependencies, each at its own line.
 * Versions resolve through the nearest {@code poetry.lock}, {@code uv.lock} or {@code pdm.lock}, whose packages
 * are also added as transitive dependencies; without a lock only exact pins resolve.
 */
public final class PyprojectCollector implements Collector {
    private static final List<String> LOCKS = List.of("poetry.lock", "uv.lock", "pdm.lock");

    /** A direct declaration before resolution. */
    private record Declared(String name, String declared, String pinned, String scope, int line) {}

    @Override
    public String name() {
        return "pyproject";
    }

    @Override
    public boolean wants(String path) {
        String f = LockGraph.fileName(path);
        return f.equals("pyproject.toml") || LOCKS.contains(f);
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, PythonLock> locks = new HashMap<>();
        List<PythonLock> lockList = new ArrayList<>();
        for (String lockName : LOCKS) {
            for (String path : paths) {
                if (LockGraph.fileName(path).equals(lockName)) {
                    TomlParseResult toml = CargoCollector.parse(tree, path, out);
                    if (toml != null) {
                        PythonLock lock = new PythonLock(path, toml, out);
                        locks.putIfAbsent(LockGraph.dir(path), lock);
                        lockList.add(lock);
                    }
                }
            }
        }
        Map<PythonLock, Map<String, List<String>>> roots = new HashMap<>();
        for (String path : paths) {
            if (!LockGraph.fileName(path).equals("pyproject.toml")) {
                continue;
            }
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                out.problem(path, 0, "pyproject.toml could not be read: " + LockGraph.message(e));
                continue;
            }
            TomlParseResult toml;
            try {
                toml = SafeToml.parse(text);
            } catch (SafeToml.Refused e) {
                out.problem(path, e.line(), "not valid TOML: " + e.getMessage());
                continue;
            }
            if (toml.hasErrors()) {
                var first = toml.errors().get(0);
                out.problem(path, first.position() == null ? 0 : first.position().line(), "not valid TOML: " + first.getMessage());
                continue;
            }
            List<Declared> declared = declarations(path, toml, new TomlLines(text), out);
            PythonLock lock = LockGraph.nearest(LockGraph.dir(path), locks);
            for (Declared d : declared) {
                String resolved = lock == null ? "" : lock.version(d.name(), d.declared());
                if (resolved.isEmpty()) {
                    resolved = d.pinned();
                }
                out.add(new Dependency(out.repo(), Ecosystem.PYPI, "", d.name(), d.declared(), resolved, d.scope(), true, path,
                        d.line(), List.of()));
                if (lock != null) {
                    roots.computeIfAbsent(lock, k -> new LinkedHashMap<>(Map.of("runtime", new ArrayList<>())))
                            .computeIfAbsent(d.scope(), k -> new ArrayList<>()).add(Pep508.normalise(d.name()));
                }
            }
        }
        for (PythonLock lock : lockList) {
            lock.emitTransitive(roots.getOrDefault(lock, Map.of()), out);
        }
    }

    private static List<Declared> declarations(String path, TomlParseResult toml, TomlLines lines, Facts out) {
        List<Declared> found = new ArrayList<>();
        TomlArray dependencies = TomlLines.array(toml, List.of("project", "dependencies"), path, out);
        pep508Array(path, dependencies, "runtime", lines, found, out);
        TomlTable optional = TomlLines.table(toml, List.of("project", "optional-dependencies"), path, out);
        if (optional != null) {
            for (String extra : optional.keySet()) {
                pep508Array(path, TomlLines.array(optional, List.of(extra), path, out), "optional", lines, found, out);
            }
        }
        TomlTable groups = TomlLines.table(toml, List.of("dependency-groups"), path, out);
        if (groups != null) {
            for (String group : groups.keySet()) {
                pep508Array(path, TomlLines.array(groups, List.of(group), path, out), "dev", lines, found, out);
            }
        }
        pep508Array(path, TomlLines.array(toml, List.of("tool", "uv", "dev-dependencies"), path, out), "dev", lines, found, out);
        pep508Array(path, TomlLines.array(toml, List.of("tool", "rye", "dev-dependencies"), path, out), "dev", lines, found, out);
        TomlTable pdm = TomlLines.table(toml, List.of("tool", "pdm", "dev-dependencies"), path, out);
        if (pdm != null) {
            for (String group : pdm.keySet()) {
                pep508Array(path, TomlLines.array(pdm, List.of(group), path, out), "dev", lines, found, out);
            }
        }
        if (dependencies == null) {
            // with [project].dependencies set (Poetry 2), [tool.poetry.dependencies] only enriches those entries for
            // locking (torch = { source = "pytorch" }): the declarations are the strings, not a second row each
            poetryTable(TomlLines.table(toml, List.of("tool", "poetry", "dependencies"), path, out), "runtime", found);
        }
        poetryTable(TomlLines.table(toml, List.of("tool", "poetry", "dev-dependencies"), path, out), "dev", found);
        TomlTable poetryGroups = TomlLines.table(toml, List.of("tool", "poetry", "group"), path, out);
        if (poetryGroups != null) {
            for (String group : poetryGroups.keySet()) {
                poetryTable(TomlLines.table(poetryGroups, List.of(group, "dependencies"), path, out), group.equals("main") ? "runtime" : "dev", found);
            }
        }
        return found;
    }

    private static void pep508Array(String path, TomlArray array, String scope, TomlLines lines, List<Declared> found, Facts out) {
        if (array == null) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) {
                continue; // {include-group = "..."} and other tables are not packages
            }
            int line = lines.element(array, i);
            String editable = Pep508.editableName(s);
            if (editable != null) {
                if (!editable.isEmpty()) {
                    found.add(new Declared(editable, "", "", scope, line));
                }
                continue; // a local path without #egg= is the project's own code, as "-e ." in requirements files
            }
            Pep508.Requirement req = Pep508.parse(s);
            if (req == null) {
                out.problem(path, line, "not a PEP 508 requirement: " + s);
                continue;
            }
            found.add(new Declared(req.name(), req.url().isEmpty() ? req.specifier() : req.url(), req.pinned(), scope, line));
        }
    }

    private static void poetryTable(TomlTable table, String scope, List<Declared> found) {
        if (table == null) {
            return;
        }
        for (String name : table.keySet()) {
            if (name.equalsIgnoreCase("python")) {
                continue;
            }
            Object value = table.get(List.of(name));
            String declared = "";
            if (value instanceof String s) {
                declared = s;
            } else if (value instanceof TomlTable t && t.get("version") instanceof String v) {
                declared = v;
            } else if (value instanceof TomlArray a) {
                List<String> versions = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof TomlTable t && t.get("version") instanceof String v) {
                        versions.add(v);
                    }
                }
                declared = String.join(" || ", versions);
            }
            String t = declared.trim();
            String pinned = t.matches("\\d+(\\.\\d+)*([a-zA-Z0-9.+-]*)") ? t : Pep508.exactPin(t);
            found.add(new Declared(name, declared, pinned, scope, TomlLines.key(table, name)));
        }
    }

    /** A {@code poetry.lock}, {@code uv.lock} or {@code pdm.lock}: {@code [[package]]} entries with their dependencies. */
    private static final class PythonLock {
        /** project: uv's editable or virtual source (the root or a workspace member), never a transitive row. */
        private record Locked(String name, String version, int line, boolean project, boolean virtual, List<String> deps) {}

        private final String path;
        private final List<Locked> packages = new ArrayList<>();
        private final Map<String, List<Locked>> byName = new HashMap<>();

        PythonLock(String path, TomlParseResult toml, Facts out) {
            this.path = path;
            TomlArray array = TomlLines.array(toml, List.of("package"), path, out);
            for (int i = 0; array != null && i < array.size(); i++) {
                if (!(array.get(i) instanceof TomlTable t) || !(t.get("name") instanceof String name)) {
                    continue;
                }
                List<String> deps = new ArrayList<>();
                Object d = t.get("dependencies");
                if (d instanceof TomlTable table) {
                    table.keySet().forEach(k -> deps.add(Pep508.normalise(k)));
                } else if (d instanceof TomlArray list) {
                    for (int j = 0; j < list.size(); j++) {
                        Object item = list.get(j);
                        if (item instanceof TomlTable it && it.get("name") instanceof String n) {
                            deps.add(Pep508.normalise(n));
                        } else if (item instanceof String s && Pep508.parse(s) != null) {
                            deps.add(Pep508.normalise(Pep508.parse(s).name()));
                        }
                    }
                }
                boolean virtual = t.get("source") instanceof TomlTable source && source.get("virtual") != null;
                boolean project = virtual || t.get("source") instanceof TomlTable source && source.get("editable") != null;
                var pos = array.inputPositionOf(i);
                Locked locked = new Locked(name, t.get("version") instanceof String v ? v : "", pos == null ? 0 : pos.line(),
                        project, virtual, deps);
                packages.add(locked);
                byName.computeIfAbsent(Pep508.normalise(name), k -> new ArrayList<>()).add(locked);
            }
        }

        /**
         * The locked version of a declaration. A lock holds several versions of one name when they differ by
         * Python version or platform (uv's {@code resolution-markers}, Poetry's split markers); then the first
         * that the declared range admits is taken (PEP 440 or Poetry: {@code ~=1.4}, {@code ^1.2}, {@code !=2.0},
         * {@code ^1 || ^2}), or the first one when none does or the range cannot be read. A workspace member
         * or path dependency locked as editable resolves to its locked version; a virtual project (not installed) does not.
         */
        String version(String name, String declared) {
            List<Locked> candidates = byName.getOrDefault(Pep508.normalise(name), List.of());
            if (candidates.isEmpty() || candidates.get(0).virtual()) {
                return "";
            }
            PythonSpecifier specifier = candidates.size() > 1 ? PythonSpecifier.parse(declared) : null;
            if (specifier != null) {
                for (Locked l : candidates) {
                    if (specifier.admits(l.version())) {
                        return l.version();
                    }
                }
            }
            return candidates.get(0).version();
        }

        void emitTransitive(Map<String, List<String>> roots, Facts out) {
            LockGraph graph = new LockGraph();
            Map<String, List<String>> groups = new LinkedHashMap<>(roots);
            for (Locked l : packages) {
                String id = Pep508.normalise(l.name());
                graph.node(id, l.name());
                l.deps().forEach(d -> graph.edge(id, d));
                if (l.project()) {
                    groups.computeIfAbsent("runtime", k -> new ArrayList<>()).addAll(l.deps());
                }
            }
            Map<String, LockGraph.Reach> reach = graph.walk(groups);
            for (Locked l : packages) {
                if (l.project()) {
                    continue;
                }
                LockGraph.Reach r = reach.get(Pep508.normalise(l.name()));
                out.add(new Dependency(out.repo(), Ecosystem.PYPI, "", l.name(), l.version(), l.version(),
                        r == null ? "transitive" : r.scope(), false, path, l.line(), r == null ? List.of() : r.via()));
            }
        }
    }
}
