package dev.radar.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads Pipenv's {@code Pipfile} ({@code [packages]}, {@code [dev-packages]} and custom package categories such as
 * {@code [docs]}, each entry at its line) and resolves it through the {@code Pipfile.lock} next to it, whose locked
 * packages are also added as transitive dependencies.
 */
public final class PipfileCollector implements Collector {
    private static final JsonFactory JSON = SafeJson.FACTORY;
    /** Pipfile tables that are settings, not package categories. */
    private static final Set<String> SETTINGS = Set.of("source", "requires", "scripts", "pipenv");

    private record Locked(String name, String version, String scope, int line) {}

    @Override
    public String name() {
        return "pipfile";
    }

    @Override
    public boolean wants(String path) {
        String f = LockGraph.fileName(path);
        return f.equals("Pipfile") || f.equals("Pipfile.lock");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, Map<String, String>> locked = new HashMap<>();
        for (String path : paths) {
            if (path.endsWith("Pipfile.lock")) {
                List<Locked> entries = lock(tree, path, out);
                Map<String, String> versions = new HashMap<>();
                for (Locked l : entries) {
                    versions.putIfAbsent(Pep508.normalise(l.name()), l.version());
                    out.add(new Dependency(out.repo(), Ecosystem.PYPI, "", l.name(), l.version(), l.version(), l.scope(), false,
                            path, l.line(), List.of()));
                }
                locked.put(LockGraph.dir(path), versions);
            }
        }
        for (String path : paths) {
            if (!path.endsWith("Pipfile.lock")) {
                TomlParseResult toml = CargoCollector.parse(tree, path, out);
                if (toml != null) {
                    Map<String, String> versions = locked.getOrDefault(LockGraph.dir(path), Map.of());
                    section(path, TomlLines.table(toml, List.of("packages"), path, out), "runtime", versions, out);
                    section(path, TomlLines.table(toml, List.of("dev-packages"), path, out), "dev", versions, out);
                    for (String category : toml.keySet()) {
                        if (!SETTINGS.contains(category) && !category.equals("packages") && !category.equals("dev-packages")
                                && toml.get(List.of(category)) instanceof TomlTable) {
                            section(path, TomlLines.table(toml, List.of(category), path, out), "dev", versions, out);
                        }
                    }
                }
            }
        }
    }

    private static void section(String path, TomlTable table, String scope, Map<String, String> locked, Facts out) {
        if (table == null) {
            return;
        }
        for (String name : table.keySet()) {
            if (name.isBlank()) {
                out.problem(path, TomlLines.key(table, name), "Pipfile: a package has no name; ignored");
                continue;
            }
            Object value = table.get(List.of(name));
            String declared = value instanceof String s ? s
                    : value instanceof TomlTable t && t.get("version") instanceof String v ? v : "";
            String resolved = locked.getOrDefault(Pep508.normalise(name), Pep508.exactPin(declared));
            out.add(new Dependency(out.repo(), Ecosystem.PYPI, "", name, declared, resolved, scope, true, path,
                    TomlLines.key(table, name), List.of()));
        }
    }

    /**
     * The {@code default}, {@code develop} and custom category sections of a Pipfile.lock (every top-level object but
     * {@code _meta}), read as a stream for the key lines.
     */
    private static List<Locked> lock(RepoTree tree, String path, Facts out) {
        List<Locked> found = new ArrayList<>();
        try (JsonParser p = JSON.createParser(tree.read(path))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                if (!section.equals("_meta") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        String version = "";
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String field = p.currentName();
                                p.nextToken();
                                if (field.equals("version") && p.currentToken() == JsonToken.VALUE_STRING) {
                                    version = Pep508.exactPin(p.getText());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                        if (name.isBlank()) {
                            out.problem(path, line, "Pipfile.lock: a package in " + section + " has no name; ignored");
                        } else {
                            found.add(new Locked(name, version, section.equals("default") ? "runtime" : "dev", line));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            out.problem(path, e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0, "Pipfile.lock could not be read: " + LockGraph.message(e));
        }
        return found;
    }
}
