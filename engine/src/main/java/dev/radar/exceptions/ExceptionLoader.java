package dev.radar.exceptions;

import dev.radar.model.Approver;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.ExceptionOrigin;
import dev.radar.model.PathGlob;
import dev.radar.model.VersionRange;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads an exceptions file. Problems with its shape (YAML syntax, unknown keys, wrong types, malformed dates,
 * version ranges or path globs, missing or duplicate ids) are configuration errors, all reported at once as
 * {@code file:line:column: message}. Problems with its content (too long, unapproved, expired, unknown entry)
 * are not: the rule base reports them as findings, so one bad exception never stops a check.
 * The format is documented in docs/exceptions.md.
 */
public final class ExceptionLoader {

    /**
     * Where a repository keeps its own exceptions, relative to its root. The file is read like any repository file
     * ({@code RepoTree.readOne}: no symbolic link followed, size-capped, UTF-8 text) and parsed with
     * {@link #parse} as {@link ExceptionOrigin#REPO_LOCAL}; its exceptions cover that repository only.
     */
    public static final String REPO_LOCAL_PATH = ".radar/exceptions.yaml";

    private static final Set<String> TOP_KEYS = Set.of("exceptions");
    private static final Set<String> KEYS = Set.of("id", "entry", "rule", "repos", "paths", "versions", "reason", "adr", "ticket",
            "approvers", "granted", "expires");
    private static final Set<String> APPROVER_KEYS = Set.of("name", "role");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final ExceptionOrigin origin;
    private final String repo;

    private ExceptionLoader(ExceptionOrigin origin, String repo) {
        this.origin = origin;
        this.repo = repo;
    }

    /** Loads a central exceptions file; the grants' {@code file} is the path as given. */
    public static List<ExceptionGrant> load(Path file) {
        String name = file.toString().replace('\\', '/');
        return parse(name, read(file, name), ExceptionOrigin.CENTRAL, "");
    }

    /**
     * Parses exceptions text.
     *
     * @param repo for {@link ExceptionOrigin#REPO_LOCAL}: the repository that holds the file; ignored for central files
     * @throws ConfigException with every shape problem of the file
     */
    public static List<ExceptionGrant> parse(String file, String text, ExceptionOrigin origin, String repo) {
        return new ExceptionLoader(origin, repo).read(file, text);
    }

    private static String read(Path file, String name) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read exceptions: " + e.getMessage()));
        }
    }

    private List<ExceptionGrant> read(String file, String text) {
        YamlNode root;
        try {
            root = YamlReader.parse(file, text);
        } catch (YamlException e) {
            throw new ConfigException(e.problem());
        }
        List<ExceptionGrant> out = new ArrayList<>();
        if (root == null || root.isScalar() && root.text().isEmpty()) {
            return out;
        }
        if (!root.isMapping()) {
            throw new ConfigException(root.problem("an exceptions file is a mapping with an 'exceptions' list, found " + root.kind()));
        }
        Map<String, YamlNode> top = root.mapping(problems);
        unknownKeys(root, TOP_KEYS, "exceptions file");
        YamlNode list = top.get("exceptions");
        if (list != null && !(list.isScalar() && list.text().isEmpty())) {
            if (!list.isSequence()) {
                problems.add(list.problem("'exceptions' must be a list, found " + list.kind()));
            } else {
                Map<String, Integer> seen = new HashMap<>();
                for (YamlNode item : list.items()) {
                    ExceptionGrant g = grant(item, seen);
                    if (g != null) {
                        out.add(g);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return out;
    }

    private ExceptionGrant grant(YamlNode node, Map<String, Integer> seen) {
        if (!node.isMapping()) {
            problems.add(node.problem("an exception must be a mapping with 'id', 'entry' or 'rule', 'approvers', 'granted' and 'expires', found "
                    + node.kind()));
            return null;
        }
        int before = problems.size();
        Map<String, YamlNode> m = node.mapping(problems);
        unknownKeys(node, KEYS, "exception");
        String id = text(m, "id");
        if (!m.containsKey("id") || id.isEmpty()) {
            problems.add(node.problem("an exception needs an 'id', like EXC-2026-014"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(m.get("id").problem("exception id '" + id + "' must be letters, digits, '.', '_' or '-'"));
        } else {
            Integer first = seen.putIfAbsent(id, m.get("id").line());
            if (first != null) {
                problems.add(m.get("id").problem("duplicate exception id '" + id + "' (first at line " + first + ")"));
            }
        }
        String entry = text(m, "entry");
        String rule = text(m, "rule");
        if (entry.isEmpty() && rule.isEmpty()) {
            problems.add(node.problem("exception '" + id + "' names neither an 'entry' nor a 'rule': give at least one"));
        }
        List<String> repos = repos(node, m.get("repos"));
        List<PathGlob> paths = paths(m.get("paths"));
        VersionRange versions = versions(m.get("versions"));
        String reason = text(m, "reason");
        String adr = text(m, "adr");
        String ticket = text(m, "ticket");
        List<Approver> approvers = approvers(m.get("approvers"));
        LocalDate granted = date(m.get("granted"), "granted");
        LocalDate expires = date(m.get("expires"), "expires");
        if (problems.size() > before) {
            return null;
        }
        return new ExceptionGrant(id, rule, entry, repos, paths, versions, reason, adr, ticket, approvers, granted, expires,
                origin, node.file(), node.line());
    }

    private List<String> repos(YamlNode owner, YamlNode node) {
        if (origin == ExceptionOrigin.REPO_LOCAL) {
            if (node != null) {
                problems.add(node.problem("'repos' is not allowed in a repository's own " + REPO_LOCAL_PATH
                        + ": its exceptions cover that repository only"));
            }
            return List.of(repo);
        }
        if (node == null) {
            problems.add(owner.problem("a central exception needs 'repos': globs on repository names, like [\"payments-*\"]"));
            return List.of();
        }
        List<String> out = strings(node, "repos");
        if (out.isEmpty() && node.isSequence()) {
            problems.add(node.problem("'repos' is empty: name at least one repository or glob"));
        }
        return out;
    }

    private List<PathGlob> paths(YamlNode node) {
        List<PathGlob> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<YamlNode> items = node.isSequence() ? node.items() : List.of();
        if (!node.isSequence()) {
            problems.add(node.problem("'paths' must be a list of path globs, like [\"legacy/**\"], found " + node.kind()));
        }
        for (YamlNode item : items) {
            String text = scalar(item, "path");
            try {
                out.add(PathGlob.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(item.problem("malformed path glob: " + e.getMessage()));
            }
        }
        return out;
    }

    private VersionRange versions(YamlNode node) {
        if (node == null) {
            return null;
        }
        String text = scalar(node, "versions");
        try {
            return VersionRange.parse(text);
        } catch (IllegalArgumentException e) {
            var at = Pattern.compile("at character (\\d+)").matcher(e.getMessage() == null ? "" : e.getMessage());
            problems.add(node.problemAt(at.find() ? Integer.parseInt(at.group(1)) - 1 : 0, "malformed version range: " + e.getMessage()));
            return null;
        }
    }

    private List<Approver> approvers(YamlNode node) {
        List<Approver> out = new ArrayList<>();
        if (node == null || node.isScalar() && node.text().isEmpty()) {
            return out;
        }
        if (!node.isSequence()) {
            problems.add(node.problem("'approvers' must be a list like [{name: alice, role: staff-engineer}], found " + node.kind()));
            return out;
        }
        for (YamlNode item : node.items()) {
            if (!item.isMapping()) {
                problems.add(item.problem("an approver is a mapping like {name: alice, role: staff-engineer}, found " + item.kind()));
                continue;
            }
            Map<String, YamlNode> m = item.mapping(problems);
            unknownKeys(item, APPROVER_KEYS, "approver");
            String name = text(m, "name");
            String role = text(m, "role");
            if (name.isEmpty() || role.isEmpty()) {
                problems.add(item.problem("an approver needs a 'name' and a 'role', like {name: alice, role: staff-engineer}"));
                continue;
            }
            out.add(new Approver(name, role));
        }
        return out;
    }

    private List<String> strings(YamlNode node, String key) {
        List<String> out = new ArrayList<>();
        if (!node.isSequence()) {
            problems.add(node.problem("'" + key + "' must be a list, like [\"payments-*\"], found " + node.kind()));
            return out;
        }
        for (YamlNode item : node.items()) {
            String s = scalar(item, key);
            if (s.isEmpty()) {
                problems.add(item.problem("empty value in '" + key + "'"));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private String text(Map<String, YamlNode> m, String key) {
        YamlNode node = m.get(key);
        return node == null ? "" : scalar(node, key);
    }

    private String scalar(YamlNode node, String key) {
        if (!node.isScalar()) {
            problems.add(node.problem("'" + key + "' must be text, found " + node.kind()));
            return "";
        }
        return node.text().trim();
    }

    private LocalDate date(YamlNode node, String key) {
        if (node == null) {
            return null;
        }
        String text = scalar(node, key);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(node.problem("'" + key + "' must be a date like 2026-12-31, not '" + text + "'"));
            return null;
        }
    }

    private void unknownKeys(YamlNode mapping, Set<String> known, String what) {
        for (var e : mapping.entries()) {
            String key = e.getKey().text();
            if (!known.contains(key)) {
                problems.add(e.getKey().problem("unknown " + what + " key '" + key + "'; known keys: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }
}
