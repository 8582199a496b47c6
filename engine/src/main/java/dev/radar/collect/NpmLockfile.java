package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An npm-ecosystem lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock) as the npm collector uses it. */
interface NpmLockfile {

    /** One dependency entry of a package.json: kind is the section (dependencies, devDependencies...). */
    record Declared(String kind, String name, String declared, int line) {
        String scope() {
            return switch (kind) {
                case "devDependencies" -> "dev";
                case "peerDependencies" -> "peer";
                case "optionalDependencies" -> "optional";
                default -> "prod";
            };
        }
    }

    /** A package.json with its own name and version (empty when absent) and its dependency entries in file order. */
    record Manifest(String path, String name, String version, List<Declared> dependencies) {}

    /** The lockfile's repository path. */
    String path();

    /** Whether the package.json in folder {@code rel} (relative to the lockfile's folder, "" for the same) belongs to this lock. */
    boolean covers(String rel);

    /** The locked version of a direct dependency of the package.json in folder {@code rel}; empty when unknown. */
    String resolve(String rel, String name, String declared);

    /** Adds the locked packages as transitive dependencies; {@code manifests} are the covered package.json files by folder. */
    void emit(Map<String, Manifest> manifests, Facts out);

    /** A locked package as a transitive dependency row. */
    static Dependency locked(Facts out, String fullName, String version, String scope, String file, int line, List<String> via) {
        String[] gn = split(fullName);
        return new Dependency(out.repo(), Ecosystem.NPM, gn[0], gn[1], version, version, scope, false, file, line, via);
    }

    /** {@code @scope/name} as group {@code @scope} and name {@code name}; unscoped names have an empty group. */
    static String[] split(String fullName) {
        int slash = fullName.indexOf('/');
        if (fullName.startsWith("@") && slash > 0) {
            return new String[] {fullName.substring(0, slash), fullName.substring(slash + 1)};
        }
        return new String[] {"", fullName};
    }

    /** Roots for walking a lock's graph: the ids the manifests' dependencies resolve to, production before development. */
    static Map<String, List<String>> roots(Map<String, Manifest> manifests, java.util.function.BiFunction<String, Declared, String> idOf) {
        Map<String, List<String>> roots = new LinkedHashMap<>();
        roots.put("prod", new ArrayList<>());
        roots.put("optional", new ArrayList<>());
        roots.put("peer", new ArrayList<>());
        roots.put("dev", new ArrayList<>());
        for (var m : manifests.entrySet()) {
            for (Declared d : m.getValue().dependencies()) {
                String id = idOf.apply(m.getKey(), d);
                if (id != null) {
                    roots.get(d.scope()).add(id);
                }
            }
        }
        return roots;
    }

    /** The scope of a reached package, or {@code transitive} when no declaration reaches it. */
    static String scopeOf(LockGraph.Reach reach) {
        return reach == null ? "transitive" : reach.scope();
    }

    /** The via path of a reached package, or empty. */
    static List<String> viaOf(LockGraph.Reach reach) {
        return reach == null ? List.of() : reach.via();
    }

    /** Convenience for collections that may be null. */
    static <T> Collection<T> orEmpty(Collection<T> c) {
        return c == null ? List.of() : c;
    }
}
