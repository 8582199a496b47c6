package dev.radar.collect;

import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Docker Compose files: every {@code services.*.image} is a Docker dependency at the line of its
 * {@code image:} key, with {@code ${VAR:-default}} defaults and the {@code .env} file next to the compose
 * file used for the resolved version; services that only {@code build:} declare no image. Services that take
 * their image from one anchored block ({@code <<: *common}) share its one declaration: one dependency.
 * Files named otherwise that a compose file reads services from ({@code extends.file}, {@code include}) are
 * compose files too, and so are Swarm stack files ({@code docker-stack.yml}), which {@code docker stack deploy}
 * reads without a {@code .env} file.
 */
public final class ComposeCollector implements Collector {

    /** {@code docker-compose*.yml}, {@code compose*.yaml}, and the same after a prefix ({@code local.docker-compose.yml}). */
    private static final Pattern FILE = Pattern.compile("([^/]*[._-])?(docker-)?compose[^/]*\\.ya?ml|docker-stack[^/]*\\.ya?ml");
    /** Swarm stack files ({@code docker stack deploy -c docker-stack.yml}): the compose format, without the {@code .env} file. */
    private static final Pattern STACK = Pattern.compile("docker-stack[^/]*\\.ya?ml");
    private static final Pattern ENV_LINE = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*[=:]\\s*(.*)");

    @Override
    public String name() {
        return "compose";
    }

    @Override
    public boolean wants(String path) {
        return isComposeFile(path);
    }

    /** Whether a file is a compose or Swarm stack file by its name ({@code docker-compose.yml}, {@code local.compose.yaml}). */
    static boolean isComposeFile(String path) {
        return FILE.matcher(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Deque<String> queue = new ArrayDeque<>(paths);
        Set<String> seen = new HashSet<>(paths);
        while (!queue.isEmpty()) {
            String path = queue.poll();
            YamlNode root;
            try {
                root = YamlReader.parse(path, tree.read(path));
            } catch (IOException e) {
                out.problem(path, 0, "compose file could not be read: " + e.getMessage());
                continue;
            } catch (YamlException e) {
                out.problem(path, e.problem().line(), "compose file " + e.problem().message());
                continue;
            }
            if (root == null || !root.isMapping()) {
                continue;
            }
            boolean stack = STACK.matcher(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).matches();
            ShellVariables vars = new ShellVariables(stack ? new HashMap<>() : dotEnv(tree, path), true);
            YamlNode services = YamlLookup.get(root, "services");
            if (services == null && YamlLookup.get(root, "version") == null) {
                services = root; // version 1 format: services at the top level
            }
            if (services == null) {
                continue;
            }
            for (String referenced : referencedFiles(root, services, path)) {
                if (tree.contains(referenced) && seen.add(referenced)) {
                    queue.add(referenced); // a compose file under another name, read through extends or include
                }
            }
            Set<String> declared = new HashSet<>();
            for (Map.Entry<YamlNode, YamlNode> service : services.entries()) {
                if (service.getKey().text().startsWith("x-")) {
                    continue; // extension fields hold anchors, not services
                }
                Map.Entry<YamlNode, YamlNode> image = YamlLookup.entry(service.getValue(), "image");
                if (image == null || image.getValue().text() == null || image.getValue().hasTag("!reset")
                        || !declared.add(YamlLookup.position(image.getKey()))) {
                    continue; // image: !reset null (an override file) removes the image an earlier file set
                }
                int line = image.getKey().line();
                ImageReference.parseOrReport(image.getValue().text(), vars, path, line, out)
                        .ifPresent(ref -> out.add(ref.dependency(out.repo(), "runtime", path, line)));
            }
        }
    }

    /**
     * The files a compose file reads other services from, relative to the repository: {@code extends.file} of its
     * services and its top-level {@code include} entries (a path, a list of paths, or {@code path:} of a mapping).
     */
    private static List<String> referencedFiles(YamlNode root, YamlNode services, String path) {
        List<String> files = new ArrayList<>();
        for (Map.Entry<YamlNode, YamlNode> service : services.entries()) {
            String file = YamlLookup.text(YamlLookup.get(service.getValue(), "extends"), "file");
            if (file != null) {
                files.add(file);
            }
        }
        YamlNode include = root == services ? null : YamlLookup.get(root, "include");
        if (include != null && include.isSequence()) {
            for (YamlNode item : include.items()) {
                YamlNode target = item.isMapping() ? YamlLookup.get(item, "path") : item;
                if (target != null && target.isSequence()) {
                    target.items().forEach(t -> files.add(t.text()));
                } else if (target != null) {
                    files.add(target.text());
                }
            }
        }
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        List<String> resolved = new ArrayList<>();
        for (String file : files) {
            String target = file == null || file.isBlank() || file.startsWith("/") || file.contains("$") ? null
                    : RepoTree.resolve(dir, file.strip());
            if (target != null) {
                resolved.add(target);
            }
        }
        return resolved;
    }


    /** The index of the quote closing a value that starts with one (a backslash escapes in double quotes), or -1. */
    private static int closingQuote(String value) {
        char quote = value.charAt(0);
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Variables of the {@code .env} file in the compose file's folder, which Compose reads by default: quoted
     * values without their quotes (and any comment after them), and references to variables set on earlier
     * lines expanded, except in single quotes. A key ends at its first {@code =} or {@code :}, as Compose's
     * dotenv parser also takes the YAML-style {@code KEY: value}.
     */
    private static Map<String, String> dotEnv(RepoTree tree, String composePath) {
        int slash = composePath.lastIndexOf('/');
        String env = (slash < 0 ? "" : composePath.substring(0, slash + 1)) + ".env";
        Map<String, String> vars = new HashMap<>();
        if (!tree.contains(env)) {
            return vars;
        }
        try {
            for (String line : tree.read(env).split("\r?\n")) {
                var m = ENV_LINE.matcher(line);
                if (line.strip().startsWith("#") || !m.matches()) {
                    continue;
                }
                String value = m.group(2).strip();
                int close = value.startsWith("\"") || value.startsWith("'") ? closingQuote(value) : -1;
                boolean literal = close > 0 && value.charAt(0) == '\'';
                if (close > 0) {
                    value = value.substring(1, close); // a comment may follow the closing quote
                } else {
                    int hash = value.indexOf(" #");
                    if (hash >= 0) {
                        value = value.substring(0, hash).strip();
                    }
                }
                if (!literal && ShellVariables.hasReference(value)) {
                    String expanded = new ShellVariables(vars, true).expand(value); // earlier lines, as Compose reads it
                    value = expanded == null ? value : expanded;
                }
                vars.put(m.group(1), value);
            }
        } catch (IOException e) {
            // An unreadable .env only means fewer resolved versions.
        }
        return vars;
    }
}
