package dev.radar.policy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.RuleInfo;
import dev.radar.model.Severity;
import dev.radar.model.Verdict;
import dev.radar.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The compiled rule base. Built once per process from the built-in policies (inside the jar) and an
 * optional user folder; thread-safe, shared by all checks. Each {@link #evaluate} runs one session.
 */
public final class PolicyEngine {

    /** Where the built-in DRL files live on the class path. */
    public static final String BUILT_IN_ROOT = "policies";

    private static final String GLOBAL = "findings";

    /** Where a loaded rule base came from: the start-up cost differs by an order of magnitude. */
    public enum Provenance {
        /** Compiled at build time to the executable model, shipped in the jar. */
        PREBUILT,
        /** Compiled by an earlier run and read from the {@link PolicyCache}. */
        CACHED,
        /** Compiled by this run (and stored in the cache when one is on). */
        COMPILED
    }

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final List<PolicySource> sources;
    private final Provenance provenance;
    /**
     * Sessions to reuse: Drools' pool resets a disposed session (no facts, no agenda, node memories emptied) and hands
     * it to the next {@link #run}, so each check worker of an org scan keeps one session instead of building one per
     * repository. Sized on demand (a session is made when none is free).
     */
    private final KieSessionsPool sessions;
    /** Whether the rules declare the findings global (user rule bases may replace every built-in file). */
    private final boolean hasFindingsGlobal;
    /** See {@link #needsOnlyMatchersOfDependencyEcosystems}. */
    private final boolean matchersByEcosystem;

    /** The file of the built-in rules that read radar matchers, the only file that does. */
    private static final String MATCHER_RULES = "radar/rings.drl";

    private PolicyEngine(KieBase kieBase, Map<String, RuleInfo> rules, List<PolicySource> sources, Provenance provenance) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.sources = sources;
        this.provenance = provenance;
        this.sessions = kieBase.newKieSessionsPool(0);
        this.hasFindingsGlobal = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL)));
        // the prebuilt rule base is the built-in files exactly: nothing to read on a check's critical path
        this.matchersByEcosystem = provenance == Provenance.PREBUILT || matchersByEcosystem(sources);
    }

    /**
     * Whether a session needs only the radar matchers of the ecosystems the repository declares dependencies in: true
     * when the only file that mentions {@code Matcher} is the built-in {@value #MATCHER_RULES}, whose rules join every
     * matcher with a dependency of its ecosystem (a matcher of another ecosystem can neither match nor block a match),
     * and no file derives dependencies ({@code new Dependency}).
     * The radar's other matchers are then not inserted, which saves the rule network most of its work on a radar of a
     * few hundred matchers. A rule base with a user file that mentions {@code Matcher} gets every matcher.
     */
    public boolean needsOnlyMatchersOfDependencyEcosystems() {
        return matchersByEcosystem;
    }

    /** Whether a DRL text names the type {@code Matcher}, also qualified ({@code dev.radar.model.Matcher}), not {@code LanguageMatcher}. */
    static boolean mentionsMatcher(String text) {
        for (int i = text.indexOf("Matcher"); i >= 0; i = text.indexOf("Matcher", i + 1)) {
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            char after = i + 7 < text.length() ? text.charAt(i + 7) : ' ';
            if (!Character.isJavaIdentifierPart(before) && !Character.isJavaIdentifierPart(after)) {
                return true;
            }
        }
        return false;
    }

    static boolean matchersByEcosystem(List<PolicySource> sources) {
        String builtIn = null;
        for (PolicySource s : sources) {
            if (s.text().contains("new Dependency") || s.text().contains("new dev.radar.model.Dependency")) {
                return false; // a rule that derives dependencies may derive them in ecosystems the repository has none in
            }
            if (!mentionsMatcher(s.text())) {
                continue;
            }
            if (!s.path().equals(MATCHER_RULES)) {
                return false;
            }
            if (builtIn == null) {
                try (InputStream in = PolicyEngine.class.getClassLoader().getResourceAsStream(BUILT_IN_ROOT + "/" + MATCHER_RULES)) {
                    builtIn = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return false;
                }
            }
            if (!s.text().equals(builtIn)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The built-in policies, with the files of {@code userDir} added (or replacing built-in files of the same
     * relative path) when it is given, with user rule bases cached in the {@link PolicyCache#standard()} folder.
     *
     * @throws ConfigException naming DRL file and line for every compile error or bad rule metadata
     */
    public static PolicyEngine load(Optional<Path> userDir) {
        return load(userDir, PolicyCache.standard());
    }

    /**
     * As {@link #load(Optional)}, caching in the given folder. The built-in rule base comes precompiled (executable
     * model) in the jar and is used when its content hash matches the DRL shipped beside it; user policies are
     * compiled once per content and engine build, then read from the cache.
     */
    public static PolicyEngine load(Optional<Path> userDir, PolicyCache cache) {
        Optional<CompiledPolicies> index = RuleBases.builtInIndex();
        return load(index.flatMap(RuleBases::builtInSources).orElseGet(PolicyEngine::builtIn), index, userDir, cache);
    }

    /** As {@link #load(Optional, PolicyCache)} with the built-in sources and prebuilt index given (for tests). */
    static PolicyEngine load(List<PolicySource> builtIn, Optional<CompiledPolicies> prebuilt, Optional<Path> userDir, PolicyCache cache) {
        if (userDir.isEmpty() && prebuilt.isPresent() && matches(prebuilt.get(), builtIn)) {
            try {
                return fromModel(prebuilt.get(), builtIn, PolicyEngine.class.getClassLoader(), Provenance.PREBUILT);
            } catch (IllegalStateException | LinkageError e) {
                // the index is there but its classes are not (a partial build): compile like user policies
            }
        }
        Map<String, PolicySource> byPath = new TreeMap<>();
        for (PolicySource s : builtIn) {
            byPath.put(s.path(), s);
        }
        if (userDir.isPresent()) {
            for (PolicySource s : fromDirectory(userDir.get())) {
                byPath.put(s.path(), s);
            }
        }
        List<PolicySource> sources = List.copyOf(byPath.values());
        if (prebuilt.isEmpty()) {
            return compile(sources); // classes without a generated model (an IDE run): nothing to key a cache on
        }
        String build = prebuilt.get().build();
        String key = PolicyCompiler.key(build, sources);
        Optional<CompiledPolicies> cached = cache.get(key, build);
        if (cached.isPresent()) {
            try {
                return fromCompiled(cached.get(), sources, Provenance.CACHED);
            } catch (IllegalStateException | LinkageError e) {
                // an entry that passed its checksum but does not load is rebuilt like a corrupt one
            }
        }
        CompiledPolicies compiled = PolicyCompiler.compile(sources, build);
        PolicyEngine engine = fromCompiled(compiled, sources, Provenance.COMPILED);
        cache.put(compiled);
        return engine;
    }

    /** Whether the prebuilt rule base was generated from these sources: by its cheap check when it has one. */
    private static boolean matches(CompiledPolicies prebuilt, List<PolicySource> sources) {
        return prebuilt.check().isEmpty() ? prebuilt.key().equals(PolicyCompiler.key(prebuilt.build(), sources))
                : prebuilt.check().equals(CompiledPolicies.check(prebuilt.build(), sources));
    }

    /** Compiles exactly these sources (no cache). */
    public static PolicyEngine compile(List<PolicySource> sources) {
        return fromCompiled(PolicyCompiler.compile(sources, "uncached"), sources, Provenance.COMPILED);
    }

    static PolicyEngine fromCompiled(CompiledPolicies compiled, List<PolicySource> sources, Provenance provenance) {
        return fromModel(compiled, sources, new GeneratedClassLoader(compiled.classes(), PolicyEngine.class.getClassLoader()), provenance);
    }

    private static PolicyEngine fromModel(CompiledPolicies compiled, List<PolicySource> sources, ClassLoader loader, Provenance provenance) {
        KieBase base = RuleBases.kieBase(compiled, loader);
        return new PolicyEngine(base, metadata(base, compiled, sources), sources, provenance);
    }

    private static Map<String, RuleInfo> metadata(KieBase base, CompiledPolicies compiled, List<PolicySource> sources) {
        Map<String, String> origins = new HashMap<>();
        for (PolicySource s : sources) {
            origins.put(s.path(), s.origin());
        }
        Map<List<String>, CompiledPolicies.RuleSource> where = new HashMap<>();
        for (CompiledPolicies.RuleSource r : compiled.rules()) {
            where.put(List.of(r.pkg(), r.name()), r);
        }
        Map<String, RuleInfo> out = new TreeMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                CompiledPolicies.RuleSource src = where.get(List.of(rule.getPackageName(), rule.getName()));
                String file = src == null ? rule.getPackageName() : origins.getOrDefault(src.path(), src.path());
                int line = src == null ? 0 : src.line();
                if (!meta.containsKey("id")) {
                    continue; // an inference rule: derives facts, never emits findings
                }
                String id = meta(meta, "id");
                String concern = concern(id);
                if (concern == null) {
                    problems.add(new ConfigProblem(file, line, 0, "rule '" + rule.getName() + "': @id(\"" + id + "\") must look like API-002"));
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (String key : List.of("severity", "title", "rationale", "remediation")) {
                    if (meta(meta, key) == null || meta(meta, key).isBlank()) {
                        missing.add("@" + key);
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(new ConfigProblem(file, line, 0, "rule " + id + " lacks " + String.join(", ", missing)));
                    continue;
                }
                if (meta.containsKey("example") && meta(meta, "example").isBlank()) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule " + id + ": @example is empty; give a passing example or leave it out"));
                    continue;
                }
                Optional<Severity> severity = Severity.byId(meta(meta, "severity"));
                if (severity.isEmpty()) {
                    problems.add(new ConfigProblem(file, line, 0, "rule " + id + ": @severity must be error, warning or info"));
                    continue;
                }
                RuleInfo previous = out.put(id, new RuleInfo(id, severity.get(), text(meta, "title"), text(meta, "rationale"),
                        text(meta, "remediation"), concern, file, rule.getName(), example(meta)));
                if (previous != null) {
                    problems.add(new ConfigProblem(file, line, 0, "rule id " + id + " is used twice (also in " + previous.file() + ")"));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(ConfigProblem::file).thenComparingInt(ConfigProblem::line));
            throw new ConfigException(problems);
        }
        return out;
    }

    /**
     * The concern of a rule id that looks like {@code API-002} (capital letters, a dash, three digits): {@code API};
     * null for any other id. What the regex {@code ([A-Z]+)-[0-9]{3}} matches, without a regex: run for every rule
     * while a check's rule base loads.
     */
    static String concern(String id) {
        int dash = id.indexOf('-');
        if (dash < 1 || id.length() != dash + 4) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = i < dash ? c >= 'A' && c <= 'Z' : i == dash ? c == '-' : c >= '0' && c <= '9';
            if (!ok) {
                return null;
            }
        }
        return id.substring(0, dash);
    }

    private static String text(Map<String, Object> meta, String key) {
        return collapseWhitespace(meta(meta, key));
    }

    /**
     * Runs of whitespace as one space, trimmed: {@code replaceAll("\\s+", " ").trim()} without a regex, which every
     * check would run interpreted for each rule's title, rationale and remediation while the rule base loads.
     */
    static String collapseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString().trim();
    }

    /**
     * A metadata value as text: the executable model keeps an annotation's string literal with its quotes
     * ({@code "RAD-001"} for {@code @id("RAD-001")}), the DRL compiler without.
     */
    static String meta(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            String inner = s.substring(1, s.length() - 1);
            return inner.indexOf('\\') < 0 ? inner : inner.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    /**
     * A passing example keeps its lines: {@code \n} in the DRL string is a line break, and a common indent is removed.
     */
    private static String example(Map<String, Object> meta) {
        if (!meta.containsKey("example")) {
            return "";
        }
        String raw = meta(meta, "example").replace("\\n", "\n").replace("\\\"", "\"");
        // one line: stripIndent (a stream over the lines) would only strip it
        return raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 ? raw.strip() : raw.stripIndent().strip();
    }

    /** Every rule with metadata, by id. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public List<PolicySource> sources() {
        return sources;
    }

    /** Where this rule base came from (prebuilt, cached or compiled now). */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Runs one session over the given facts and returns the findings the rules derived.
     *
     * @param overrides rule id to severity, or empty to switch a rule off (radar.yaml {@code standards})
     */
    public List<Finding> evaluate(Collection<?> facts, Map<String, Optional<Severity>> overrides) {
        return run(facts, overrides).findings();
    }

    /** As {@link #evaluate}, also returning the {@link Usage} facts the session derived. */
    public Evaluation run(Collection<?> facts, Map<String, Optional<Severity>> overrides) {
        KieSession session = sessions.newKieSession();
        try {
            if (hasFindingsGlobal) {
                session.setGlobal(GLOBAL, new FindingFactory(rules, overrides));
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            for (RuleInfo rule : rules.values()) {
                session.insert(rule); // exceptions may name rules: the rule base knows which exist
            }
            session.fireAllRules(match -> {
                String id = meta(match.getRule().getMetaData(), "id");
                return id == null || !overrides.containsKey(id) || overrides.get(id).isPresent();
            });
            List<Finding> findings = new ArrayList<>();
            List<Usage> usages = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Finding || o instanceof Usage)) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else {
                    usages.add((Usage) o);
                }
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Verdict)) {
                verdicts.add((Verdict) o);
            }
            return new Evaluation(apply(findings, verdicts), usages);
        } finally {
            session.dispose(); // back to the pool, reset
        }
    }

    /**
     * Gives each finding the status the rules' verdicts decided: excepted wins over exception-expired, then the
     * smallest exception id, so the result does not depend on firing order.
     */
    static List<Finding> apply(List<Finding> findings, List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return findings;
        }
        Map<Finding, Verdict> best = new IdentityHashMap<>();
        Comparator<Verdict> order = Comparator.comparing((Verdict v) -> v.status() == FindingStatus.EXCEPTED ? 0 : 1)
                .thenComparing(Verdict::exceptionId);
        for (Verdict v : verdicts) {
            best.merge(v.finding(), v, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Verdict v = best.get(f);
            out.add(v == null ? f : f.withStatus(v.status(), v.exceptionId()));
        }
        return out;
    }

    /** The DRL files that ship inside the engine jar (or its classes folder). */
    public static List<PolicySource> builtIn() {
        try {
            CodeSource code = PolicyEngine.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(code.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return read(location.resolve(BUILT_IN_ROOT), "");
            }
            List<PolicySource> out = new ArrayList<>();
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : java.util.Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (!e.isDirectory() && name.startsWith(BUILT_IN_ROOT + "/") && name.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(new PolicySource(name.substring(BUILT_IN_ROOT.length() + 1), name,
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            out.sort(Comparator.comparing(PolicySource::path));
            return out;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new ConfigException(new ConfigProblem("<built-in policies>", 0, 0, "cannot read: " + e));
        }
    }

    /** The DRL files below a user folder. */
    public static List<PolicySource> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(new ConfigProblem(dir.toString(), 0, 0, "--policies must be a folder of .drl files"));
        }
        try {
            List<PolicySource> out = read(dir, dir.toString().replace('\\', '/') + "/");
            if (out.isEmpty()) {
                throw new ConfigException(new ConfigProblem(dir.toString(), 0, 0, "no .drl files in this folder"));
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(dir.toString(), 0, 0, "cannot read policies: " + e.getMessage()));
        }
    }

    static List<PolicySource> read(Path root, String originPrefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<PolicySource> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".drl") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String origin = originPrefix.isEmpty() ? BUILT_IN_ROOT + "/" + rel : originPrefix + rel;
                out.add(new PolicySource(rel, origin, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

}
