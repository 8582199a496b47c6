package dev.radar.policy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step: compiles the built-in DRL (already copied to {@code target/classes/policies}) to the executable
 * model and writes the generated classes and their index into the classes folder, so the jar ships a rule base
 * that loads without a DRL compiler. A DRL error fails the build with file and line.
 *
 * <p>Usage: {@code java -cp CLASSPATH dev.radar.policy.ModelGenerator CLASSES_DIR}
 */
public final class ModelGenerator {
    /** Lists the generated class files of the last run, so a rerun removes classes of deleted rules. */
    static final String CLASS_LIST = "dev/radar/policy/built-in-policies.classes";

    private ModelGenerator() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ModelGenerator CLASSES_DIR");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out, System.err));
    }

    /** Generates the model into {@code classes}; returns 0, or 1 after printing every DRL problem. */
    static int run(Path classes, PrintStream out, PrintStream err) {
        try {
            List<PolicySource> sources = PolicyEngine.read(classes.resolve(PolicyEngine.BUILT_IN_ROOT), "");
            String build = buildId(classes);
            String key = PolicyCompiler.key(build, sources);
            Path index = classes.resolve(RuleBases.BUILT_IN_INDEX);
            if (upToDate(classes, index, key)) {
                out.println("radar: built-in rule model up to date (" + sources.size() + " DRL files)");
                return 0;
            }
            CompiledPolicies compiled = PolicyCompiler.compile(sources, build);
            PolicyEngine engine = PolicyEngine.fromCompiled(compiled, sources, PolicyEngine.Provenance.COMPILED); // checks rule metadata too
            removePrevious(classes);
            List<String> written = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
                if (!compiled.models().contains(e.getKey()) && e.getKey().startsWith("org.drools.project.model.")) {
                    continue; // the KieContainer entry point; the engine instantiates the models itself
                }
                String file = e.getKey().replace('.', '/') + ".class";
                Path target = classes.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                written.add(file);
            }
            Files.createDirectories(index.getParent());
            Files.writeString(classes.resolve(CLASS_LIST), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
            Files.writeString(index, compiled.withoutClasses().withCheck(CompiledPolicies.check(build, sources)).index(), StandardCharsets.UTF_8);
            out.println("radar: built-in rule model generated: " + sources.size() + " DRL files, " + engine.rules().size()
                    + " rules with ids, " + written.size() + " classes");
            return 0;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.println("radar: the built-in policies do not compile; fix the DRL above");
            return 1;
        } catch (IOException e) {
            err.println("radar: cannot write the rule model: " + e);
            return 1;
        }
    }

    private static boolean upToDate(Path classes, Path index, String key) throws IOException {
        if (!Files.isRegularFile(index)) {
            return false;
        }
        try {
            CompiledPolicies existing = CompiledPolicies.parseIndex(Files.readString(index, StandardCharsets.UTF_8), Map.of());
            return existing.key().equals(key) && !existing.check().isEmpty()
                    && existing.models().stream().allMatch(m -> Files.isRegularFile(classes.resolve(m.replace('.', '/') + ".class")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void removePrevious(Path classes) throws IOException {
        Path list = classes.resolve(CLASS_LIST);
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && line.endsWith(".class") && !line.contains("..")) {
                    Files.deleteIfExists(classes.resolve(line.trim()));
                }
            }
        }
        Files.deleteIfExists(classes.resolve(RuleBases.BUILT_IN_INDEX));
    }

    /** A hash of the engine's own classes: the generated code calls into them, so any change invalidates it. */
    static String buildId(Path classes) throws IOException {
        Path own = classes.resolve("dev/radar");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(own)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path f : files) {
            md.update(own.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Files.readAllBytes(f));
        }
        return CompiledPolicies.hex(md.digest()).substring(0, 16);
    }
}
