package dev.radar.collect;

import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogs of a {@code pnpm-workspace.yaml}, or of a {@code .yarnrc.yml} (Yarn 4.10 and later write the same keys),
 * or of a Bun root {@code package.json} ({@link #of}): the default one ({@code catalog:}, or {@code catalogs.default})
 * and the named ones under {@code catalogs:}, each mapping a package name to the range its {@code catalog:} entries use.
 */
final class PnpmWorkspace {
    static final String FILE = "pnpm-workspace.yaml";
    static final String YARNRC = ".yarnrc.yml";
    static final String DEFAULT = "default";

    /** catalog name to package name to range. */
    private final Map<String, Map<String, String>> catalogs = new HashMap<>();

    private PnpmWorkspace() {}

    /** The workspace file's catalogs; null (with a problem) when it cannot be read. */
    static PnpmWorkspace read(RepoTree tree, String path, Facts out) {
        try {
            return parse(path, tree.read(path));
        } catch (YamlException e) {
            out.problem(path, e.problem().line(), e.problem().message());
        } catch (IOException | RuntimeException e) {
            out.problem(path, 0, LockGraph.fileName(path) + " could not be read: " + LockGraph.message(e));
        }
        return null;
    }

    static PnpmWorkspace parse(String path, String text) throws YamlException {
        PnpmWorkspace workspace = new PnpmWorkspace();
        YamlNode root = YamlReader.parse(path, text);
        if (root == null || !root.isMapping()) {
            return workspace;
        }
        for (var top : root.entries()) {
            String key = top.getKey().text();
            if ("catalog".equals(key)) {
                workspace.add(DEFAULT, top.getValue());
            } else if ("catalogs".equals(key) && top.getValue().isMapping()) {
                for (var named : top.getValue().entries()) {
                    if (named.getKey().isScalar()) {
                        workspace.add(named.getKey().text().trim(), named.getValue());
                    }
                }
            }
        }
        return workspace;
    }

    /**
     * The catalogs a Bun root package.json declares, section by section (the default {@code catalog}, then the named
     * {@code catalogs}), each by catalog name ({@code default} for {@code catalog}) to package name to range; an entry
     * an earlier section gave wins. Null when it declares none.
     */
    static PnpmWorkspace of(List<Map<String, Map<String, String>>> sections) {
        PnpmWorkspace workspace = new PnpmWorkspace();
        for (Map<String, Map<String, String>> declared : sections) {
            declared.forEach((catalog, ranges) -> ranges.forEach((name, range) ->
                    workspace.catalogs.computeIfAbsent(catalog.trim(), k -> new HashMap<>()).putIfAbsent(name.trim(), range.trim())));
        }
        return workspace.catalogs.isEmpty() ? null : workspace;
    }

    private void add(String catalog, YamlNode entries) {
        if (!entries.isMapping()) {
            return;
        }
        Map<String, String> ranges = catalogs.computeIfAbsent(catalog, k -> new HashMap<>());
        for (var e : entries.entries()) {
            if (e.getKey().isScalar() && e.getValue().isScalar()) {
                ranges.putIfAbsent(e.getKey().text().trim(), e.getValue().text().trim());
            }
        }
    }

    /** The range catalog {@code catalog} ("" for the default) gives {@code name}; empty when it has none. */
    String catalogRange(String catalog, String name) {
        String c = catalog.trim();
        return catalogs.getOrDefault(c.isEmpty() ? DEFAULT : c, Map.of()).getOrDefault(name, "");
    }
}
