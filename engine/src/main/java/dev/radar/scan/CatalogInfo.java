package dev.radar.scan;

import dev.radar.collect.RepoTree;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The owner and tags a repository declares about itself in a Backstage {@code catalog-info.yaml}
 * ({@code spec.owner}, {@code metadata.tags}); used when repos.yaml names no team.
 */
record CatalogInfo(String owner, List<String> tags) {

    static final CatalogInfo NONE = new CatalogInfo("", List.of());

    static CatalogInfo read(Path repo) {
        return read(name -> RepoTree.readOne(repo, name));
    }

    /** As {@link #read(Path)}, from a tree that is not a folder (a commit of a cached clone). */
    static CatalogInfo read(RepoTree tree) {
        return read(tree::readIfPresent);
    }

    private interface Reader {
        java.util.Optional<String> read(String name) throws IOException;
    }

    private static CatalogInfo read(Reader reader) {
        for (String name : List.of("catalog-info.yaml", "catalog-info.yml")) {
            try {
                // read like every repository file: no link followed, size-capped, UTF-8 text only
                java.util.Optional<String> text = reader.read(name);
                if (text.isEmpty()) {
                    continue;
                }
                return parse(name, text.get());
            } catch (IOException | RuntimeException e) {
                return NONE; // the repository's own file is unreadable: its team stays unknown
            }
        }
        return NONE;
    }

    static CatalogInfo parse(String file, String text) {
        List<YamlNode> docs;
        try {
            docs = YamlReader.parseAll(file, text);
        } catch (YamlException e) {
            return NONE;
        }
        for (YamlNode doc : docs) {
            Map<String, YamlNode> top = doc.mapping(new ArrayList<>());
            if (!"Component".equals(text(top.get("kind")))) {
                continue;
            }
            Map<String, YamlNode> spec = top.containsKey("spec") ? top.get("spec").mapping(new ArrayList<>()) : Map.of();
            Map<String, YamlNode> meta = top.containsKey("metadata") ? top.get("metadata").mapping(new ArrayList<>()) : Map.of();
            String owner = text(spec.get("owner"));
            owner = owner.startsWith("group:") ? owner.substring("group:".length()) : owner;
            owner = owner.startsWith("default/") ? owner.substring("default/".length()) : owner;
            List<String> tags = new ArrayList<>();
            if (meta.get("tags") != null) {
                for (YamlNode t : meta.get("tags").items()) {
                    if (t.isScalar() && !t.text().isBlank()) {
                        tags.add(t.text().trim());
                    }
                }
            }
            return new CatalogInfo(owner, tags);
        }
        return NONE;
    }

    private static String text(YamlNode node) {
        return node == null || !node.isScalar() ? "" : node.text().trim();
    }
}
