package dev.radar.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Dockerfiles and Containerfiles: every {@code FROM} image is a Docker dependency at the line of its
 * {@code FROM}, except {@code scratch} and earlier build stages; global {@code ARG} defaults are expanded
 * for the resolved version, and the last stage's base image is scoped {@code runtime}, earlier ones
 * {@code build}. A file named like a Dockerfile variant ({@code dockerfile_test.go}, {@code dockerfile-parser.ts})
 * whose first instruction is not {@code FROM} or {@code ARG} is source code that holds Dockerfiles in strings,
 * not a Dockerfile, and is skipped.
 */
public final class DockerfileCollector implements Collector {

    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z]+)\\s*=\\s*(\\S+)\\s*");
    /** A heredoc word as BuildKit reads it: the whole shell word, {@code <<EOF}, {@code <<-'EOF'}, {@code 3<<"EOF"}. */
    private static final Pattern HEREDOC = Pattern.compile("\\d*<<(-?)([^<]+)");

    @Override
    public String name() {
        return "dockerfile";
    }

    @Override
    public boolean wants(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.endsWith(".dockerignore") || base.endsWith(".md")) {
            return false;
        }
        return base.equals("dockerfile") || base.equals("containerfile")
                || base.startsWith("dockerfile.") || base.startsWith("dockerfile-") || base.startsWith("dockerfile_")
                || base.startsWith("containerfile.") || base.startsWith("containerfile-") || base.startsWith("containerfile_")
                || base.endsWith(".dockerfile") || base.endsWith(".containerfile");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                out.problem(path, 0, "Dockerfile could not be read: " + e.getMessage());
                continue;
            }
            collect(path, text, out);
        }
    }

    private static void collect(String path, String text, Facts out) {
        List<Instruction> instructions = instructions(text);
        if (!instructions.isEmpty() && !startsABuild(instructions.get(0)) && isVariantName(path)) {
            return; // package dockerfile ..., import ...: a program about Dockerfiles
        }
        Map<String, String> globals = new HashMap<>();
        Stages stages = new Stages();
        boolean seenFrom = false;
        for (Instruction in : instructions) {
            if (in.keyword().equals("ARG") && !seenFrom) {
                declareArgs(in.args(), globals);
            } else if (in.keyword().equals("FROM")) {
                seenFrom = true;
                stages.from(path, in, new ShellVariables(globals, false), out);
            }
        }
        for (int i = 0; i < stages.bases.size(); i++) {
            Base b = stages.bases.get(i);
            out.add(b.image().dependency(out.repo(), i == stages.finalBase ? "runtime" : "build", path, b.line()));
        }
    }

    /**
     * Whether an instruction may open a Dockerfile: Docker wants FROM first (after parser directives, comments and
     * ARGs), with one image and maybe {@code AS name}; Python's {@code from os import path} is not one.
     */
    private static boolean startsABuild(Instruction first) {
        if (first.keyword().equals("ARG")) {
            return true;
        }
        if (!first.keyword().equals("FROM")) {
            return false;
        }
        List<String> words = fromWords(first.args());
        return words.size() == 1 || words.size() == 3 && words.get(1).equalsIgnoreCase("AS");
    }

    /** The words of a {@code FROM} instruction after its flags ({@code --platform=...}): image, then maybe {@code AS name}. */
    private static List<String> fromWords(String args) {
        List<String> words = new ArrayList<>(List.of(args.trim().split("\\s+")));
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (!flag.contains("=") && !words.isEmpty()) {
                words.remove(0); // "--platform linux/amd64" written with a space
            }
        }
        return words;
    }

    /** A name that only starts like a Dockerfile's ({@code Dockerfile.dev}, {@code dockerfile_test.go}), not the plain names. */
    private static boolean isVariantName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return !base.equals("dockerfile") && !base.equals("containerfile") && !base.endsWith(".dockerfile")
                && !base.endsWith(".containerfile");
    }

    /** A base image at the line of its FROM. */
    private record Base(ImageReference image, int line) {}

    /** The stages of one Dockerfile: aliases, and which base image each stage ultimately builds on. */
    private static final class Stages {
        final List<Base> bases = new ArrayList<>();
        /** Stage alias (lower case) to the index in {@link #bases} of the image it builds on, -1 for none. */
        final Map<String, Integer> roots = new HashMap<>();
        /** The base image the last stage builds on: the one the built image runs on. */
        int finalBase = -1;

        void from(String path, Instruction in, ShellVariables vars, Facts out) {
            List<String> words = fromWords(in.args());
            if (words.isEmpty() || words.get(0).isEmpty()) {
                out.problem(path, in.line(), "FROM without an image");
                return;
            }
            String image = unquote(words.get(0)); // BuildKit expands the name as a shell word: FROM "${BASE_IMAGE}", debian:"${V}"
            String alias = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2).toLowerCase(Locale.ROOT) : null;
            String expanded = vars.expand(image);
            String key = expanded == null ? image.toLowerCase(Locale.ROOT) : expanded.toLowerCase(Locale.ROOT);
            int root;
            if (roots.containsKey(key)) {
                root = roots.get(key); // an earlier stage, not an image
            } else if (key.equals("scratch")) {
                root = -1;
            } else {
                var ref = ImageReference.parseOrReport(image, vars, path, in.line(), out);
                if (ref.isPresent()) {
                    bases.add(new Base(ref.get(), in.line()));
                    root = bases.size() - 1;
                } else {
                    root = -1;
                }
            }
            if (alias != null) {
                roots.put(alias, root);
            }
            finalBase = root;
        }
    }

    /** Adds {@code ARG name[=default] ...} declarations; an ARG without a default is unset. */
    private static void declareArgs(String args, Map<String, String> vars) {
        for (String word : shellWords(args)) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = word.substring(0, eq);
            String value = unquote(word.substring(eq + 1));
            String expanded = new ShellVariables(vars, false).expand(value);
            if (expanded != null) {
                vars.put(name, expanded);
            } else {
                vars.remove(name);
            }
        }
    }

    /**
     * A shell word without its quotes, as BuildKit reads it: quoted parts may sit anywhere in the word
     * ({@code "${BASE_IMAGE}"}, {@code debian:"${DEBIAN_VERSION}-slim"}), and the quote characters are dropped.
     */
    private static String unquote(String value) {
        StringBuilder word = new StringBuilder(value.length());
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < value.length()) {
                word.append(c).append(value.charAt(++i)); // an escaped character, \" included, is kept as written
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        return word.toString();
    }

    /** One instruction with its continuation lines joined, at the line it starts on. */
    record Instruction(String keyword, String args, int line) {}

    /**
     * Splits a Dockerfile into instructions: honours the {@code escape} parser directive, joins continuation
     * lines (dropping comment and empty lines inside them) and skips heredoc bodies of RUN, COPY and ADD.
     */
    static List<Instruction> instructions(String text) {
        String[] lines = text.split("\r?\n|\r", -1);
        char escape = '\\';
        int i = 0;
        while (i < lines.length) {
            Matcher m = DIRECTIVE.matcher(lines[i].trim());
            if (!m.matches()) {
                break;
            }
            if (m.group(1).equalsIgnoreCase("escape") && m.group(2).length() == 1) {
                escape = m.group(2).charAt(0);
            }
            i++;
        }
        List<Instruction> out = new ArrayList<>();
        while (i < lines.length) {
            String trimmed = lines[i].strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            while (i < lines.length) {
                String line = lines[i];
                i++;
                if (!first && (line.isBlank() || line.strip().startsWith("#"))) {
                    continue;
                }
                first = false;
                String right = line.stripTrailing();
                if (!right.isEmpty() && right.charAt(right.length() - 1) == escape) {
                    sb.append(right, 0, right.length() - 1).append(' ');
                    continue;
                }
                sb.append(line);
                break;
            }
            String instruction = sb.toString().strip();
            int space = indexOfWhitespace(instruction);
            String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : instruction.substring(space + 1).strip();
            out.add(new Instruction(keyword, args, start));
            if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
                i = skipHeredocs(lines, i, args);
            }
        }
        return out;
    }

    /**
     * Skips the bodies of the heredocs an instruction opens. As in BuildKit, a heredoc is a whole shell word that
     * starts with {@code <<} ({@code RUN cat <<EOF > f}); {@code <<} inside a quoted word ({@code echo "<<x"}) or
     * after other characters ({@code a<<b}, {@code $((1<<3))}) opens none.
     */
    private static int skipHeredocs(String[] lines, int i, String args) {
        for (String w : shellWords(args)) {
            Matcher m = HEREDOC.matcher(w);
            if (!m.matches()) {
                continue;
            }
            boolean dash = !m.group(1).isEmpty();
            String word = m.group(2).replace("\"", "").replace("'", "");
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            while (i < lines.length) {
                String line = dash ? lines[i].replaceFirst("^\t+", "") : lines[i];
                i++;
                if (line.equals(word)) {
                    break;
                }
            }
        }
        return i;
    }

    /** Splits at unquoted whitespace, keeping quotes and backslash escapes in the words (BuildKit's raw mode). */
    private static List<String> shellWords(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int k = 0; k < args.length(); k++) {
            char c = args.charAt(k);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            word.append(c);
            if (c == '\\' && quote != '\'' && k + 1 < args.length()) {
                word.append(args.charAt(++k));
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
