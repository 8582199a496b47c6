package dev.radar.collect;

import dev.radar.model.LanguageUsage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts files and bytes per programming language from file extensions, skipping vendored and
 * generated folders, so radar entries can match languages ({@code language: php}).
 */
public final class LanguageCollector implements Collector {

    private static final Set<String> SKIPPED = Set.of("vendor", "third_party", "build", "dist", "out", "generated", "gen");

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"), Map.entry("scala", "scala"),
            Map.entry("groovy", "groovy"), Map.entry("clj", "clojure"), Map.entry("js", "javascript"), Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"), Map.entry("jsx", "javascript"), Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"),
            Map.entry("py", "python"), Map.entry("go", "go"), Map.entry("rs", "rust"), Map.entry("rb", "ruby"),
            Map.entry("php", "php"), Map.entry("cs", "csharp"), Map.entry("fs", "fsharp"), Map.entry("vb", "visualbasic"),
            Map.entry("c", "c"), Map.entry("h", "c"), Map.entry("cc", "cpp"), Map.entry("cpp", "cpp"), Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"), Map.entry("m", "objective-c"), Map.entry("swift", "swift"), Map.entry("dart", "dart"),
            Map.entry("ex", "elixir"), Map.entry("exs", "elixir"), Map.entry("erl", "erlang"), Map.entry("hs", "haskell"),
            Map.entry("lua", "lua"), Map.entry("pl", "perl"), Map.entry("pm", "perl"), Map.entry("r", "r"),
            Map.entry("sh", "shell"), Map.entry("bash", "shell"), Map.entry("ps1", "powershell"), Map.entry("tf", "hcl"),
            Map.entry("sql", "sql"), Map.entry("cob", "cobol"), Map.entry("cbl", "cobol"), Map.entry("pas", "pascal"),
            Map.entry("coffee", "coffeescript"), Map.entry("elm", "elm"), Map.entry("zig", "zig"), Map.entry("nim", "nim"),
            Map.entry("jl", "julia"), Map.entry("vue", "vue"), Map.entry("svelte", "svelte"));

    @Override
    public String name() {
        return "languages";
    }

    @Override
    public boolean wants(String path) {
        return language(path) != null && !skipped(path);
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> samples = new TreeMap<>();
        for (String path : paths) {
            String lang = language(path);
            long[] c = counts.computeIfAbsent(lang, k -> new long[2]);
            c[0]++;
            c[1] += Math.max(0, tree.size(path));
            samples.putIfAbsent(lang, path);
        }
        counts.forEach((lang, c) -> out.add(new LanguageUsage(out.repo(), lang, (int) c[0], c[1], samples.get(lang))));
    }

    /** The language of a file by its extension, or null. */
    static String language(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        return EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean skipped(String path) {
        for (String part : path.split("/")) {
            if (SKIPPED.contains(part)) {
                return true;
            }
        }
        return path.endsWith(".min.js");
    }
}
