package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code go.mod} files: every {@code require} (single-line and block), direct ones as direct and
 * {@code // indirect} ones as transitive, each at its own line with the exact version as both declared and
 * resolved; {@code replace} directives change the resolved version (scope {@code replaced}) or mark a local
 * replacement (scope {@code replaced-local}). The {@code go.mod} files of vendored modules (under a
 * {@code vendor/} folder, which {@code go mod vendor} kept before Go 1.17) are the dependencies' own, not
 * this repository's, and are not read.
 */
public final class GoModCollector implements Collector {

    private record Require(String module, String version, boolean indirect, int line) {}

    private record Replace(String module, String oldVersion, String target, String targetVersion) {
        boolean local() {
            return target.startsWith("./") || target.startsWith("../") || target.startsWith("/") || target.equals(".")
                    || target.equals("..") || target.matches("^[A-Za-z]:[\\\\/].*");
        }
    }

    @Override
    public String name() {
        return "go";
    }

    @Override
    public boolean wants(String path) {
        return (path.equals("go.mod") || path.endsWith("/go.mod")) && !path.startsWith("vendor/") && !path.contains("/vendor/");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            try {
                collect(path, tree.read(path), out);
            } catch (IOException | RuntimeException e) {
                out.problem(path, 0, "go.mod could not be read: " + LockGraph.message(e));
            }
        }
    }

    private static void collect(String path, String text, Facts out) {
        List<Require> requires = new ArrayList<>();
        Map<String, List<Replace>> replaces = new HashMap<>();
        String block = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String comment = "";
            int slashes = commentStart(raw);
            if (slashes >= 0) {
                comment = raw.substring(slashes + 2).trim();
                raw = raw.substring(0, slashes);
            }
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String body;
            String verb;
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                    continue;
                }
                verb = block;
                body = line;
            } else {
                int space = firstSpace(line);
                verb = space < 0 ? line : line.substring(0, space);
                body = space < 0 ? "" : line.substring(space).trim();
                if (body.equals("(")) {
                    block = verb;
                    continue;
                }
                if (body.startsWith("(") && body.endsWith(")")) {
                    body = body.substring(1, body.length() - 1).trim(); // require ( x v1 ) on one line
                }
            }
            List<String> words = words(body);
            if (verb.equals("require") && words.size() >= 2 && words.get(0).isEmpty()) {
                out.problem(path, i + 1, "require directive without a module path: " + line);
            } else if (verb.equals("require") && words.size() >= 2) {
                requires.add(new Require(words.get(0), words.get(1), isIndirect(comment), i + 1));
            } else if (verb.equals("replace")) {
                int arrow = words.indexOf("=>");
                if (arrow == 1 || arrow == 2) {
                    List<String> target = words.subList(arrow + 1, words.size());
                    if (!target.isEmpty()) {
                        replaces.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Replace(words.get(0),
                                arrow == 2 ? words.get(1) : "", target.get(0), target.size() > 1 ? target.get(1) : ""));
                    }
                } else if (!words.isEmpty()) {
                    out.problem(path, i + 1, "replace directive without '=>': " + line);
                }
            }
        }
        for (Require r : requires) {
            String resolved = r.version();
            String scope = r.indirect() ? "indirect" : "compile";
            Replace replace = replacementOf(replaces.get(r.module()), r.version());
            if (replace != null) {
                if (replace.local()) {
                    scope = "replaced-local";
                } else {
                    scope = "replaced";
                    resolved = replace.targetVersion();
                }
            }
            out.add(new Dependency(out.repo(), Ecosystem.GO, "", r.module(), r.version(), resolved, scope, !r.indirect(),
                    path, r.line(), List.of()));
        }
    }

    /** The replace that applies to a required version: a version-specific one first, then a module-wide one. */
    private static Replace replacementOf(List<Replace> candidates, String version) {
        if (candidates == null) {
            return null;
        }
        Replace any = null;
        for (Replace r : candidates) {
            if (r.oldVersion().equals(version)) {
                return r;
            }
            if (r.oldVersion().isEmpty()) {
                any = r;
            }
        }
        return any;
    }

    /** {@code // indirect} and {@code // indirect; note}, as the go command writes them. */
    private static boolean isIndirect(String comment) {
        return comment.equals("indirect") || comment.startsWith("indirect;") || comment.startsWith("indirect ");
    }

    /** Where a {@code //} comment starts outside quoted strings, or -1. */
    private static int commentStart(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '`') {
                quoted = true;
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '(') {
                return i;
            }
        }
        return -1;
    }

    /** Splits on whitespace, unquoting Go string literals. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() >= 2 && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("`") && w.endsWith("`"))) {
                w = w.substring(1, w.length() - 1).replace("\\\"", "\"");
            }
            out.add(w);
        }
        return out;
    }
}
