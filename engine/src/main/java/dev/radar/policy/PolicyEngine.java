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
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled rule base. Built once per process from the built-in policies (inside the jar) and an
 * optional user folder; thread-safe, shared by all checks. Each {@link #evaluate} runs one session.
 */
public final class PolicyEngine {

    /** Where the built-in DRL files live on the class path. */
    public static final String BUILT_IN_ROOT = "policies";

    private static final Pattern RULE_ID = Pattern.compile("([A-Z]+)-[0-9]{3}");
    private static final String GLOBAL = "findings";

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final List<PolicySource> sources;

    private PolicyEngine(KieBase kieBase, Map<String, RuleInfo> rules, List<PolicySource> sources) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.sources = sources;
    }

    /**
     * Compiles the built-in policies, with the files of {@code userDir} added (or replacing built-in files
     * of the same relative path) when it is given.
     *
     * @throws ConfigException naming DRL file and line for every compile error or bad rule metadata
     */
    public static PolicyEngine load(Optional<Path> userDir) {
        Map<String, PolicySource> byPath = new TreeMap<>();
        for (PolicySource s : builtIn()) {
            byPath.put(s.path(), s);
        }
        if (userDir.isPresent()) {
            for (PolicySource s : fromDirectory(userDir.get())) {
                byPath.put(s.path(), s);
            }
        }
        return compile(List.copyOf(byPath.values()));
    }

    /** Compiles exactly these sources. */
    public static PolicyEngine compile(List<PolicySource> sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (PolicySource s : sources) {
            builder.add(ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(BUILT_IN_ROOT + "/" + s.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<ConfigProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderError e : builder.getErrors()) {
                problems.add(problem(sources, e));
            }
            throw new ConfigException(problems);
        }
        KieBase base = builder.newKieBase();
        return new PolicyEngine(base, metadata(base, sources), sources);
    }

    private static ConfigProblem problem(List<PolicySource> sources, KnowledgeBuilderError e) {
        String file = "<policies>";
        if (e.getResource() != null && e.getResource().getSourcePath() != null) {
            String path = e.getResource().getSourcePath().substring(BUILT_IN_ROOT.length() + 1);
            file = sources.stream().filter(s -> s.path().equals(path)).map(PolicySource::origin).findFirst().orElse(path);
        }
        int[] lines = e.getLines();
        int line = lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
        String message = e.getMessage() == null ? "compile error" : e.getMessage().replaceAll("\\s+", " ").trim();
        return new ConfigProblem(file, line, 0, "DRL error: " + message);
    }

    private static Map<String, RuleInfo> metadata(KieBase base, List<PolicySource> sources) {
        Map<String, RuleInfo> out = new TreeMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                String file = originOf(rule, sources);
                if (!meta.containsKey("id")) {
                    continue; // an inference rule: derives facts, never emits findings
                }
                String id = String.valueOf(meta.get("id"));
                var m = RULE_ID.matcher(id);
                if (!m.matches()) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule '" + rule.getName() + "': @id(\"" + id + "\") must look like API-002"));
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (String key : List.of("severity", "title", "rationale", "remediation")) {
                    if (!meta.containsKey(key) || String.valueOf(meta.get(key)).isBlank()) {
                        missing.add("@" + key);
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule " + id + " lacks " + String.join(", ", missing)));
                    continue;
                }
                if (meta.containsKey("example") && String.valueOf(meta.get("example")).isBlank()) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule " + id + ": @example is empty; give a passing example or leave it out"));
                    continue;
                }
                Optional<Severity> severity = Severity.byId(String.valueOf(meta.get("severity")));
                if (severity.isEmpty()) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule " + id + ": @severity must be error, warning or info"));
                    continue;
                }
                RuleInfo previous = out.put(id, new RuleInfo(id, severity.get(), text(meta, "title"), text(meta, "rationale"),
                        text(meta, "remediation"), m.group(1), file, rule.getName(), example(meta)));
                if (previous != null) {
                    problems.add(new ConfigProblem(file, 0, 0, "rule id " + id + " is used twice (also in " + previous.file() + ")"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return out;
    }

    private static String originOf(Rule rule, List<PolicySource> sources) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath().substring(BUILT_IN_ROOT.length() + 1);
            return sources.stream().filter(s -> s.path().equals(path)).map(PolicySource::origin).findFirst().orElse(path);
        }
        return rule.getPackageName();
    }

    private static String text(Map<String, Object> meta, String key) {
        return String.valueOf(meta.get(key)).replaceAll("\\s+", " ").trim();
    }

    /**
     * A passing example keeps its lines: {@code \n} in the DRL string is a line break, and a common indent is removed.
     */
    private static String example(Map<String, Object> meta) {
        if (!meta.containsKey("example")) {
            return "";
        }
        String raw = String.valueOf(meta.get("example")).replace("\\n", "\n").replace("\\\"", "\"");
        return raw.stripIndent().strip();
    }

    /** Every rule with metadata, by id. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public List<PolicySource> sources() {
        return sources;
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
        KieSession session = kieBase.newKieSession();
        try {
            if (kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL)))) {
                session.setGlobal(GLOBAL, new FindingFactory(rules, overrides));
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            for (RuleInfo rule : rules.values()) {
                session.insert(rule); // exceptions may name rules: the rule base knows which exist
            }
            session.fireAllRules(match -> {
                Object id = match.getRule().getMetaData().get("id");
                return id == null || !overrides.containsKey(String.valueOf(id)) || overrides.get(String.valueOf(id)).isPresent();
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
            session.dispose();
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

    /** The DRL files that ship inside the engine jar. */
    public static List<PolicySource> builtIn() {
        try {
            CodeSource code = PolicyEngine.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(code.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return read(location.resolve(BUILT_IN_ROOT), "");
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return read(jar.getPath(BUILT_IN_ROOT), "");
            }
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

    private static List<PolicySource> read(Path root, String originPrefix) throws IOException {
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
