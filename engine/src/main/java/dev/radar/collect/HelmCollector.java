package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Helm chart dependencies from {@code Chart.yaml} (and {@code requirements.yaml} of apiVersion v1
 * charts): each entry is a Helm dependency at the line of its {@code - name:} item, grouped by its
 * repository URL; {@code Chart.lock} / {@code requirements.lock} give resolved versions, exact versions
 * resolve to themselves, and local {@code file://} charts are skipped. A chart used twice under different
 * {@code alias}es is locked twice under its name, in declaration order, so the n-th declaration of a name
 * takes the n-th locked entry of that name. A lock entry that contradicts a full pinned version
 * ({@code 19.19.2} locked as {@code 19.13.0}) is stale, as Helm refuses a lock out of sync with the chart: the pin
 * resolves to itself.
 */
public final class HelmCollector implements Collector {

    private static final Pattern EXACT = Pattern.compile("v?\\d+(\\.\\d+){0,2}([-+][0-9A-Za-z.+-]+)?");

    /** A full {@code major.minor.patch} version: as a Helm constraint it admits that one chart version only. */
    private static final Pattern PINNED = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?");

    @Override
    public String name() {
        return "helm";
    }

    @Override
    public boolean wants(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.equals("Chart.yaml") || base.equals("requirements.yaml");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            boolean requirements = path.endsWith("requirements.yaml");
            if (requirements && !tree.contains(dir + "Chart.yaml")) {
                continue; // a requirements.yaml outside a chart is someone else's file
            }
            YamlNode root = parse(tree, path, out);
            if (root == null) {
                continue;
            }
            YamlNode deps = YamlLookup.get(root, "dependencies");
            if (deps == null || !deps.isSequence()) {
                continue;
            }
            Map<String, List<String>> locked = locked(tree, dir + (requirements ? "requirements.lock" : "Chart.lock"), out);
            Map<String, Integer> seen = new HashMap<>();
            for (YamlNode item : deps.items()) {
                String name = YamlLookup.text(item, "name");
                if (name == null || name.isBlank()) {
                    continue;
                }
                String repository = orEmpty(YamlLookup.text(item, "repository")).trim();
                String byRepository = name.trim() + "|" + repository;
                String byName = name.trim() + "|";
                int nthByRepository = seen.merge(byRepository, 1, Integer::sum) - 1;
                int nthByName = seen.merge(byName, 1, Integer::sum) - 1;
                if (repository.startsWith("file://")) {
                    continue;
                }
                String declared = orEmpty(YamlLookup.text(item, "version")).trim();
                String resolved = nth(locked.get(byRepository), nthByRepository);
                if (resolved.isEmpty()) {
                    resolved = nth(locked.get(byName), nthByName);
                }
                if (!resolved.isEmpty() && PINNED.matcher(declared).matches() && !withoutV(resolved).equals(withoutV(declared))) {
                    resolved = ""; // a stale lock: Helm refuses a lock out of sync with the chart, and the pin installs only itself
                }
                if (resolved.isEmpty() && EXACT.matcher(declared).matches()) {
                    resolved = declared;
                }
                out.add(new Dependency(out.repo(), Ecosystem.HELM, repository, name.trim(), declared, resolved, "runtime", true,
                        path, item.line(), List.of()));
            }
        }
    }

    private static String withoutV(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    /** Locked versions in lock order, by {@code name|repository} (and {@code name|} as a fallback). */
    private static Map<String, List<String>> locked(RepoTree tree, String lockPath, Facts out) {
        Map<String, List<String>> versions = new HashMap<>();
        if (!tree.contains(lockPath)) {
            return versions;
        }
        YamlNode lock = parse(tree, lockPath, out);
        YamlNode deps = YamlLookup.get(lock, "dependencies");
        if (deps == null) {
            return versions;
        }
        for (YamlNode item : deps.items()) {
            String name = YamlLookup.text(item, "name");
            String version = YamlLookup.text(item, "version");
            if (name != null && version != null && !version.isBlank()) {
                String repository = orEmpty(YamlLookup.text(item, "repository")).trim();
                versions.computeIfAbsent(name.trim() + "|" + repository, k -> new ArrayList<>()).add(version.trim());
                versions.computeIfAbsent(name.trim() + "|", k -> new ArrayList<>()).add(version.trim());
            }
        }
        return versions;
    }

    private static String nth(List<String> versions, int index) {
        return versions != null && index < versions.size() ? versions.get(index) : "";
    }

    private static YamlNode parse(RepoTree tree, String path, Facts out) {
        try {
            return YamlReader.parse(path, tree.read(path));
        } catch (IOException e) {
            out.problem(path, 0, "Helm chart file could not be read: " + e.getMessage());
        } catch (YamlException e) {
            out.problem(path, e.problem().line(), "Helm chart file " + e.problem().message());
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
