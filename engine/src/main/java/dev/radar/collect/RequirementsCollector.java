package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pip requirements files ({@code requirements*.txt}, pip-tools {@code *.in}, files under a
 * {@code requirements/} folder, and any file they include with {@code -r} or {@code -c}): one dependency per
 * requirement line at the line where it starts, editable VCS installs by their {@code #egg=} name, wheel URLs by
 * the name in the wheel's file name. Only exact
 * {@code ==} pins have a resolved version.
 */
public final class RequirementsCollector implements Collector {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern OPTION_TAIL = Pattern.compile("(^|\\s)--[A-Za-z][A-Za-z-]*(=|\\s|$)");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    /** A wheel file name, {@code name-version[-build]-python-abi-platform.whl} (PEP 427), at the end of a URL path. */
    private static final Pattern WHEEL = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9._]*)(?:-[^/\\s;#?-]+){4,5}\\.whl(?=$|[\\s;#?])");
    private static final Pattern INCLUDE = Pattern.compile("(-r|--requirement|-c|--constraint)(?:\\s*=\\s*|\\s+|(?<=^-[rc]))(\\S+)");

    private record Row(String name, String declared, String resolved, int line) {}

    @Override
    public String name() {
        return "requirements";
    }

    @Override
    public boolean wants(String path) {
        String file = LockGraph.fileName(path).toLowerCase(Locale.ROOT);
        if (file.endsWith(".txt")) {
            return file.contains("requirements") || inRequirementsFolder(path);
        }
        return file.endsWith(".in") && !file.equals("manifest.in");
    }

    /** Whether a folder on the path, at any depth, is named {@code requirements} ({@code requirements/edx/base.txt}). */
    private static boolean inRequirementsFolder(String path) {
        for (String dir = LockGraph.dir(path); !dir.isEmpty(); dir = LockGraph.dir(dir)) {
            if (LockGraph.fileName(dir).equalsIgnoreCase("requirements")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, Boolean> constraintOnly = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String path : paths) {
            if (isRequirementsFile(tree, path)) {
                constraintOnly.put(path, false);
                queue.add(path);
            }
        }
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (rows.containsKey(path)) {
                continue;
            }
            List<Row> found = new ArrayList<>();
            rows.put(path, found);
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                out.problem(path, 0, "requirements file could not be read: " + LockGraph.message(e));
                continue;
            }
            parse(path, text, found, (target, constraint, line) -> {
                if (!tree.contains(target)) {
                    out.problem(path, line, "included file " + target + " is not in the repository");
                    return;
                }
                if (constraint) {
                    constraintOnly.putIfAbsent(target, true);
                } else {
                    constraintOnly.put(target, false);
                }
                queue.add(target);
            });
        }
        for (var e : rows.entrySet()) {
            String scope = Boolean.TRUE.equals(constraintOnly.get(e.getKey())) ? "constraint" : "runtime";
            for (Row r : e.getValue()) {
                out.add(new Dependency(out.repo(), Ecosystem.PYPI, "", r.name(), r.declared(), r.resolved(), scope, true,
                        e.getKey(), r.line(), List.of()));
            }
        }
    }

    /** A {@code .in} file counts when pip-tools conventions say so: a requirements name or folder, or a compiled {@code .txt} next to it. */
    private boolean isRequirementsFile(RepoTree tree, String path) {
        if (!path.endsWith(".in")) {
            return true;
        }
        String file = LockGraph.fileName(path).toLowerCase(Locale.ROOT);
        String folder = LockGraph.fileName(LockGraph.dir(path)).toLowerCase(Locale.ROOT);
        return file.contains("requirements") || folder.contains("requirements") || inRequirementsFolder(path)
                || tree.contains(path.substring(0, path.length() - 3) + ".txt");
    }

    /** Called for each {@code -r}/{@code -c} include, with the included path relative to the repository. */
    private interface Includes {
        void include(String path, boolean constraint, int line);
    }

    private static void parse(String path, String text, List<Row> rows, Includes includes) {
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            while (endsWithContinuation(lines[i]) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                i++;
                logical.append(' ').append(lines[i]);
            }
            if (endsWithContinuation(lines[i])) {
                logical.setLength(logical.length() - 1);
            }
            String line = COMMENT.matcher(logical).replaceFirst("").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                option(path, line, start + 1, rows, includes);
                continue;
            }
            requirement(line, start + 1, rows);
        }
    }

    /**
     * A physical line continues on the next when it ends with a backslash and holds no comment. Only the last
     * physical line is looked at (earlier ones had no comment, or the logical line would have ended there), so a
     * long run of continuations costs linear time rather than a regex pass over the growing logical line each time.
     */
    private static boolean endsWithContinuation(String line) {
        return !line.isEmpty() && line.charAt(line.length() - 1) == '\\' && !COMMENT.matcher(line).find();
    }

    private static void option(String path, String line, int number, List<Row> rows, Includes includes) {
        Matcher include = INCLUDE.matcher(line);
        if (include.lookingAt()) {
            String target = include.group(2);
            if (!target.contains("://")) {
                String resolved = RepoTree.resolve(LockGraph.dir(path), target);
                if (resolved != null) {
                    includes.include(resolved, include.group(1).equals("-c") || include.group(1).equals("--constraint"), number);
                }
            }
            return;
        }
        if (line.startsWith("-e") || line.startsWith("--editable")) {
            Matcher egg = EGG.matcher(line);
            if (egg.find()) {
                rows.add(new Row(egg.group(1), "", "", number));
            }
        }
    }

    private static void requirement(String line, int number, List<Row> rows) {
        Matcher tail = OPTION_TAIL.matcher(line);
        String spec = tail.find() ? line.substring(0, tail.start()).trim() : line;
        Pep508.Requirement req = Pep508.parse(spec);
        if (req != null) {
            rows.add(new Row(req.name(), req.url().isEmpty() ? req.specifier() : req.url(), req.pinned(), number));
            return;
        }
        Matcher egg = EGG.matcher(spec);
        if (egg.find()) {
            rows.add(new Row(egg.group(1), "", "", number)); // a VCS or archive URL naming its distribution
            return;
        }
        wheel(spec, number, rows);
    }

    /**
     * A bare URL of a wheel, which pip installs like {@code name @ url}, names its distribution in the file name
     * ({@code https://host/releases/flash_attn-2.7.4+cu12-cp311-cp311-linux_x86_64.whl; platform_system == "Linux"}):
     * the name as the file spells it, the URL (markers stripped) as the declared version, like {@code name @ url}.
     */
    private static void wheel(String spec, int number, List<Row> rows) {
        int semicolon = spec.indexOf("; "); // pip splits a URL's markers off at "; " only, a bare ';' may be in the URL
        String url = (semicolon < 0 ? spec : spec.substring(0, semicolon)).trim();
        Matcher wheel = WHEEL.matcher(url);
        if (url.contains("://") && wheel.find()) {
            rows.add(new Row(wheel.group(1), url, "", number));
        }
    }

}
