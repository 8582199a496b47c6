package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code Cargo.toml} manifests (normal, dev, build, target-specific and workspace dependency tables,
 * inline or as {@code [dependencies.foo]} tables, renamed packages, {@code workspace = true} inheritance) and
 * resolves them through the nearest {@code Cargo.lock}, whose registry and git packages are added as
 * transitive dependencies with their path through the lock's dependency graph. Vendored crates (a folder
 * {@code cargo vendor} filled, marked by its {@code .cargo-checksum.json}) are the dependencies' own
 * manifests, not this repository's, and are not read.
 */
public final class CargoCollector implements Collector {

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("dependencies", "compile");
        KINDS.put("dev-dependencies", "dev");
        KINDS.put("dev_dependencies", "dev");
        KINDS.put("build-dependencies", "build");
        KINDS.put("build_dependencies", "build");
    }

    @Override
    public String name() {
        return "cargo";
    }

    @Override
    public boolean wants(String path) {
        String f = LockGraph.fileName(path);
        return f.equals("Cargo.toml") || f.equals("Cargo.lock");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, TomlParseResult> manifests = new LinkedHashMap<>();
        Map<String, TomlParseResult> workspaces = new HashMap<>();
        Map<String, CargoLock> locks = new HashMap<>();
        for (String path : paths) {
            if (tree.contains(path.substring(0, path.lastIndexOf('/') + 1) + ".cargo-checksum.json")) {
                continue; // a vendored crate
            }
            String text = read(tree, path, out);
            if (text == null) {
                continue;
            }
            if (path.endsWith("Cargo.lock")) {
                // the fast path: Cargo's own shape read line by line; anything else goes to tomlj as before
                List<CargoLockLines.Package> fast = CargoLockLines.read(text);
                if (fast != null) {
                    locks.put(LockGraph.dir(path), new CargoLock(path, fast));
                    continue;
                }
            }
            TomlParseResult toml = parse(text, path, out);
            if (toml == null) {
                continue;
            }
            if (path.endsWith("Cargo.lock")) {
                locks.put(LockGraph.dir(path), new CargoLock(path, toml, out));
            } else {
                manifests.put(path, toml);
                if (toml.isTable("workspace")) {
                    workspaces.put(LockGraph.dir(path), toml);
                }
            }
        }
        for (var e : manifests.entrySet()) {
            String dir = workspaceDir(LockGraph.dir(e.getKey()), e.getValue(), workspaces);
            new Manifest(e.getKey(), e.getValue(), LockGraph.nearest(dir, workspaces), LockGraph.nearest(dir, locks), out).emit();
        }
        for (CargoLock lock : locks.values().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            lock.emitTransitive(out);
        }
    }

    /**
     * Where to look for a manifest's workspace root and lock: the folder its {@code package.workspace} names (a member
     * outside the root's folder has to name it), else its own folder, from which the nearest enclosing root is taken.
     */
    private static String workspaceDir(String dir, TomlParseResult manifest, Map<String, TomlParseResult> workspaces) {
        if (manifest.get(List.of("package", "workspace")) instanceof String named) {
            String root = RepoTree.resolve(dir, named);
            if (root != null && root.endsWith("Cargo.toml")) {
                root = LockGraph.dir(root);
            }
            if (root != null && workspaces.containsKey(root)) {
                return root;
            }
        }
        return dir;
    }

    /** Parses a TOML file; a syntax error becomes a problem at its line and the file is skipped. */
    static TomlParseResult parse(RepoTree tree, String path, Facts out) {
        String text = read(tree, path, out);
        return text == null ? null : parse(text, path, out);
    }

    /** The text of a file; one that cannot be read is a problem and null. */
    private static String read(RepoTree tree, String path, Facts out) {
        try {
            return tree.read(path);
        } catch (IOException | RuntimeException e) {
            out.problem(path, 0, "could not be read: " + LockGraph.message(e));
            return null;
        }
    }

    /** Parses the text of a TOML file; a syntax error becomes a problem at its line and the file is skipped. */
    static TomlParseResult parse(String text, String path, Facts out) {
        try {
            TomlParseResult toml = SafeToml.parse(text);
            if (toml.hasErrors()) {
                TomlParseError first = toml.errors().get(0);
                out.problem(path, first.position() == null ? 0 : first.position().line(), "not valid TOML: " + first.getMessage());
                return null;
            }
            return toml;
        } catch (SafeToml.Refused e) {
            out.problem(path, e.line(), "not valid TOML: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            out.problem(path, 0, "could not be read: " + LockGraph.message(e));
            return null;
        }
    }

    /** One manifest with its workspace root and lockfile. */
    private record Manifest(String path, TomlParseResult toml, TomlParseResult workspace, CargoLock lock, Facts out) {

        void emit() {
            for (var kind : KINDS.entrySet()) {
                table(TomlLines.table(toml, List.of(kind.getKey()), path, out), kind.getValue());
            }
            TomlTable targets = TomlLines.table(toml, List.of("target"), path, out);
            if (targets != null) {
                for (String cfg : targets.keySet()) {
                    TomlTable target = TomlLines.table(targets, List.of(cfg), path, out);
                    if (target != null) {
                        for (var kind : KINDS.entrySet()) {
                            table(TomlLines.table(target, List.of(kind.getKey()), path, out), kind.getValue());
                        }
                    }
                }
            }
            table(TomlLines.table(toml, List.of("workspace", "dependencies"), path, out), "workspace");
        }

        private void table(TomlTable deps, String scope) {
            if (deps == null) {
                return;
            }
            for (String key : deps.keySet()) {
                TomlPosition pos = deps.inputPositionOf(List.of(key));
                int line = pos == null ? 0 : pos.line();
                Object value = deps.get(List.of(key));
                String name = key;
                String declared = "";
                String source = "registry";
                boolean optional = false;
                List<String> features = new ArrayList<>();
                if (value instanceof String s) {
                    declared = s;
                } else if (value instanceof TomlTable t) {
                    if (Boolean.TRUE.equals(t.get("workspace"))) {
                        TomlTable inherited = workspace == null ? null
                                : workspace.get(List.of("workspace", "dependencies")) instanceof TomlTable wt ? wt : null;
                        Object root = inherited == null ? null : inherited.get(List.of(key));
                        if (root instanceof String s) {
                            declared = s;
                        } else if (root instanceof TomlTable rt) {
                            declared = text(rt.get("version"));
                            name = text(rt.get("package")).isEmpty() ? name : text(rt.get("package"));
                            source = sourceOf(rt);
                            features.addAll(features(rt));
                        } else {
                            out.problem(path, line, "'" + key + "' inherits from the workspace, " + (workspace == null
                                    ? "but no Cargo.toml with a [workspace] table encloses this manifest"
                                    : "which does not declare it"));
                        }
                    }
                    if (t.get("version") != null) {
                        declared = text(t.get("version"));
                    }
                    if (!text(t.get("package")).isEmpty()) {
                        name = text(t.get("package"));
                    }
                    if (t.get("path") != null || t.get("git") != null) {
                        source = sourceOf(t);
                    }
                    optional = Boolean.TRUE.equals(t.get("optional"));
                    features.addAll(features(t));
                } else {
                    out.problem(path, line, "dependency '" + key + "' is neither a version nor a table");
                    continue;
                }
                String resolved = lock == null ? "" : lock.resolve(name, declared, source);
                if (resolved.isEmpty() && declared.trim().matches("=\\s*\\d+\\.\\d+\\.\\d+\\S*")) {
                    resolved = declared.trim().substring(1).trim();
                }
                out.add(new Dependency(out.repo(), Ecosystem.CARGO, "", name, declared, resolved,
                        optional && scope.equals("compile") ? "optional" : scope, true, path, line, List.of()));
                if (scope.equals("compile") && !features.isEmpty()) {
                    // what the crate is built with decides what it does: tracing-subscriber writes JSON only with "json"
                    out.add(new ConfigSetting(out.repo(), path, line, "cargo.dependencies." + name + ".features",
                            String.join(",", features)));
                }
            }
        }

        /** The features a dependency entry switches on; entries of the wrong type are left out. */
        private static List<String> features(TomlTable t) {
            List<String> names = new ArrayList<>();
            if (t.get("features") instanceof TomlArray a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof String f) {
                        names.add(f);
                    }
                }
            }
            return names;
        }

        /**
         * {@code registry}, {@code path}, or a git source written the way Cargo.lock writes it without the commit:
         * {@code git+URL}, with {@code ?branch=}, {@code ?tag=} or {@code ?rev=} when one is given.
         */
        private static String sourceOf(TomlTable t) {
            if (t.get("git") != null) {
                String ref = List.of("branch", "tag", "rev").stream().filter(k -> !text(t.get(k)).isEmpty())
                        .map(k -> "?" + k + "=" + text(t.get(k))).findFirst().orElse("");
                return "git+" + text(t.get("git")) + ref;
            }
            return t.get("path") != null ? "path" : "registry";
        }

        private static String text(Object o) {
            return o instanceof String s ? s : "";
        }
    }

    /** A {@code Cargo.lock}: locked versions by crate name, and the graph for transitive dependencies. */
    static final class CargoLock {
        private record Locked(String name, String version, String source, int line, List<String> deps) {
            String id() {
                return name + " " + version + " " + source;
            }
        }

        private final String path;
        private final List<Locked> packages = new ArrayList<>();
        private final Map<String, List<Locked>> byName = new HashMap<>();

        /** A lock from its packages, read by the fast path ({@link CargoLockLines}) or from tomlj ({@link #packagesOf}). */
        CargoLock(String path, List<CargoLockLines.Package> read) {
            this.path = path;
            for (CargoLockLines.Package p : read) {
                Locked locked = new Locked(p.name(), p.version(), p.source(), p.line(), p.deps());
                packages.add(locked);
                byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(locked);
            }
        }

        CargoLock(String path, TomlParseResult toml, Facts out) {
            this(path, packagesOf(toml, path, out));
        }

        /** The packages of a lock parsed by tomlj; a value of the wrong type is a problem at its line. */
        static List<CargoLockLines.Package> packagesOf(TomlParseResult toml, String path, Facts out) {
            List<CargoLockLines.Package> packages = new ArrayList<>();
            var array = TomlLines.array(toml, List.of("package"), path, out);
            if (array == null) {
                return packages;
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof TomlTable t) || !(t.get("name") instanceof String name)) {
                    continue;
                }
                TomlPosition pos = array.inputPositionOf(i);
                List<String> deps = new ArrayList<>();
                var d = TomlLines.array(t, List.of("dependencies"), path, out);
                for (int j = 0; d != null && j < d.size(); j++) {
                    if (d.get(j) instanceof String s) {
                        deps.add(s);
                    }
                }
                packages.add(new CargoLockLines.Package(name, t.get("version") instanceof String v ? v : "",
                        t.get("source") instanceof String s ? s : "", pos == null ? 0 : pos.line(), deps));
            }
            return packages;
        }

        String path() {
            return path;
        }

        /**
         * The locked version a declaration resolved to, or empty when the lock cannot tell. Entries from the
         * declaration's own kind of source come first: a registry requirement takes a registry entry even when the
         * workspace also holds a newer local crate of that name (an in-tree copy published separately); a local entry
         * is taken when no registry one fits the requirement (a {@code [patch]} to a path).
         */
        String resolve(String name, String declared, String source) {
            List<Locked> all = byName.get(name);
            if (all == null) {
                return "";
            }
            List<Locked> candidates = new ArrayList<>();
            for (Locked l : all) {
                boolean fits = source.startsWith("git+") ? l.source().startsWith("git+")
                        : source.equals("path") ? l.source().isEmpty()
                        : !l.source().isEmpty() && !l.source().startsWith("git+");
                if (fits) {
                    candidates.add(l);
                }
            }
            if (source.startsWith("git+")) {
                candidates = sameGitSource(candidates, source);
            }
            CargoRequirement req = CargoRequirement.parse(declared);
            Locked best = newestMatching(candidates, req);
            if (best == null) {
                best = newestMatching(all, req);
            }
            if (best == null && (candidates.size() == 1 || candidates.isEmpty() && all.size() == 1)) {
                best = candidates.isEmpty() ? all.get(0) : candidates.get(0); // the only one, requirement or not
            }
            return best == null ? "" : best.version();
        }

        /**
         * The git entries locked from the declaration's repository, and of those the ones with its branch, tag or rev
         * when any has it (one crate can be locked from several forks or refs); all of them when none matches, as
         * the lock may spell the URL differently.
         */
        private static List<Locked> sameGitSource(List<Locked> git, String source) {
            String ref = gitSource(source, true);
            List<Locked> sameRef = git.stream().filter(l -> gitSource(l.source(), true).equals(ref)).toList();
            if (!sameRef.isEmpty()) {
                return sameRef;
            }
            String url = gitSource(source, false);
            List<Locked> sameUrl = git.stream().filter(l -> gitSource(l.source(), false).equals(url)).toList();
            return sameUrl.isEmpty() ? git : sameUrl;
        }

        /** A {@code git+URL[?ref]#commit} source without its commit, {@code .git} suffix and case, and the ref unless asked. */
        private static String gitSource(String source, boolean withRef) {
            String s = source.replaceFirst("#.*", "");
            String ref = s.contains("?") ? s.substring(s.indexOf('?')) : "";
            String url = s.replaceFirst("\\?.*", "").replaceFirst("/+$", "").replaceFirst("\\.git$", "");
            return url.toLowerCase(Locale.ROOT) + (withRef ? ref : "");
        }

        private static Locked newestMatching(List<Locked> candidates, CargoRequirement req) {
            Locked best = null;
            for (Locked l : candidates) {
                if ((req == null || req.matches(l.version())) && (best == null || newer(l.version(), best.version()))) {
                    best = l;
                }
            }
            return best;
        }

        private static boolean newer(String a, String b) {
            long[] x = CargoRequirement.triple(a);
            long[] y = CargoRequirement.triple(b);
            return x != null && (y == null || CargoRequirement.compare(x, y) > 0);
        }

        /** Registry and git packages as transitive dependencies; the workspace's own crates (no source) are the roots. */
        void emitTransitive(Facts out) {
            LockGraph graph = new LockGraph();
            List<String> roots = new ArrayList<>();
            for (Locked l : packages) {
                graph.node(l.id(), l.name());
                for (String dep : l.deps()) {
                    Locked target = edge(dep);
                    if (target != null) {
                        graph.edge(l.id(), target.id());
                        if (l.source().isEmpty()) {
                            roots.add(target.id());
                        }
                    }
                }
            }
            Map<String, LockGraph.Reach> reach = graph.walk(Map.of("compile", roots));
            for (Locked l : packages) {
                if (l.source().isEmpty()) {
                    continue;
                }
                LockGraph.Reach r = reach.get(l.id());
                out.add(new Dependency(out.repo(), Ecosystem.CARGO, "", l.name(), l.version(), l.version(), "transitive", false,
                        path, l.line(), r == null ? List.of() : r.via()));
            }
        }

        /** A lock dependency entry: {@code name}, {@code name version} or {@code name version (source)}. */
        private Locked edge(String dep) {
            String[] parts = dep.trim().split("\\s+", 3);
            List<Locked> candidates = byName.get(parts[0]);
            if (candidates == null) {
                return null;
            }
            if (parts.length == 1 || candidates.size() == 1) {
                return candidates.get(0);
            }
            for (Locked l : candidates) {
                if (l.version().equals(parts[1])) {
                    return l;
                }
            }
            return candidates.get(0);
        }
    }
}
