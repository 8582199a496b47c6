package dev.radar.fuzz;

import dev.radar.collect.Collector;
import dev.radar.collect.Collectors;
import dev.radar.collect.Facts;
import dev.radar.collect.RepoTree;
import dev.radar.model.ApiOperation;
import dev.radar.model.ApiSpec;
import dev.radar.model.CiStep;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.ConfigSetting;
import dev.radar.model.Dependency;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.UnknownDeclaration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives parsers the way a scan does and checks what every input must satisfy: the fuzzed file sits in an
 * in-memory repository (next to fixed companion files), every collector that wants a file of the tree runs on it,
 * and the facts are well-formed. Unlike {@link Collectors#collect(String, RepoTree)} no exception is caught here,
 * so a collector bug that the registry would turn into a "collector failed" problem is a crash of the fuzz test.
 */
final class FuzzHarness {

    static final String REPO = "fuzz/repo";

    /**
     * YAML errors snakeyaml raises without a position: the document-wide limits (aliases, nesting, size) and a few
     * scanner errors ("A simple key is required only if it is the first token in the current line"). They name the
     * file only.
     */
    private static final java.util.regex.Pattern UNPOSITIONED_YAML = java.util.regex.Pattern.compile("^not valid YAML: ");

    private FuzzHarness() {}

    /**
     * The input as text: fuzzer bytes decoded as UTF-8 with replacement characters, so that mutations spend their
     * time in the parsers rather than in the UTF-8 check that {@link RepoTree#read} does first.
     */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Runs every collector on a repository of the fuzzed file plus companions, and checks the facts. */
    static RepoFacts collect(String path, byte[] data, Map<String, String> companions) {
        Map<String, String> texts = new LinkedHashMap<>(companions);
        texts.put(path, text(data));
        Map<String, byte[]> files = new LinkedHashMap<>();
        texts.forEach((p, t) -> files.put(p, t.getBytes(StandardCharsets.UTF_8)));
        RepoTree tree = RepoTree.of(files);
        Facts facts = new Facts(REPO);
        for (Collector collector : Collectors.all()) {
            List<String> wanted = new ArrayList<>();
            for (String p : tree.paths()) {
                if (collector.wants(p)) {
                    wanted.add(p);
                }
            }
            if (!wanted.isEmpty()) {
                collector.collect(tree, wanted, facts);
            }
        }
        RepoFacts out = facts.build();
        check(out, texts);
        return out;
    }

    static RepoFacts collect(String path, byte[] data) {
        return collect(path, data, Map.of());
    }

    private static void check(RepoFacts facts, Map<String, String> textsByFile) {
        // Line counts once per file: counting per fact made a file with hundreds of facts quadratic, and under
        // Jazzer's instrumentation (every comparison hooked) a 27 KB requirements.txt then took over 1 s in the
        // harness, not in the collector.
        Map<String, Integer> texts = new java.util.HashMap<>();
        textsByFile.forEach((file, text) -> texts.put(file, lines(text)));
        for (FileProblem p : facts.problems()) {
            at(texts, p.file(), p.line(), p);
            // Messages may quote the input, so their text is not checked further (the fuzzer would learn to write
            // whatever string such a check looks for); an exception escaping a collector is a crash anyway.
            require(p.message() != null && !p.message().isBlank(), "problem without a message", p);
        }
        for (Dependency d : facts.dependencies()) {
            at(texts, d.file(), d.line(), d);
            require(!d.name().isEmpty() || !d.group().isEmpty(), "a dependency without a name", d);
        }
        for (ConfigSetting s : facts.settings()) {
            at(texts, s.file(), s.line(), s);
        }
        for (UnknownDeclaration u : facts.unknownDeclarations()) {
            at(texts, u.file(), u.line(), u);
        }
        for (ApiSpec a : facts.apis()) {
            at(texts, a.file(), a.line(), a);
        }
        for (ApiOperation o : facts.operations()) {
            at(texts, o.file(), o.line(), o);
        }
        for (CiStep c : facts.ciSteps()) {
            at(texts, c.file(), c.line(), c);
        }
    }

    /** A fact names a file of the tree and a line inside it (0: the whole file). */
    private static void at(Map<String, Integer> lineCounts, String file, int line, Object fact) {
        Integer lines = lineCounts.get(file);
        require(lines != null, "names a file that is not in the repository", fact);
        if (line < 0 || line > lines) {
            require(false, "line outside the file (" + lines + " lines)", fact);
        }
    }

    /**
     * Runs a configuration loader (radar.yaml, exceptions.yaml, repos.yaml): it returns, or throws a
     * {@link ConfigException} whose every problem names the file and a line inside it; nothing else may escape.
     */
    static <T> T load(String file, String text, Supplier<T> loader) {
        try {
            return loader.get();
        } catch (ConfigException e) {
            require(!e.problems().isEmpty(), "a ConfigException without problems", e.getMessage());
            int lines = lines(text);
            for (ConfigProblem p : e.problems()) {
                require(file.equals(p.file()), "a problem naming another file", p);
                if (p.line() < 0 || p.line() > lines) {
                    require(false, "a problem at a line outside the file (" + lines + " lines)", p);
                }
                require(p.line() >= 1 || UNPOSITIONED_YAML.matcher(p.message()).find(), "a problem without a line", p);
                require(p.message() != null && !p.message().isBlank(), "a problem without a message", p);
            }
            return null;
        }
    }

    /** Lines of a text, counting every character some parser treats as a line break (YAML also breaks at NEL, LS, PS). */
    static int lines(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                n++;
            }
        }
        return n;
    }

    private static void require(boolean ok, String what, Object fact) {
        if (!ok) {
            throw new AssertionError(what + ": " + fact);
        }
    }
}
