package dev.radar.yaml;

import dev.radar.model.ConfigProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

/** Parses YAML text into position-carrying node trees with safe limits. */
public final class YamlReader {

    /**
     * Aliases allowed per document: far more than hand-written anchors need (a compose file that merges one
     * {@code depends_on} default into every service writes well over a hundred). A billion laughs is stopped by
     * {@link #MAX_EXPANDED_NODES}, not by this count.
     */
    public static final int MAX_ALIASES = 10_000;
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Largest document accepted, in code points. */
    public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;
    /**
     * Most nodes a document's aliases may add once they are expanded, beyond the nodes written in it (a large lockfile
     * without aliases holds more than this many and is read). {@link #MAX_ALIASES} alone does not stop a billion
     * laughs: nine levels of nine aliases each stay under it and expand to 387 million nodes for whoever walks the tree.
     */
    public static final long MAX_EXPANDED_NODES = 1_000_000;
    /** Longest scalar accepted, in characters. */
    public static final int MAX_SCALAR_CHARS = 1024 * 1024;

    private YamlReader() {}

    /**
     * One loader per thread: building a {@link Yaml} (constructor, representer, resolver) cost more than composing a
     * small file, and {@code compose} keeps no state in it between calls (each call has its own parser and composer).
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(YamlReader::newYaml);

    private static Yaml yaml() {
        return YAML.get();
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(true); // duplicates are reported by YamlNode with both lines
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** The first document of a file; null for an empty document. */
    public static YamlNode parse(String file, String text) throws YamlException {
        return composing(file, text, () -> {
            Node node = yaml().compose(new StringReader(text));
            return node == null ? null : new YamlNode(file, bounded(file, node));
        });
    }

    /** Every document of a multi-document file (Kubernetes manifests); empty documents are skipped. */
    public static List<YamlNode> parseAll(String file, String text) throws YamlException {
        return composing(file, text, () -> {
            List<YamlNode> out = new ArrayList<>();
            for (Node node : yaml().composeAll(new StringReader(text))) {
                if (node != null) {
                    out.add(new YamlNode(file, bounded(file, node)));
                }
            }
            return out;
        });
    }

    /** Parsing work whose failures become a {@link YamlException} naming the file (and the position when known). */
    private interface Composition<T> {
        T run() throws YamlException;
    }

    private static <T> T composing(String file, String text, Composition<T> work) throws YamlException {
        try {
            return work.run();
        } catch (MarkedYAMLException e) {
            throw new YamlException(problem(file, e));
        } catch (ReaderException e) {
            throw new YamlException(problem(file, text, e));
        } catch (YAMLException | IllegalArgumentException | StackOverflowError e) { // snakeyaml checks tags with IllegalArgumentException
            throw new YamlException(new ConfigProblem(file, 0, 0, "not valid YAML: " + message(e)));
        }
    }

    /**
     * The node when walking it, aliases expanded, stays within the limits: no alias inside itself, at most
     * {@link #MAX_EXPANDED_NODES} nodes added by aliases, {@link #MAX_DEPTH} levels and {@link #MAX_SCALAR_CHARS} per
     * scalar.
     */
    private static Node bounded(String file, Node root) throws YamlException {
        try {
            new Expansion(file).visit(root, 1);
            return root;
        } catch (Refused e) {
            throw new YamlException(e.problem);
        }
    }

    /**
     * Counts a node graph's expanded size and depth once per node (shared alias targets are not walked again). Only an
     * anchored node can be reached twice (an alias is its anchor's node), so only anchored nodes are remembered: a
     * large document without anchors (a lockfile) is walked without a map entry per node.
     */
    private static final class Expansion {
        private final String file;
        private final Map<Node, long[]> done = new IdentityHashMap<>();
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Nodes walked so far, each counted once. */
        private long walked;

        Expansion(String file) {
            this.file = file;
        }

        /** {expanded node count, expanded depth} of a node. */
        long[] visit(Node node, int level) {
            if (level > MAX_DEPTH + 1) { // + 1: scalars below the deepest collection
                throw refused(node, "aliases nest the document deeper than " + MAX_DEPTH + " levels");
            }
            boolean anchored = node.getAnchor() != null;
            if (anchored) {
                long[] known = done.get(node);
                if (known != null) {
                    return known;
                }
                if (!open.add(node)) {
                    throw refused(node, "an alias refers to a node that contains it (a recursive alias)");
                }
            }
            walked++;
            long count = 1;
            long depth = 0;
            List<Node> children = new ArrayList<>();
            if (node instanceof ScalarNode scalar) {
                if (scalar.getValue().length() > MAX_SCALAR_CHARS) {
                    throw refused(node, "a value of " + scalar.getValue().length() + " characters, over the limit of " + MAX_SCALAR_CHARS);
                }
            } else if (node instanceof SequenceNode seq) {
                children.addAll(seq.getValue());
            } else if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    children.add(t.getKeyNode());
                    children.add(t.getValueNode());
                }
            }
            for (Node child : children) {
                long[] c = visit(child, level + 1);
                count += c[0];
                depth = Math.max(depth, c[1]);
                if (count > MAX_EXPANDED_NODES + walked) { // without aliases, count stays within the nodes walked
                    throw refused(node, "aliases expand the document to more than " + MAX_EXPANDED_NODES + " nodes (an alias bomb?)");
                }
            }
            if (depth + 1 > MAX_DEPTH + 1) {
                throw refused(node, "aliases nest the document deeper than " + MAX_DEPTH + " levels");
            }
            long[] result = {count, depth + 1};
            if (anchored) {
                open.remove(node);
                done.put(node, result);
            }
            return result;
        }

        private Refused refused(Node at, String message) {
            Mark mark = at.getStartMark();
            return new Refused(new ConfigProblem(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "not read: " + message));
        }
    }

    /** Stops the walk of {@link Expansion} with the problem to report. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConfigProblem problem;

        Refused(ConfigProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** A character YAML does not allow (a control character): at its line and column, which snakeyaml gives as an index. */
    private static ConfigProblem problem(String file, String text, ReaderException e) {
        int line = 1;
        int column = 1;
        int end = Math.min(text.length(), text.offsetByCodePoints(0, Math.min(Math.max(0, e.getPosition()), text.codePointCount(0, text.length()))));
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ConfigProblem(file, line, column, "not valid YAML: " + message(e) + String.format(" (U+%04X)", e.getCodePoint()));
    }

    private static ConfigProblem problem(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
        if (e.getContext() != null && e.getProblem() != null) {
            what = e.getContext() + ", " + e.getProblem();
        }
        return new ConfigProblem(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                "not valid YAML: " + what.replace('\n', ' ').trim());
    }

    private static String message(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nesting too deep";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').trim();
    }
}
