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
 * {@code pnpm-lock.yaml}, lockfile versions 5 to 9: importers (one per workspace folder, or the top level for a
 * single project) map each dependency to a locked version; packages are keyed {@code /name/1.0.0_peer} (v5),
 * {@code /name@1.0.0(peer)} (v6) or {@code name@1.0.0} with their graph under {@code snapshots} (v9). A file of
 * several YAML documents holds the project's lock in its last one.
 */
final class PnpmLock implements NpmLockfile {
    private static final List<String> KINDS = List.of("dependencies", "optionalDependencies", "devDependencies");

    private record Package(String key, String name, String version, int line, String scope) {}

    private final String path;
    private int major = 9;
    /** importer folder ("." for the root) to dependency name to the locked version reference. */
    private final Map<String, Map<String, String>> importers = new LinkedHashMap<>();
    private final List<Package> packages = new ArrayList<>();
    private final List<Map.Entry<Integer, String>> skipped = new ArrayList<>();
    /** graph node key to (dependency name, version reference) pairs. */
    private final Map<String, Map<String, String>> graphDeps = new LinkedHashMap<>();
    /** package key to the version a {@code version:} field gives, for keys that hold a file path or URL instead. */
    private final Map<String, String> explicitVersions = new HashMap<>();

    private PnpmLock(String path) {
        this.path = path;
    }

    /** Packages left out (no name), each with its line: reported as problems of the lockfile. */
    List<Map.Entry<Integer, String>> skipped() {
        return skipped;
    }

    static PnpmLock parse(String path, String text) throws YamlException {
        PnpmLock lock = new PnpmLock(path);
        List<YamlNode> documents = YamlReader.parseAll(path, text);
        // pnpm 11 and later may write the lock of their own installation (the "env" document) first: the project's is last
        YamlNode root = documents.isEmpty() ? null : documents.get(documents.size() - 1);
        if (root == null || !root.isMapping()) {
            return lock;
        }
        Map<String, YamlNode> top = new LinkedHashMap<>();
        root.entries().forEach(e -> top.putIfAbsent(e.getKey().text(), e.getValue()));
        YamlNode version = top.get("lockfileVersion");
        if (version != null && version.isScalar()) {
            String v = version.text().trim();
            int dot = v.indexOf('.');
            try {
                lock.major = Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
            } catch (NumberFormatException e) {
                lock.major = 9;
            }
        }
        YamlNode importers = top.get("importers");
        if (importers != null && importers.isMapping()) {
            for (var e : importers.entries()) {
                lock.importers.put(e.getKey().text(), importer(e.getValue()));
            }
        } else {
            lock.importers.put(".", importer(root));
        }
        YamlNode packages = top.get("packages");
        for (var e : packages == null ? List.<Map.Entry<YamlNode, YamlNode>>of() : packages.entries()) {
            String key = e.getKey().text();
            String[] nv = lock.nameVersion(key);
            if (nv[0].isBlank()) {
                lock.skipped.add(Map.entry(e.getKey().line(), "pnpm-lock.yaml: a package has no name ('" + key + "'); ignored"));
                continue;
            }
            String scope = "transitive";
            String name = nv[0];
            boolean workspaceCopy = false;
            Map<String, String> deps = new LinkedHashMap<>();
            for (var f : e.getValue().entries()) {
                String field = f.getKey().text();
                if (field.equals("resolution") && f.getValue().isMapping()) {
                    workspaceCopy = lock.isWorkspaceFolder(f.getValue());
                } else if (field.equals("version") && f.getValue().isScalar() && !f.getValue().text().isBlank()) {
                    lock.explicitVersions.put(key, f.getValue().text().trim());
                } else if (field.equals("name") && f.getValue().isScalar() && !f.getValue().text().isBlank()) {
                    name = f.getValue().text().trim(); // v6-v8 key a file or tarball dependency by its path alone
                } else if (field.equals("dev") && f.getValue().isScalar()) {
                    scope = "true".equals(f.getValue().text()) ? "dev" : "prod";
                } else if (field.equals("dependencies") || field.equals("optionalDependencies")) {
                    f.getValue().entries().forEach(d -> deps.put(d.getKey().text(), d.getValue().isScalar() ? d.getValue().text() : ""));
                }
            }
            if (!workspaceCopy) { // an injected workspace package is the project's own folder, as its link would be
                lock.packages.add(new Package(key, name, lock.lockedVersion(key, nv[1]), e.getKey().line(), scope));
            }
            if (lock.major < 9) {
                lock.graphDeps.put(key, deps);
            }
        }
        YamlNode snapshots = top.get("snapshots");
        for (var e : snapshots == null ? List.<Map.Entry<YamlNode, YamlNode>>of() : snapshots.entries()) {
            Map<String, String> deps = new LinkedHashMap<>();
            for (var f : e.getValue().entries()) {
                String field = f.getKey().text();
                if (field.equals("dependencies") || field.equals("optionalDependencies")) {
                    f.getValue().entries().forEach(d -> deps.put(d.getKey().text(), d.getValue().isScalar() ? d.getValue().text() : ""));
                }
            }
            lock.graphDeps.put(e.getKey().text(), deps);
        }
        return lock;
    }

    /**
     * Whether a package's {@code resolution} is a directory that is one of the lock's importers: a workspace package
     * that pnpm injects ({@code dependenciesMeta.*.injected}, {@code injectWorkspacePackages}) as a copy
     * ({@code {directory: packages/core, type: directory}}) instead of linking it.
     */
    private boolean isWorkspaceFolder(YamlNode resolution) {
        for (var f : resolution.entries()) {
            if (f.getKey().text().equals("directory") && f.getValue().isScalar()) {
                String dir = f.getValue().text().trim();
                if (dir.startsWith("./")) {
                    dir = dir.substring(2);
                }
                if (dir.endsWith("/")) {
                    dir = dir.substring(0, dir.length() - 1);
                }
                return importers.containsKey(dir.isEmpty() ? "." : dir);
            }
        }
        return false;
    }

    /** An importer's dependencies: v5 writes {@code name: version}, v6+ {@code name: {specifier, version}}. */
    private static Map<String, String> importer(YamlNode node) {
        Map<String, String> deps = new LinkedHashMap<>();
        for (var e : node.entries()) {
            if (!KINDS.contains(e.getKey().text())) {
                continue;
            }
            for (var d : e.getValue().entries()) {
                YamlNode v = d.getValue();
                String version = "";
                if (v.isScalar()) {
                    version = v.text();
                } else {
                    for (var f : v.entries()) {
                        if (f.getKey().text().equals("version") && f.getValue().isScalar()) {
                            version = f.getValue().text();
                        }
                    }
                }
                deps.putIfAbsent(d.getKey().text(), version);
            }
        }
        return deps;
    }

    /** The graph key a dependency reference points to: aliases are written as keys, others are built from name and version. */
    private String nodeKey(String name, String ref) {
        if (ref.isEmpty() || ref.startsWith("link:") || ref.startsWith("workspace:")) {
            return null;
        }
        if (major >= 9) {
            return isAlias(ref) ? ref : name + "@" + ref;
        }
        int colon = ref.indexOf(':');
        int paren = ref.indexOf('(');
        if (ref.startsWith("/") || colon > 0 && (paren < 0 || colon < paren) || isSourcePath(ref)) {
            return ref; // v5-v8 key a file, tarball or git dependency by the reference itself (file:vendor/x.tgz)
        }
        return major >= 6 ? "/" + name + "@" + ref : "/" + name + "/" + ref;
    }

    /**
     * A v5-v8 reference (or key) that is the source of a git or tarball dependency, host first and without a
     * leading slash: {@code github.com/acme/tool/0a1b2c3}, {@code '@example.com/tool-1.0.0.tgz'}. A registry
     * version never holds a slash outside its peer suffix (v5 writes a peer's scope with {@code +}).
     */
    private boolean isSourcePath(String ref) {
        int paren = ref.indexOf('(');
        String bare = paren < 0 ? ref : ref.substring(0, paren);
        return major < 9 && !bare.startsWith("/") && bare.indexOf('/') > 0;
    }

    /**
     * A v9 reference naming another package ({@code string-width@4.2.3}) rather than a bare version or a source
     * whose URL holds an {@code @} ({@code git+https://git@github.com:acme/tool.git#0a1b2c3}): a package name has no colon.
     */
    private static boolean isAlias(String ref) {
        int at = ref.indexOf('@', ref.startsWith("@") ? 1 : 0);
        int paren = ref.indexOf('(');
        return at > 0 && (paren < 0 || at < paren) && !Character.isDigit(ref.charAt(0)) && ref.lastIndexOf(':', at) < 0;
    }

    /** Name and version of a package key in this lockfile's format. */
    private String[] nameVersion(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int paren = k.indexOf('(');
        if (paren > 0) {
            k = k.substring(0, paren);
        }
        if (major < 6) {
            String[] parts = k.split("/");
            int n = parts[0].startsWith("@") && parts.length > 2 ? 2 : 1;
            if (parts.length <= n) {
                return new String[] {k, ""};
            }
            String name = String.join("/", List.of(parts).subList(0, n));
            String version = parts[n];
            int underscore = version.indexOf('_');
            return new String[] {name, underscore > 0 ? version.substring(0, underscore) : version};
        }
        // the name ends at its first @ after a scope's: a git source's URL holds one too (name@git+https://git@host:o/r.git#sha)
        int at = k.indexOf('@', 1);
        return at <= 0 ? new String[] {k, ""} : new String[] {k.substring(0, at), k.substring(at + 1)};
    }

    /** The version a reference locks: peers stripped, aliases reduced to their version; empty for links. */
    private String versionOf(String name, String ref) {
        String key = nodeKey(name, ref);
        return key == null ? "" : lockedVersion(key, nameVersion(key)[1]);
    }

    /**
     * The version of a package key whose version part is {@code fromKey}. A tarball, directory or git dependency
     * is keyed by its path or URL ({@code left-pad@file:vendor/left-pad-1.3.0.tgz}, v6-v8 {@code file:vendor/x.tgz},
     * v5-v8 {@code github.com/acme/tool/0a1b2c3}):
     * its version is the entry's {@code version:} field when pnpm wrote one, else unknown (a path is not a version).
     */
    private String lockedVersion(String key, String fromKey) {
        int paren = key.indexOf('(');
        String version = explicitVersions.get(key);
        if (version == null && paren > 0) {
            version = explicitVersions.get(key.substring(0, paren));
        }
        if (version != null) {
            return version;
        }
        return fromKey.contains(":") || isSourcePath(key) ? "" : fromKey;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean covers(String rel) {
        return importers.containsKey(rel.isEmpty() ? "." : rel);
    }

    @Override
    public String resolve(String rel, String name, String declared) {
        Map<String, String> deps = importers.get(rel.isEmpty() ? "." : rel);
        String ref = deps == null ? null : deps.get(name);
        return ref == null ? "" : versionOf(name, ref);
    }

    @Override
    public void emit(Map<String, Manifest> manifests, Facts out) {
        LockGraph graph = new LockGraph();
        for (var node : graphDeps.entrySet()) {
            graph.node(node.getKey(), nameVersion(node.getKey())[0]);
            for (var d : node.getValue().entrySet()) {
                graph.edge(node.getKey(), nodeKey(d.getKey(), d.getValue()));
            }
        }
        Map<String, LockGraph.Reach> reach = graph.walk(NpmLockfile.roots(manifests, (rel, d) -> {
            Map<String, String> deps = importers.get(rel.isEmpty() ? "." : rel);
            String ref = deps == null ? null : deps.get(d.name());
            return ref == null ? null : nodeKey(d.name(), ref);
        }));
        Map<String, LockGraph.Reach> byPackage = new HashMap<>();
        if (major >= 9) {
            for (var r : reach.entrySet()) {
                String k = r.getKey();
                int paren = k.indexOf('(');
                byPackage.putIfAbsent(paren > 0 ? k.substring(0, paren) : k, r.getValue());
            }
        } else {
            byPackage = reach;
        }
        for (Package p : packages) {
            LockGraph.Reach r = byPackage.get(p.key());
            String scope = !p.scope().equals("transitive") ? p.scope() : NpmLockfile.scopeOf(r);
            out.add(NpmLockfile.locked(out, p.name(), p.version(), scope, path, p.line(), NpmLockfile.viaOf(r)));
        }
    }
}
