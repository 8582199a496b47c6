package dev.radar.collect;

import dev.radar.collect.GradleResolver.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A Gradle version catalog ({@code gradle/libs.versions.toml}) read with tomlj: libraries, bundles, plugins
 * and versions, keyed by accessor path. Gradle turns the separators {@code -}, {@code _} and {@code .} of an
 * alias into dots of the accessor and keeps case, so {@code androidx-core_ktx} is {@code libs.androidx.core.ktx}.
 * A version by reference is declared as {@code ref:<key>} and resolved from {@code [versions]}.
 */
final class GradleCatalog {

    /** A library entry: coordinates, the version as declared ({@code ref:key} or literal) and the resolved version. */
    record Library(String group, String name, String declared, String resolved) {}

    /** A plugin entry: id, declared and resolved version. */
    record Plugin(String id, String declared, String resolved) {}

    private final Map<String, Library> libraries = new HashMap<>();
    private final Map<String, List<String>> bundles = new HashMap<>();
    private final Map<String, Plugin> plugins = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemLine;

    private GradleCatalog() {}

    static GradleCatalog parse(String text) {
        GradleCatalog catalog = new GradleCatalog();
        TomlParseResult toml;
        try {
            toml = SafeToml.parse(text);
        } catch (SafeToml.Refused e) {
            catalog.problem(e.line(), "version catalog is not valid TOML: " + e.getMessage());
            return catalog;
        }
        for (TomlParseError e : toml.errors()) {
            catalog.problem(e.position(), "version catalog is not valid TOML: " + e.getMessage());
        }
        TomlTable versions = catalog.section(toml, "versions");
        if (versions != null) {
            catalog.readVersions("", versions);
        }
        TomlTable libraries = catalog.section(toml, "libraries");
        if (libraries != null) {
            catalog.readLibraries("", libraries);
        }
        TomlTable bundles = catalog.section(toml, "bundles");
        if (bundles != null) {
            for (String key : bundles.keySet()) {
                Object v = bundles.get(List.of(key));
                if (v instanceof TomlArray array) {
                    List<String> members = new ArrayList<>();
                    for (int k = 0; k < array.size(); k++) {
                        if (array.get(k) instanceof String s) {
                            members.add(accessor(s));
                        }
                    }
                    catalog.bundles.put(accessor(key), members);
                }
            }
        }
        TomlTable plugins = catalog.section(toml, "plugins");
        if (plugins != null) {
            catalog.readPlugins("", plugins);
        }
        return catalog;
    }

    /**
     * A catalog declared in a settings script ({@code versionCatalogs { create("libs") { version(..); library(..) } }}),
     * from its entries in the order written; a {@code versionRef} may name a version declared after it, as in Gradle.
     *
     * @param versions  alias to version
     * @param libraries alias to group, name and declared version ({@code ref:key}, a literal or empty), and for a rich
     *                  version the one it resolves to
     * @param bundles   alias to member aliases
     * @param plugins   alias to id and declared version
     */
    static GradleCatalog declared(Map<String, String> versions, Map<String, String[]> libraries, Map<String, List<String>> bundles,
            Map<String, String[]> plugins) {
        GradleCatalog catalog = new GradleCatalog();
        versions.forEach((alias, v) -> catalog.versions.put(accessor(alias), v));
        libraries.forEach((alias, l) -> catalog.libraries.put(accessor(alias),
                new Library(l[0], l[1], l[2], l.length > 3 ? l[3] : catalog.resolve(l[2]))));
        bundles.forEach((alias, members) -> catalog.bundles.put(accessor(alias), members.stream().map(GradleCatalog::accessor).toList()));
        plugins.forEach((alias, p) -> catalog.plugins.put(accessor(alias), new Plugin(p[0], p[1], catalog.resolve(p[1]))));
        return catalog;
    }

    /**
     * This catalog (entries declared in a settings script) together with the catalog file the same catalog imports:
     * Gradle builds one catalog from both, so a {@code versionRef} here may name a version of the file.
     */
    GradleCatalog with(GradleCatalog imported) {
        GradleCatalog c = new GradleCatalog();
        c.versions.putAll(imported.versions);
        c.versions.putAll(versions);
        c.libraries.putAll(imported.libraries);
        libraries.forEach((alias, l) -> c.libraries.put(alias, l.resolved().isEmpty() && l.declared().startsWith("ref:")
                ? new Library(l.group(), l.name(), l.declared(), c.resolve(l.declared())) : l));
        c.bundles.putAll(imported.bundles);
        c.bundles.putAll(bundles);
        c.plugins.putAll(imported.plugins);
        plugins.forEach((alias, p) -> c.plugins.put(alias, p.resolved().isEmpty() && p.declared().startsWith("ref:")
                ? new Plugin(p.id(), p.declared(), c.resolve(p.declared())) : p));
        return c;
    }

    /** A declared version resolved: {@code ref:key} through the versions, a literal as itself. */
    private String resolve(String declared) {
        return declared.startsWith("ref:") ? versions.getOrDefault(accessor(declared.substring(4)), "") : declared;
    }

    /** A top-level table; a value of another type ({@code versions = 1}) is a problem and reads as absent. */
    private TomlTable section(TomlParseResult toml, String key) {
        Object v = toml.get(List.of(key));
        if (v == null || v instanceof TomlTable) {
            return (TomlTable) v;
        }
        problem(toml.inputPositionOf(List.of(key)), "version catalog: '" + key + "' should be a table");
        return null;
    }

    /** A library whose module has no name ({@code x = ":"}, {@code module = "g:"}): a problem, and not a library. */
    private void nameless(TomlTable table, String key, String path) {
        problem(table.inputPositionOf(List.of(key)), "version catalog: library '" + path + "' names no module");
    }

    /** Records a problem; the first one's line is the line reported. */
    private void problem(org.tomlj.TomlPosition position, String message) {
        problem(position == null ? 0 : position.line(), message);
    }

    private void problem(int line, String message) {
        if (problems.isEmpty()) {
            problemLine = line;
        }
        problems.add(message);
    }

    /** A string value; null when absent or of another type ({@code group = 1}). */
    private static String string(TomlTable t, String key) {
        return t.get(List.of(key)) instanceof String s ? s : null;
    }

    /** The accessor path of an alias: separators become dots, case is kept. */
    static String accessor(String alias) {
        return alias.replaceAll("[-_.]", ".");
    }

    Optional<Library> library(String accessorPath) {
        return Optional.ofNullable(libraries.get(accessorPath));
    }

    Optional<List<String>> bundle(String accessorPath) {
        return Optional.ofNullable(bundles.get(accessorPath));
    }

    Optional<Plugin> plugin(String accessorPath) {
        return Optional.ofNullable(plugins.get(accessorPath));
    }

    /** A version from {@code [versions]} by accessor path, resolved to one version when it is exact. */
    Optional<String> version(String accessorPath) {
        return Optional.ofNullable(versions.get(accessorPath));
    }

    /** The problems found, each a whole message ("version catalog is not valid TOML: ...", "version catalog: ..."). */
    List<String> problems() {
        return problems;
    }

    int problemLine() {
        return problemLine;
    }

    private void readVersions(String prefix, TomlTable table) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            String path = prefix + key;
            if (v instanceof String s) {
                versions.put(accessor(path), s);
            } else if (v instanceof TomlTable t) {
                String rich = rich(t);
                if (rich != null) {
                    versions.put(accessor(path), chosen(t, rich));
                } else {
                    readVersions(path + ".", t);
                }
            }
        }
    }

    private void readLibraries(String prefix, TomlTable table) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            String path = prefix + key;
            if (v instanceof String s) {
                String[] parts = s.split(":", -1);
                if (parts.length >= 2) {
                    if (parts[1].isBlank()) {
                        nameless(table, key, path);
                        continue;
                    }
                    String declared = parts.length > 2 ? parts[2] : "";
                    libraries.put(accessor(path), new Library(parts[0].trim(), parts[1].trim(), declared, declared));
                }
            } else if (v instanceof TomlTable t) {
                String group = string(t, "group");
                String name = string(t, "name");
                String module = string(t, "module");
                if (module != null) {
                    int colon = module.indexOf(':');
                    group = colon < 0 ? "" : module.substring(0, colon).trim();
                    name = colon < 0 ? module.trim() : module.substring(colon + 1).trim();
                }
                if (name == null) {
                    readLibraries(path + ".", t);
                    continue;
                }
                if (name.isBlank()) {
                    nameless(table, key, path);
                    continue;
                }
                String[] version = version(t);
                libraries.put(accessor(path), new Library(group == null ? "" : group.trim(), name.trim(), version[0], version[1]));
            }
        }
    }

    private void readPlugins(String prefix, TomlTable table) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            String path = prefix + key;
            if (v instanceof String s) {
                int colon = s.indexOf(':');
                String id = colon < 0 ? s : s.substring(0, colon);
                String version = colon < 0 ? "" : s.substring(colon + 1);
                plugins.put(accessor(path), new Plugin(id.trim(), version, version));
            } else if (v instanceof TomlTable t) {
                String id = string(t, "id");
                if (id == null) {
                    readPlugins(path + ".", t);
                    continue;
                }
                String[] version = version(t);
                plugins.put(accessor(path), new Plugin(id.trim(), version[0], version[1]));
            }
        }
    }

    /** Declared and resolved version of an entry: {@code version.ref}, a literal, or a rich version table. */
    private String[] version(TomlTable entry) {
        Object v = entry.get(List.of("version"));
        if (v instanceof String s) {
            return new String[] {s, s};
        }
        if (v instanceof TomlTable t) {
            String ref = string(t, "ref");
            if (ref != null) {
                return new String[] {"ref:" + ref, versions.getOrDefault(accessor(ref), "")};
            }
            String rich = rich(t);
            if (rich != null) {
                return new String[] {rich, chosen(t, rich)};
            }
        }
        return new String[] {"", ""};
    }

    /** The version a rich declaration ({@code strictly}, {@code require}, {@code prefer}) asks for; null when none. */
    private static String rich(TomlTable t) {
        return rich(k -> string(t, k));
    }

    /** {@link #rich(TomlTable)} for any source of the parts: a catalog table or a settings script's version closure. */
    static String rich(Function<String, String> part) {
        for (String k : new String[] {"strictly", "require", "prefer"}) {
            String s = part.apply(k);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String chosen(TomlTable t, String rich) {
        return chosen(k -> string(t, k), rich);
    }

    /**
     * The version Gradle picks for a rich declaration on its own: the {@code prefer} one when the strict or required
     * version is a range or dynamic ({@code strictly = "[2.5, 2.7["}, {@code prefer = "2.6.1"} selects 2.6.1), else
     * the strict or required one.
     */
    static String chosen(Function<String, String> part, String rich) {
        String prefer = part.apply("prefer");
        if (prefer == null || prefer.equals(rich) || !GradleCollector.exact(new Value(rich, true)).isEmpty()) {
            return rich;
        }
        return prefer;
    }
}
