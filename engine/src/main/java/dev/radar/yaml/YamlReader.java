package dev.radar.yaml;

import dev.radar.model.ConfigProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/** Parses YAML text into position-carrying node trees with safe limits. */
public final class YamlReader {

    /** Aliases allowed per document: enough for hand-written anchors, far too few for a billion laughs. */
    public static final int MAX_ALIASES = 100;
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** Largest document accepted, in code points. */
    public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private YamlReader() {}

    private static Yaml yaml() {
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
        try {
            Node node = yaml().compose(new StringReader(text));
            return node == null ? null : new YamlNode(file, node);
        } catch (MarkedYAMLException e) {
            throw new YamlException(problem(file, e));
        } catch (ReaderException e) {
            throw new YamlException(problem(file, text, e));
        } catch (YAMLException | StackOverflowError e) {
            throw new YamlException(new ConfigProblem(file, 0, 0, "not valid YAML: " + message(e)));
        }
    }

    /** Every document of a multi-document file (Kubernetes manifests); empty documents are skipped. */
    public static List<YamlNode> parseAll(String file, String text) throws YamlException {
        List<YamlNode> out = new ArrayList<>();
        try {
            for (Node node : yaml().composeAll(new StringReader(text))) {
                if (node != null) {
                    out.add(new YamlNode(file, node));
                }
            }
        } catch (MarkedYAMLException e) {
            throw new YamlException(problem(file, e));
        } catch (ReaderException e) {
            throw new YamlException(problem(file, text, e));
        } catch (YAMLException | StackOverflowError e) {
            throw new YamlException(new ConfigProblem(file, 0, 0, "not valid YAML: " + message(e)));
        }
        return out;
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
