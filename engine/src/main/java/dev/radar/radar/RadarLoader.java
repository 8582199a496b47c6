package dev.radar.radar;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Ecosystem;
import dev.radar.model.ExceptionPolicy;
import dev.radar.model.LanguageMatcher;
import dev.radar.model.Matcher;
import dev.radar.model.RadarEntry;
import dev.radar.model.RepoLocalTrust;
import dev.radar.model.RepoKind;
import dev.radar.model.RepoKindOverride;
import dev.radar.model.Ring;
import dev.radar.model.Severity;
import dev.radar.model.VersionRange;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads radar.yaml. Every problem is collected (not just the first) and reported as
 * {@code file:line:column: message}; any problem makes the radar unusable ({@link ConfigException}).
 * The format is documented in docs/radar-format.md.
 */
public final class RadarLoader {

    /** The radar that ships inside the jar: the example organisation's radar.yaml. */
    public static final String BUILT_IN = "dev/radar/defaults/radar.yaml";

    private static final Set<String> TOP_KEYS = Set.of("title", "quadrants", "entries", "standards", "policy", "repos");
    private static final Set<String> POLICY_KEYS = Set.of("exceptions");
    private static final Set<String> EXCEPTION_POLICY_KEYS = Set.of(
            "max-days", "required-approvers", "trusted-approvers", "warning-days", "repo-local");
    private static final String DEFAULT_MAX = "default";
    private static final Set<String> REPO_KEYS = Set.of("kind");
    private static final Set<String> KINDS = Set.of(RepoKind.SERVICE, RepoKind.LIBRARY);
    private static final Set<String> ENTRY_KEYS = Set.of(
            "id", "name", "quadrant", "ring", "since", "effective", "rationale", "description", "replacement", "links", "tags", "match");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]+-[0-9]+");
    private static final String LANGUAGE = "language";
    private static final String PURL = "purl";

    private final List<ConfigProblem> problems = new ArrayList<>();

    private RadarLoader() {}

    /** Loads a radar file, from the parsed-radar cache when it holds this very text (see {@link RadarCache}). */
    public static Radar load(Path file) {
        String name = file.toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read radar: " + e.getMessage()));
        }
        return RadarCache.standard().load(name, text);
    }

    /** Loads the radar bundled with the engine. */
    public static Radar builtIn() {
        try (InputStream in = RadarLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new ConfigException(new ConfigProblem("<built-in radar>", 0, 0, "missing from the jar"));
            }
            return RadarCache.standard().load("<built-in radar>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem("<built-in radar>", 0, 0, e.getMessage()));
        }
    }

    /** Parses radar text; {@code file} is used in messages only. */
    public static Radar parse(String file, String text) {
        return new RadarLoader().read(file, text);
    }

    private Radar read(String file, String text) {
        YamlNode root;
        try {
            root = YamlReader.parse(file, text);
        } catch (YamlException e) {
            throw new ConfigException(e.problem());
        }
        if (root == null || !root.isMapping()) {
            throw new ConfigException(new ConfigProblem(file, root == null ? 1 : root.line(), root == null ? 1 : root.column(),
                    "a radar is a mapping with 'quadrants' and 'entries'"));
        }
        Map<String, YamlNode> top = root.mapping(problems);
        unknownKeys(root, TOP_KEYS, "radar");
        String title = top.containsKey("title") ? scalar(top.get("title"), "title") : "";
        List<String> quadrants = quadrants(root, top.get("quadrants"));
        Map<String, Optional<Severity>> standards = standards(top.get("standards"));
        ExceptionPolicy exceptionPolicy = policy(top.get("policy"));
        List<RepoKindOverride> repoKinds = repos(top.get("repos"));

        List<RadarEntry> entries = new ArrayList<>();
        List<Matcher> matchers = new ArrayList<>();
        List<LanguageMatcher> languages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, YamlNode> replacements = new LinkedHashMap<>();
        YamlNode entriesNode = top.get("entries");
        if (entriesNode == null) {
            problems.add(root.problem("missing 'entries': the list of radar entries"));
        } else if (!entriesNode.isSequence()) {
            problems.add(entriesNode.problem("'entries' must be a list, found " + entriesNode.kind()));
        } else {
            for (YamlNode item : entriesNode.items()) {
                entry(item, quadrants, seen, replacements, matchers, languages).ifPresent(entries::add);
            }
        }
        Map<String, String> names = new HashMap<>();
        entries.forEach(e -> names.put(e.id(), e.name()));
        List<RadarEntry> resolved = new ArrayList<>(entries.size());
        for (RadarEntry e : entries) {
            String replacementName = names.getOrDefault(e.replacement(), "");
            resolved.add(new RadarEntry(e.id(), e.name(), e.quadrant(), e.ring(), e.since(), e.effective(), e.rationale(),
                    e.replacement(), replacementName, e.links(), e.file(), e.line()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Radar(title, quadrants, resolved, matchers, languages, standards, file, dev.radar.cache.CacheDir.key(text), exceptionPolicy, repoKinds);
    }

    private List<String> quadrants(YamlNode root, YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            problems.add(root.problem("missing 'quadrants': the list of quadrant ids"));
            return out;
        }
        if (!node.isSequence() || node.items().isEmpty()) {
            problems.add(node.problem("'quadrants' must be a non-empty list of quadrant ids"));
            return out;
        }
        for (YamlNode q : node.items()) {
            String id;
            if (q.isMapping()) {
                Map<String, YamlNode> m = q.mapping(problems);
                unknownKeys(q, Set.of("id", "name"), "quadrant");
                id = m.containsKey("id") ? scalar(m.get("id"), "id") : "";
                if (id.isEmpty()) {
                    problems.add(q.problem("a quadrant needs an 'id'"));
                    continue;
                }
            } else {
                id = scalar(q, "quadrant");
            }
            if (!ID.matcher(id).matches()) {
                problems.add(q.problem("quadrant id '" + id + "' must be lowercase letters, digits, '.', '_' or '-'"));
            } else if (out.contains(id)) {
                problems.add(q.problem("duplicate quadrant '" + id + "'"));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private Map<String, Optional<Severity>> standards(YamlNode node) {
        Map<String, Optional<Severity>> out = new HashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isMapping()) {
            problems.add(node.problem("'standards' must map rule ids to error, warning, info or off"));
            return out;
        }
        for (var e : node.entries()) {
            String rule = e.getKey().text();
            if (!RULE_ID.matcher(rule).matches()) {
                problems.add(e.getKey().problem("'" + rule + "' is not a rule id (like API-002)"));
                continue;
            }
            String value = scalar(e.getValue(), rule);
            if ("off".equalsIgnoreCase(value)) {
                out.put(rule, Optional.empty());
            } else {
                Optional<Severity> severity = Severity.byId(value);
                if (severity.isEmpty()) {
                    problems.add(e.getValue().problem("severity of " + rule + " must be error, warning, info or off, not '" + value + "'"));
                } else {
                    out.put(rule, severity);
                }
            }
        }
        return out;
    }

    private ExceptionPolicy policy(YamlNode node) {
        ExceptionPolicy d = ExceptionPolicy.DEFAULT;
        if (node == null) {
            return d;
        }
        if (!node.isMapping()) {
            problems.add(node.problem("'policy' must be a mapping like {exceptions: {...}}, found " + node.kind()));
            return d;
        }
        unknownKeys(node, POLICY_KEYS, "policy");
        YamlNode ex = node.mapping(problems).get("exceptions");
        if (ex == null) {
            return d;
        }
        if (!ex.isMapping()) {
            problems.add(ex.problem("'policy.exceptions' must be a mapping, found " + ex.kind()));
            return d;
        }
        unknownKeys(ex, EXCEPTION_POLICY_KEYS, "exception policy");
        Map<String, YamlNode> m = ex.mapping(problems);

        Map<Ring, Integer> maxDays = new HashMap<>(d.maxDays());
        int defaultMax = d.defaultMaxDays();
        YamlNode max = m.get("max-days");
        if (max != null && !max.isMapping()) {
            problems.add(max.problem("'max-days' maps rings (and 'default') to days, like {hold: 90, trial: 180}"));
        } else if (max != null) {
            for (var e : max.entries()) {
                String key = e.getKey().text();
                Integer days = count(e.getValue(), "max-days." + key, 1);
                if (key.equals(DEFAULT_MAX)) {
                    defaultMax = days == null ? defaultMax : days;
                } else if (Ring.byId(key).isEmpty()) {
                    problems.add(e.getKey().problem("unknown ring '" + key + "' in 'max-days'; use " + Ring.ids() + " or default"));
                } else if (days != null) {
                    maxDays.put(Ring.byId(key).get(), days);
                }
            }
            max.mapping(problems);
        }

        Map<String, Integer> roles = d.requiredApprovers();
        YamlNode required = m.get("required-approvers");
        if (required != null && !required.isMapping()) {
            problems.add(required.problem("'required-approvers' maps roles to a number of people, like {staff-engineer: 1, engineering-manager: 1}"));
        } else if (required != null) {
            roles = new LinkedHashMap<>();
            for (var e : required.entries()) {
                Integer n = count(e.getValue(), "required-approvers." + e.getKey().text(), 0);
                if (n != null && n > 0) {
                    roles.put(e.getKey().text().trim().toLowerCase(Locale.ROOT), n);
                }
            }
            required.mapping(problems);
        }

        List<String> trusted = d.trustedApprovers();
        YamlNode names = m.get("trusted-approvers");
        if (names != null && !names.isSequence()) {
            problems.add(names.problem("'trusted-approvers' must be a list of names"));
        } else if (names != null) {
            trusted = new ArrayList<>();
            for (YamlNode n : names.items()) {
                String name = scalar(n, "trusted approver");
                if (!name.isEmpty()) {
                    trusted.add(name);
                }
            }
        }

        int warning = d.warningDays();
        if (m.containsKey("warning-days")) {
            Integer w = count(m.get("warning-days"), "warning-days", 0);
            warning = w == null ? warning : w;
        }

        RepoLocalTrust repoLocal = d.repoLocal();
        if (m.containsKey("repo-local")) {
            String v = scalar(m.get("repo-local"), "repo-local");
            Optional<RepoLocalTrust> t = RepoLocalTrust.byId(v);
            if (t.isEmpty()) {
                problems.add(m.get("repo-local").problem("'repo-local' must be one of " + RepoLocalTrust.ids() + ", not '" + v + "'"));
            } else {
                repoLocal = t.get();
            }
        }
        return new ExceptionPolicy(maxDays, defaultMax, roles, trusted, warning, repoLocal);
    }

    /** A whole number of at least {@code min}, or null after reporting a problem. */
    private Integer count(YamlNode node, String key, int min) {
        String text = scalar(node, key);
        try {
            int n = Integer.parseInt(text);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(node.problem("'" + key + "' must be a whole number of at least " + min + ", not '" + text + "'"));
        return null;
    }

    /** {@code repos: {legacy-lib: {kind: library}}}: settings per repository name. */
    private List<RepoKindOverride> repos(YamlNode node) {
        List<RepoKindOverride> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isMapping()) {
            problems.add(node.problem("'repos' must map repository names to settings, like {legacy-lib: {kind: library}}"));
            return out;
        }
        Map<String, YamlNode> repos = node.mapping(problems);
        for (var e : node.entries()) {
            String repo = e.getKey().text();
            YamlNode settings = e.getValue();
            if (repos.get(repo) == null || !sameNode(repos.get(repo), settings)) {
                continue; // a duplicate repository name, already reported by mapping()
            }
            if (!settings.isMapping()) {
                problems.add(settings.problem("settings of repository '" + repo + "' must be a mapping like {kind: library}"));
                continue;
            }
            Map<String, YamlNode> m = settings.mapping(problems);
            unknownKeys(settings, REPO_KEYS, "repository");
            YamlNode kindNode = m.get("kind");
            if (kindNode == null) {
                continue;
            }
            String kind = scalar(kindNode, "kind").toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                problems.add(kindNode.problem("kind of repository '" + repo + "' must be service or library, not '" + kind + "'"));
                continue;
            }
            out.add(new RepoKindOverride(repo, kind, node.file(), kindNode.line()));
        }
        return out;
    }

    private static boolean sameNode(YamlNode a, YamlNode b) {
        return a.line() == b.line() && a.column() == b.column();
    }

    private Optional<RadarEntry> entry(YamlNode node, List<String> quadrants, Map<String, Integer> seen,
            Map<String, YamlNode> replacements, List<Matcher> matchers, List<LanguageMatcher> languages) {
        if (!node.isMapping()) {
            problems.add(node.problem("a radar entry must be a mapping, found " + node.kind()));
            return Optional.empty();
        }
        int before = problems.size();
        Map<String, YamlNode> m = node.mapping(problems);
        unknownKeys(node, ENTRY_KEYS, "entry");
        String id = required(node, m, "id");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(m.get("id").problem("entry id '" + id + "' must be lowercase letters, digits, '.', '_' or '-'"));
        } else if (!id.isEmpty()) {
            Integer first = seen.putIfAbsent(id, m.get("id").line());
            if (first != null) {
                problems.add(m.get("id").problem("duplicate entry id '" + id + "' (first at line " + first + ")"));
            }
        }
        String name = required(node, m, "name");
        String quadrant = required(node, m, "quadrant");
        if (!quadrant.isEmpty() && !quadrants.isEmpty() && !quadrants.contains(quadrant)) {
            problems.add(m.get("quadrant").problem("unknown quadrant '" + quadrant + "'; quadrants are: " + String.join(", ", quadrants)));
        }
        String ringText = required(node, m, "ring");
        Ring ring = Ring.byId(ringText).orElse(null);
        if (ring == null && !ringText.isEmpty()) {
            problems.add(m.get("ring").problem("unknown ring '" + ringText + "'; rings are: " + Ring.ids()));
        }
        String rationale = required(node, m, "rationale");
        LocalDate since = date(m.get("since"), "since");
        LocalDate effective = date(m.get("effective"), "effective");
        String replacement = m.containsKey("replacement") ? scalar(m.get("replacement"), "replacement") : "";
        if (!replacement.isEmpty()) {
            replacements.put(id, m.get("replacement"));
        }
        List<String> links = new ArrayList<>();
        if (m.containsKey("links")) {
            YamlNode l = m.get("links");
            if (!l.isSequence()) {
                problems.add(l.problem("'links' must be a list of URLs"));
            } else {
                l.items().forEach(i -> links.add(scalar(i, "link")));
            }
        }
        if (m.containsKey("tags") && !m.get("tags").isSequence()) {
            problems.add(m.get("tags").problem("'tags' must be a list"));
        }
        if (m.containsKey("description")) {
            scalar(m.get("description"), "description");
        }
        if (m.containsKey("match")) {
            matchers(id, m.get("match"), matchers, languages);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RadarEntry(id, name, quadrant, ring, since, effective, rationale, replacement, "", links,
                node.file(), node.line()));
    }

    private void matchers(String entryId, YamlNode node, List<Matcher> matchers, List<LanguageMatcher> languages) {
        if (!node.isSequence()) {
            problems.add(node.problem("'match' must be a list like [{maven: \"group:artifact\"}, {npm: \"name\"}]"));
            return;
        }
        for (YamlNode item : node.items()) {
            if (!item.isMapping()) {
                problems.add(item.problem("a matcher is a mapping like {maven: \"group:artifact\"}, found " + item.kind()));
                continue;
            }
            Map<String, YamlNode> m = item.mapping(problems);
            VersionRange range = null;
            YamlNode versions = m.get("versions");
            if (versions != null) {
                String text = scalar(versions, "versions");
                try {
                    range = VersionRange.parse(text);
                } catch (IllegalArgumentException e) {
                    problems.add(versions.problemAt(offset(e.getMessage()), "malformed version range: " + e.getMessage()));
                }
            }
            List<String> kinds = new ArrayList<>(m.keySet());
            kinds.remove("versions");
            if (kinds.size() != 1) {
                problems.add(item.problem(kinds.isEmpty()
                        ? "a matcher needs one ecosystem key: " + Ecosystem.ids() + ", language or purl"
                        : "a matcher has one ecosystem key, found " + String.join(", ", kinds)));
                continue;
            }
            String kind = kinds.get(0);
            YamlNode patternNode = m.get(kind);
            String pattern = scalar(patternNode, kind);
            if (pattern.isEmpty()) {
                problems.add(patternNode.problem("empty " + kind + " pattern"));
                continue;
            }
            if (kind.equals(LANGUAGE)) {
                if (range != null) {
                    problems.add(versions.problem("a language matcher takes no versions"));
                }
                languages.add(new LanguageMatcher(entryId, pattern.toLowerCase(Locale.ROOT), item.file(), item.line()));
                continue;
            }
            Ecosystem ecosystem;
            if (kind.equals(PURL)) {
                Optional<Purl> purl = Purl.parse(pattern);
                if (purl.isEmpty()) {
                    problems.add(patternNode.problem("'" + pattern + "' is not a package URL like pkg:npm/left-pad or pkg:maven/org.mongodb/*"));
                    continue;
                }
                ecosystem = purl.get().ecosystem();
                pattern = purl.get().pattern();
            } else {
                Optional<Ecosystem> e = Ecosystem.byId(kind);
                if (e.isEmpty()) {
                    problems.add(m.keySet().stream().filter(kind::equals).findFirst().map(k -> item.problem(
                            "unknown matcher '" + k + "'; use one of: " + Ecosystem.ids() + ", language, purl")).orElseThrow());
                    continue;
                }
                ecosystem = e.get();
            }
            if (ecosystem == Ecosystem.MAVEN && !pattern.contains(":")) {
                problems.add(patternNode.problem("a maven pattern is 'groupId:artifactId' (wildcards allowed), not '" + pattern + "'"));
                continue;
            }
            matchers.add(new Matcher(entryId, ecosystem, pattern, range, item.file(), item.line()));
        }
    }

    private static int offset(String message) {
        var m = Pattern.compile("at character (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) - 1 : 0;
    }

    private String required(YamlNode owner, Map<String, YamlNode> m, String key) {
        YamlNode node = m.get(key);
        if (node == null) {
            problems.add(owner.problem("entry is missing '" + key + "'"));
            return "";
        }
        String value = scalar(node, key);
        if (value.isBlank()) {
            problems.add(node.problem("'" + key + "' is empty"));
        }
        return value.trim();
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
                problems.add(e.getKey().problem("unknown " + what + " key '" + key + "'; known keys: "
                        + known.stream().sorted().reduce((a, b) -> a + ", " + b).orElse("")));
            }
        }
    }
}
