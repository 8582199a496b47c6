package dev.radar.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code package.json} dependency sections (dependencies, devDependencies, peerDependencies,
 * optionalDependencies), each entry at its line with the range as written, and resolves them through the
 * lockfile of their project ({@code package-lock.json}/{@code npm-shrinkwrap.json} v1-v3, {@code yarn.lock}
 * classic and berry, {@code pnpm-lock.yaml} v5-v9, Bun's {@code bun.lock}), whose packages are added as transitive
 * dependencies.
 */
public final class NpmCollector implements Collector {
    static final JsonFactory JSON = SafeJson.FACTORY;
    private static final Set<String> SECTIONS = Set.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");
    /** The catalog keys of a Bun root package.json, the default catalog first. */
    private static final List<String> CATALOG_SECTIONS = List.of("catalog", "catalogs");
    /** Lockfile names, most authoritative first when a folder holds several. */
    private static final List<String> LOCKS =
            List.of("npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock");

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public boolean wants(String path) {
        String f = LockGraph.fileName(path);
        return !path.startsWith("node_modules/") && !path.contains("/node_modules/")
                && (f.equals("package.json") || f.equals(PnpmWorkspace.FILE) || f.equals(PnpmWorkspace.YARNRC) || LOCKS.contains(f));
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, NpmLockfile> locksByFolder = new HashMap<>();
        List<NpmLockfile> locks = new ArrayList<>();
        for (String name : LOCKS) {
            for (String path : paths) {
                if (LockGraph.fileName(path).equals(name)) {
                    NpmLockfile lock = readLock(tree, path, out);
                    if (lock != null) {
                        locksByFolder.putIfAbsent(LockGraph.dir(path), lock);
                        locks.add(lock);
                    }
                }
            }
        }
        Map<String, PnpmWorkspace> catalogsByFolder = new HashMap<>();
        for (String name : List.of(PnpmWorkspace.FILE, PnpmWorkspace.YARNRC)) {
            for (String path : paths) {
                if (LockGraph.fileName(path).equals(name)) {
                    PnpmWorkspace workspace = PnpmWorkspace.read(tree, path, out);
                    if (workspace != null) {
                        catalogsByFolder.putIfAbsent(LockGraph.dir(path), workspace);
                    }
                }
            }
        }
        List<NpmLockfile.Manifest> manifests = new ArrayList<>();
        Map<String, String> workspaceVersions = new HashMap<>();
        for (String path : paths) {
            if (LockGraph.fileName(path).equals("package.json")) {
                NpmLockfile.Manifest manifest = readManifest(tree, path, catalogsByFolder, out);
                if (manifest != null) {
                    manifests.add(manifest);
                    if (!manifest.name().isEmpty() && !manifest.version().isEmpty()) {
                        workspaceVersions.putIfAbsent(manifest.name(), manifest.version());
                    }
                }
            }
        }
        Map<NpmLockfile, Map<String, NpmLockfile.Manifest>> covered = new IdentityHashMap<>();
        for (NpmLockfile.Manifest manifest : manifests) {
            String path = manifest.path();
            String dir = LockGraph.dir(path);
            NpmLockfile lock = lockOf(dir, locksByFolder);
            String rel = lock == null ? "" : LockGraph.relativeTo(LockGraph.dir(lock.path()), dir);
            List<NpmLockfile.Declared> asLocked = new ArrayList<>();
            for (NpmLockfile.Declared d : manifest.dependencies()) {
                NpmLockfile.Declared locked = d;
                String resolved = lock == null ? "" : lock.resolve(rel, d.name(), d.declared());
                if (resolved.isEmpty() && lock != null && isCatalog(d)) { // yarn locks a catalog entry by its range
                    String range = catalogRange(d, dir, catalogsByFolder);
                    if (!range.isEmpty()) {
                        locked = new NpmLockfile.Declared(d.kind(), d.name(), range, d.line());
                        resolved = lock.resolve(rel, d.name(), range);
                    }
                }
                asLocked.add(locked);
                if (resolved.isEmpty()) {
                    resolved = unlocked(d, dir, catalogsByFolder, workspaceVersions);
                }
                String[] gn = NpmLockfile.split(d.name());
                out.add(new Dependency(out.repo(), Ecosystem.NPM, gn[0], gn[1], d.declared(), resolved, d.scope(), true, path,
                        d.line(), List.of()));
            }
            if (lock != null) { // the lock's graph is walked from the declarations as it locks them
                covered.computeIfAbsent(lock, k -> new LinkedHashMap<>())
                        .put(rel, new NpmLockfile.Manifest(path, manifest.name(), manifest.version(), asLocked));
            }
        }
        for (NpmLockfile lock : locks) {
            try {
                lock.emit(covered.getOrDefault(lock, Map.of()), out);
            } catch (RuntimeException e) {
                out.problem(lock.path(), 0, "lockfile could not be walked: " + LockGraph.message(e));
            }
        }
    }

    /** The lockfile of a package.json: in its folder, else the nearest folder above whose lock covers it. */
    private static NpmLockfile lockOf(String dir, Map<String, NpmLockfile> locksByFolder) {
        String d = dir;
        while (true) {
            NpmLockfile lock = locksByFolder.get(d);
            if (lock != null && lock.covers(LockGraph.relativeTo(d, dir))) {
                return lock;
            }
            if (d.isEmpty()) {
                return null;
            }
            d = LockGraph.dir(d);
        }
    }

    /**
     * The version of a dependency its lockfile does not resolve: a {@code catalog:} / {@code catalog:<name>} range
     * stands for the range the nearest {@code pnpm-workspace.yaml} or {@code .yarnrc.yml} catalog gives it; a
     * {@code workspace:} range (also one a catalog gives) takes the version of the repository's package of that name,
     * and an exact version itself; empty otherwise.
     */
    private static String unlocked(NpmLockfile.Declared d, String dir, Map<String, PnpmWorkspace> catalogsByFolder,
            Map<String, String> workspaceVersions) {
        String declared = isCatalog(d) ? catalogRange(d, dir, catalogsByFolder) : d.declared().trim();
        if (declared.startsWith("workspace:")) {
            return workspaceVersions.getOrDefault(d.name(), "");
        }
        return exactPin(declared);
    }

    private static boolean isCatalog(NpmLockfile.Declared d) {
        return d.declared().trim().startsWith("catalog:");
    }

    /** The range a {@code catalog:} / {@code catalog:<name>} entry stands for in the nearest catalog file; empty when none. */
    private static String catalogRange(NpmLockfile.Declared d, String dir, Map<String, PnpmWorkspace> catalogsByFolder) {
        PnpmWorkspace workspace = LockGraph.nearest(dir, catalogsByFolder);
        return workspace == null ? "" : workspace.catalogRange(d.declared().trim().substring("catalog:".length()), d.name());
    }

    /** An exact version written as the range ({@code 1.2.3}, {@code =1.2.3}, {@code v1.2.3}) resolves to itself. */
    static String exactPin(String declared) {
        String d = declared.trim();
        if (d.startsWith("=")) {
            d = d.substring(1).trim();
        }
        if (d.startsWith("v")) {
            d = d.substring(1);
        }
        return d.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?") ? d : "";
    }

    private static NpmLockfile readLock(RepoTree tree, String path, Facts out) {
        try {
            String text = tree.read(path);
            String f = LockGraph.fileName(path);
            if (f.equals("yarn.lock")) {
                return YarnLock.parse(path, text);
            }
            if (f.equals("bun.lock")) {
                return BunLock.parse(path, text);
            }
            if (f.equals("pnpm-lock.yaml")) {
                PnpmLock lock = PnpmLock.parse(path, text);
                lock.skipped().forEach(s -> out.problem(path, s.getKey(), s.getValue()));
                return lock;
            }
            return PackageLock.parse(path, text);
        } catch (JsonProcessingException e) {
            out.problem(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "lockfile is not valid JSON: " + e.getOriginalMessage());
        } catch (dev.radar.yaml.YamlException e) {
            out.problem(path, e.problem().line(), e.problem().message());
        } catch (IOException | RuntimeException e) {
            out.problem(path, 0, "lockfile could not be read: " + LockGraph.message(e));
        }
        return null;
    }

    /**
     * A Bun catalog section at its opening brace: {@code catalog} as the default catalog, {@code catalogs} as named ones;
     * by catalog name to package name to range (ranges that are not strings are skipped).
     */
    private static Map<String, Map<String, String>> readCatalogSection(JsonParser p, String section) throws IOException {
        Map<String, Map<String, String>> catalogs = new HashMap<>();
        if (section.equals("catalog")) {
            catalogs.put(PnpmWorkspace.DEFAULT, readRanges(p));
            return catalogs;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.START_OBJECT) {
                catalogs.put(name, readRanges(p));
            } else {
                p.skipChildren();
            }
        }
        return catalogs;
    }

    /** A JSON object of package name to range, at its opening brace. */
    static Map<String, String> readRanges(JsonParser p) throws IOException {
        Map<String, String> ranges = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                ranges.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return ranges;
    }

    /**
     * The dependency sections of a package.json, read as a stream so every entry keeps its line. The Bun catalogs it
     * declares ({@code workspaces.catalog} / {@code workspaces.catalogs}, or the same keys at the top level, the
     * {@code workspaces} form winning for a section both write) go to {@code catalogsByFolder} unless a
     * {@code pnpm-workspace.yaml} or {@code .yarnrc.yml} of the same folder already gave that folder's catalogs.
     */
    private static NpmLockfile.Manifest readManifest(RepoTree tree, String path, Map<String, PnpmWorkspace> catalogsByFolder,
            Facts out) {
        List<NpmLockfile.Declared> found = new ArrayList<>();
        String ownName = "";
        String ownVersion = "";
        Map<String, Map<String, Map<String, String>>> nestedCatalogs = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> topCatalogs = new HashMap<>();
        try (JsonParser p = JSON.createParser(tree.read(path))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                out.problem(path, 1, "package.json is not a JSON object");
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                JsonToken value = p.nextToken();
                if ((section.equals("name") || section.equals("version")) && value == JsonToken.VALUE_STRING) {
                    if (section.equals("name")) {
                        ownName = p.getText().trim();
                    } else {
                        ownVersion = p.getText().trim();
                    }
                } else if (SECTIONS.contains(section) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        if (name.isBlank() || name.endsWith("/") || name.startsWith("/")) {
                            out.problem(path, line, "package.json: a dependency in " + section + " has no package name ('" + name + "'); ignored");
                            p.nextToken();
                            p.skipChildren();
                        } else if (p.nextToken() == JsonToken.VALUE_STRING) {
                            found.add(new NpmLockfile.Declared(section, name, p.getText(), line));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (CATALOG_SECTIONS.contains(section) && value == JsonToken.START_OBJECT) {
                    topCatalogs.put(section, readCatalogSection(p, section));
                } else if (section.equals("workspaces") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT && CATALOG_SECTIONS.contains(field)) {
                            nestedCatalogs.put(field, readCatalogSection(p, field));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            List<Map<String, Map<String, String>>> sections = new ArrayList<>();
            for (String section : CATALOG_SECTIONS) {
                sections.add(nestedCatalogs.getOrDefault(section, topCatalogs.getOrDefault(section, Map.of())));
            }
            PnpmWorkspace bunCatalogs = PnpmWorkspace.of(sections);
            if (bunCatalogs != null) {
                catalogsByFolder.putIfAbsent(LockGraph.dir(path), bunCatalogs);
            }
            return new NpmLockfile.Manifest(path, ownName, ownVersion, found);
        } catch (JsonProcessingException e) {
            out.problem(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "package.json is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            out.problem(path, 0, "package.json could not be read: " + LockGraph.message(e));
        }
        return null;
    }
}
