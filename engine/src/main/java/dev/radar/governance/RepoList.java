package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The repositories of a repos.yaml that exist as local folders, for {@code radar impact --repos}. Reads
 * {@code repos[].name}, {@code path} (relative to the file), {@code url} and {@code team}, and ignores other keys;
 * a repository known only by a remote URL is skipped with a reason, since impact does not clone.
 *
 * @param skipped one line per repository that could not be used
 */
public record RepoList(List<ImpactTarget> targets, List<String> skipped) {

    public static RepoList read(Path file) {
        String name = file.toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read: " + e.getMessage()));
        }
        YamlNode root;
        try {
            root = YamlReader.parse(name, text);
        } catch (YamlException e) {
            throw new ConfigException(e.problem());
        }
        YamlNode list = root == null ? null : root.isSequence() ? root : root.mapping(new ArrayList<>()).get("repos");
        if (list == null || !list.isSequence()) {
            throw new ConfigException(new ConfigProblem(name, 1, 1, "a repos file is a list of repositories, or a mapping with a 'repos' list"));
        }
        Path base = file.toAbsolutePath().getParent();
        List<ImpactTarget> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (YamlNode item : list.items()) {
            Map<String, YamlNode> m = item.isMapping() ? item.mapping(new ArrayList<>()) : Map.of();
            String path = text(m.get("path"));
            String url = text(m.get("url"));
            if (item.isScalar()) {
                url = item.text().trim();
            }
            Path dir = null;
            if (!path.isEmpty()) {
                dir = base.resolve(path).normalize();
            } else if (url.startsWith("file:")) {
                dir = Path.of(URI.create(url));
            } else if (!url.isEmpty() && !url.contains("://") && !url.contains("@")) {
                dir = base.resolve(url).normalize();
            }
            String repo = text(m.get("name"));
            if (repo.isEmpty()) {
                repo = dir != null ? dir.getFileName().toString() : url.replaceAll("\\.git$", "").replaceAll(".*[/:]", "");
            }
            if (repo.isEmpty()) {
                problems.add(item.problem("a repository needs a 'name', 'path' or 'url'"));
                continue;
            }
            if (dir == null) {
                skipped.add(repo + " (" + url + "): impact reads local folders only; give it a 'path' to a clone (radar scan keeps them)");
            } else if (!Files.isDirectory(dir)) {
                skipped.add(repo + ": " + dir + " is not a folder");
            } else {
                targets.add(ImpactTarget.folder(repo, text(m.get("team")), dir));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RepoList(targets, skipped);
    }

    private static String text(YamlNode node) {
        return node == null || !node.isScalar() ? "" : node.text().trim();
    }
}
