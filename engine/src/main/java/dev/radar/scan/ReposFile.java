package dev.radar.scan;

import dev.radar.collect.RepoTree;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code repos.yaml}, the list of repositories an org scan covers (format in docs/scan.md). Every
 * problem is reported as {@code file:line:column: message}; any problem stops the scan before it starts.
 */
public final class ReposFile {

    private static final Set<String> TOP_KEYS = Set.of("repos");
    private static final Set<String> REPO_KEYS = Set.of("name", "url", "path", "branch", "team", "tags");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ReposFile() {}

    /** Loads a repos.yaml file; relative {@code path:} entries and local URLs resolve against its folder. */
    public static List<RepoSpec> load(Path file) {
        String name = file.toString().replace('\\', '/');
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Parses repos.yaml text; {@code base} is the folder relative paths resolve against. */
    public static List<RepoSpec> parse(String file, String text, Path base) {
        return new ReposFile().read(file, text, base);
    }

    private List<RepoSpec> read(String file, String text, Path base) {
        YamlNode root;
        try {
            root = YamlReader.parse(file, text);
        } catch (YamlException e) {
            throw new ConfigException(e.problem());
        }
        if (root == null || !root.isMapping()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1, "repos.yaml is a mapping with a 'repos' list"));
        }
        Map<String, YamlNode> top = root.mapping(problems);
        unknownKeys(root, top, TOP_KEYS, "repos.yaml");
        YamlNode list = top.get("repos");
        List<RepoSpec> out = new ArrayList<>();
        if (list == null) {
            problems.add(root.problem("missing 'repos': the list of repositories"));
        } else if (!list.isSequence()) {
            problems.add(list.problem("'repos' must be a list, found " + list.kind()));
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (YamlNode item : list.items()) {
                RepoSpec spec = repo(item, base);
                if (spec == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(spec.name().toLowerCase(Locale.ROOT), item.line());
                if (first != null) {
                    problems.add(item.problem("duplicate repository name '" + spec.name() + "' (first at line " + first + ")"));
                } else {
                    out.add(spec);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return out;
    }

    private RepoSpec repo(YamlNode node, Path base) {
        if (!node.isMapping()) {
            problems.add(node.problem("a repository must be a mapping with 'url' (or 'path'), found " + node.kind()));
            return null;
        }
        int before = problems.size();
        Map<String, YamlNode> m = node.mapping(problems);
        unknownKeys(node, m, REPO_KEYS, "repository");
        String url = m.containsKey("url") ? scalar(m.get("url"), "url") : null;
        String path = m.containsKey("path") ? scalar(m.get("path"), "path") : null;
        if (url == null && path == null || url != null && path != null) {
            problems.add(node.problem("a repository needs exactly one of 'url' (a git remote) or 'path' (a folder on disk)"));
            return null;
        }
        if (url != null) {
            String refusal = GitUrls.refusal(url);
            if (refusal != null) {
                problems.add(m.get("url").problem("url " + Redactor.url(url) + ": " + refusal));
            }
        }
        String name = m.containsKey("name") ? scalar(m.get("name"), "name") : defaultName(url != null ? url : path);
        if (!RepoSpec.validName(name)) {
            YamlNode at = m.containsKey("name") ? m.get("name") : node;
            problems.add(at.problem("repository name '" + RepoTree.printable(name) + "' must be letters, digits, '.', '_' or '-'"
                    + " (it becomes a file name)" + (m.containsKey("name") ? "" : "; add a 'name'")));
        }
        String branch = m.containsKey("branch") ? scalar(m.get("branch"), "branch") : "";
        if (!branch.isEmpty() && !GitUrls.validBranch(branch)) {
            problems.add(m.get("branch").problem("'" + RepoTree.printable(branch) + "' is not a branch name"));
        }
        String team = m.containsKey("team") ? scalar(m.get("team"), "team") : "";
        List<String> tags = new ArrayList<>();
        YamlNode tagsNode = m.get("tags");
        if (tagsNode != null) {
            if (tagsNode.isSequence()) {
                for (YamlNode t : tagsNode.items()) {
                    tags.add(scalar(t, "tag"));
                }
            } else {
                problems.add(tagsNode.problem("'tags' must be a list, found " + tagsNode.kind()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (url != null) {
            return new RepoSpec(name, GitUrls.resolveLocal(url, base), null, branch, team, tags);
        }
        if (!branch.isEmpty()) {
            problems.add(m.get("branch").problem("'branch' applies to 'url' repositories only; a 'path' is checked as it is"));
            return null;
        }
        return RepoSpec.folder(name, base.resolve(path).normalize(), team, tags);
    }

    /** The last path segment of a URL or path, without {@code .git}. */
    static String defaultName(String location) {
        String s = location.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
        return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
    }

    private String scalar(YamlNode node, String what) {
        if (!node.isScalar()) {
            problems.add(node.problem("'" + what + "' must be text, found " + node.kind()));
            return "";
        }
        return node.text().trim();
    }

    private void unknownKeys(YamlNode node, Map<String, YamlNode> m, Set<String> allowed, String what) {
        for (var e : node.entries()) {
            if (!allowed.contains(e.getKey().text())) {
                problems.add(e.getKey().problem("unknown key '" + e.getKey().text() + "' in " + what + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }
}
