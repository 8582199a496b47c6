package dev.radar.policy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.model.codegen.execmodel.JavaParserCompiler;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.ModelWriter;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.util.PortablePath;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.util.maven.support.ReleaseIdImpl;

/**
 * Compiles DRL sources to the Drools executable model: Java classes that build the rule base without a DRL
 * compiler. Used at build time for the built-in policies and at run time for {@code --policies} on a cache miss.
 * Every error names the DRL file and line, also for Java errors in a consequence (found in the generated code and
 * traced back to its rule).
 */
final class PolicyCompiler {
    private static final Pattern RULE_START = Pattern.compile("D\\.rule\\((\"(?:[^\"\\\\]|\\\\.)*\")(?:\\s*,\\s*(\"(?:[^\"\\\\]|\\\\.)*\"))?\\)");

    private PolicyCompiler() {}

    /**
     * The compiler's own settings, with string concatenation compiled to plain StringBuilder calls: by default each
     * distinct concatenation in a rule's consequence is an invokedynamic that spins method-handle classes on its
     * first firing, which every short check paid (about a fifth of the CPU of evaluating spring-petclinic, measured
     * with JFR). Drools compiles with the Eclipse compiler when it is on the class path (it is), else with javac.
     */
    private static org.kie.memorycompiler.JavaCompilerSettings settings(org.kie.memorycompiler.JavaCompiler compiler) {
        org.kie.memorycompiler.JavaCompilerSettings defaults = compiler.createDefaultSettings();
        if (defaults instanceof org.drools.ecj.EclipseJavaCompilerSettings) {
            // the Map constructor replaces the no-argument one's defaults, so they are repeated here
            org.kie.memorycompiler.JavaCompilerSettings eclipse = new org.drools.ecj.EclipseJavaCompilerSettings(Map.of(
                    "org.eclipse.jdt.core.compiler.debug.lineNumber", "generate",
                    "org.eclipse.jdt.core.compiler.debug.sourceFile", "generate",
                    "org.eclipse.jdt.core.compiler.debug.localVariable", "generate",
                    "org.eclipse.jdt.core.compiler.problem.unusedImport", "ignore",
                    "org.eclipse.jdt.core.compiler.codegen.useStringConcatFactory", "disabled"));
            eclipse.setSourceVersion(defaults.getSourceVersion());
            eclipse.setTargetVersion(defaults.getTargetVersion());
            eclipse.setSourceEncoding(defaults.getSourceEncoding());
            eclipse.setWarnings(defaults.isWarnings());
            eclipse.setDeprecations(defaults.isDeprecations());
            eclipse.setDebug(defaults.isDebug());
            return eclipse;
        }
        defaults.addOption("-XDstringConcat=inline");
        return defaults;
    }

    /**
     * The key a compiled rule base is stored and checked under: a SHA-256 of the engine build and every
     * source's path and text.
     */
    static String key(String build, List<PolicySource> sources) {
        return CompiledPolicies.hex(CompiledPolicies.sha256(CompiledPolicies.keyText(build, sources).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Compiles the sources into one rule base.
     *
     * @throws ConfigException naming DRL file and line for every compile error
     */
    static CompiledPolicies compile(List<PolicySource> sources, String build) {
        List<CompiledPolicies.RuleSource> rules = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (PolicySource s : sources) {
            parse(s, rules, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ClassLoader loader = PolicyCompiler.class.getClassLoader();
        KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader)
                .as(KnowledgeBuilderConfigurationImpl.KEY);
        ModelBuilderImpl<PackageSources> builder = new ModelBuilderImpl<>(PackageSources::dumpSources, conf,
                new ReleaseIdImpl("dev.radar", "policies", "1"), false);
        CompositeKnowledgeBuilder batch = builder.batch();
        for (PolicySource s : sources) {
            batch.add(ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8)).setSourcePath(s.path()),
                    ResourceType.DRL);
        }
        batch.build();
        for (KnowledgeBuilderError e : builder.getErrors()) {
            problems.add(drlProblem(sources, e));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(distinct(problems));
        }
        MemoryFileSystem src = new MemoryFileSystem();
        ModelWriter.Result written = new ModelWriter().writeModel(src, builder.getPackageSources());
        MemoryFileSystem out = new MemoryFileSystem();
        org.kie.memorycompiler.JavaCompiler compiler = JavaParserCompiler.getCompiler();
        CompilationResult result = compiler.compile(written.getSourceFiles().toArray(String[]::new), src, out, loader, settings(compiler));
        if (result.getErrors().length > 0) {
            Map<String, RuleLocation> owners = owners(src, written.getSourceFiles(), rules, sources);
            for (CompilationProblem p : result.getErrors()) {
                problems.add(javaProblem(p, owners, src));
            }
            throw new ConfigException(distinct(problems));
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (PortablePath path : out.getFilePaths()) {
            String name = path.asString();
            if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), out.getBytes(path));
            }
        }
        List<String> models = new ArrayList<>(written.getModelFiles());
        models.sort(null);
        return new CompiledPolicies(build, key(build, sources), sources.stream().map(PolicySource::path).toList(), models, rules, classes);
    }

    /** Reads rule names and lines (the executable model keeps no source locations) and reports syntax errors. */
    private static void parse(PolicySource source, List<CompiledPolicies.RuleSource> rules, List<ConfigProblem> problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.text());
        } catch (DroolsParserException e) {
            problems.add(new ConfigProblem(source.origin(), 0, 0, "DRL error: " + oneLine(e.getMessage())));
            return;
        }
        if (parser.hasErrors()) {
            for (var e : parser.getErrors()) {
                problems.add(new ConfigProblem(source.origin(), firstLine(e.getLines()), 0, "DRL error: " + oneLine(e.getMessage())));
            }
            return;
        }
        if (pkg == null) {
            return;
        }
        for (RuleDescr r : pkg.getRules()) {
            rules.add(new CompiledPolicies.RuleSource(pkg.getName(), r.getName(), source.path(), Math.max(0, r.getLine())));
        }
    }

    private static ConfigProblem drlProblem(List<PolicySource> sources, KnowledgeBuilderError e) {
        String path = e.getResource() == null || e.getResource().getSourcePath() == null ? "" : e.getResource().getSourcePath();
        PolicySource source = sources.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
        String file = source != null ? source.origin() : path.isEmpty() ? "<policies>" : path;
        String message = oneLine(e.getMessage());
        int line = firstLine(e.getLines());
        if (line == 0 && source != null) {
            line = lineOfQuotedCode(source.text(), message);
        }
        return new ConfigProblem(file, line, 0, "DRL error: " + message);
    }

    /**
     * Some executable-model errors carry no line but quote the offending code after the last colon
     * ({@code Unable to parse left part of expression: colour == "red"}): its line in the file, or 0.
     */
    static int lineOfQuotedCode(String text, String message) {
        int colon = message.lastIndexOf(": ");
        if (colon < 0) {
            return 0;
        }
        String code = message.substring(colon + 2).trim();
        int at = code.length() < 3 ? -1 : text.indexOf(code);
        if (at < 0 || text.indexOf(code, at + 1) >= 0) {
            return 0; // not found, or ambiguous
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Where a rule is written, by origin (for messages). */
    private record RuleLocation(String name, String file, int line) {}

    /**
     * Which rule each generated class belongs to: a rule's generated method ({@code D.rule("pkg", "name")}) names
     * the lambda classes of its constraints and consequence.
     */
    private static Map<String, RuleLocation> owners(MemoryFileSystem src, List<String> files, List<CompiledPolicies.RuleSource> rules,
            List<PolicySource> sources) {
        Map<String, String> origins = new HashMap<>();
        sources.forEach(s -> origins.put(s.path(), s.origin()));
        Map<List<String>, RuleLocation> byName = new HashMap<>();
        for (CompiledPolicies.RuleSource r : rules) {
            byName.put(List.of(r.pkg(), r.name()), new RuleLocation(r.name(), origins.getOrDefault(r.path(), r.path()), r.line()));
        }
        Map<String, RuleLocation> owners = new HashMap<>();
        Pattern lambda = Pattern.compile("\\b(Lambda[A-Za-z]*[0-9A-F]{32})\\b");
        for (String file : files) {
            String text = new String(src.getBytes(PortablePath.of(file)), StandardCharsets.UTF_8);
            String pkg = packageOf(text);
            Matcher m = RULE_START.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<RuleLocation> located = new ArrayList<>();
            while (m.find()) {
                String first = unquote(m.group(1));
                String rulePkg = m.group(2) == null ? pkg : first;
                String name = m.group(2) == null ? first : unquote(m.group(2));
                RuleLocation loc = byName.get(List.of(rulePkg, name));
                if (loc != null) {
                    starts.add(new int[] {m.start()});
                    located.add(loc);
                }
            }
            if (located.isEmpty()) {
                continue;
            }
            // a rule's lambdas are referenced between its D.rule( and the next one
            Matcher l = lambda.matcher(text);
            while (l.find()) {
                RuleLocation owner = null;
                for (int i = 0; i < starts.size() && starts.get(i)[0] <= l.start(); i++) {
                    owner = located.get(i);
                }
                if (owner != null) {
                    owners.putIfAbsent(l.group(1), owner);
                }
            }
            owners.putIfAbsent(file, located.get(0));
        }
        return owners;
    }

    private static ConfigProblem javaProblem(CompilationProblem p, Map<String, RuleLocation> owners, MemoryFileSystem src) {
        String file = p.getFileName() == null ? "" : p.getFileName();
        String simple = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
        RuleLocation owner = owners.get(simple);
        if (owner == null) {
            owner = owners.get(file);
        }
        String message = "DRL error: " + oneLine(p.getMessage());
        if (owner == null) {
            return new ConfigProblem("<policies>", 0, 0, message + " (in generated " + simple + ")");
        }
        return new ConfigProblem(owner.file(), owner.line(), 0, message + " (in rule \"" + owner.name() + "\")");
    }

    private static String packageOf(String javaSource) {
        Matcher m = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE).matcher(javaSource);
        return m.find() ? m.group(1) : "";
    }

    private static String unquote(String literal) {
        String s = literal.substring(1, literal.length() - 1);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int firstLine(int[] lines) {
        return lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
    }

    private static List<ConfigProblem> distinct(List<ConfigProblem> problems) {
        return problems.stream().distinct().toList();
    }

    private static String oneLine(String message) {
        return message == null ? "compile error" : message.replaceAll("\\s+", " ").trim();
    }
}
