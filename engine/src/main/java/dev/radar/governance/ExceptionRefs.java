package dev.radar.governance;

import dev.radar.model.ConfigProblem;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The references an exceptions.yaml makes: each exception's {@code id}, {@code entry} and {@code rule} with
 * their positions. A deliberately small, tolerant reader for {@code radar validate}: every other key is
 * ignored here (the exceptions loader judges those); only a file that is not YAML at all is a problem.
 *
 * @param problems what made the file unreadable, as positions and messages
 */
public record ExceptionRefs(String file, List<Ref> refs, List<ConfigProblem> problems) {

    /** One exception's references; empty text and 0 positions where the key is absent. */
    public record Ref(String id, int line, int column, String entry, int entryLine, int entryColumn, String rule,
            int ruleLine, int ruleColumn) {}

    public ExceptionRefs {
        refs = List.copyOf(refs);
        problems = List.copyOf(problems);
    }

    public static ExceptionRefs read(Path file) {
        String name = file.toString().replace('\\', '/');
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ExceptionRefs(name, List.of(), List.of(new ConfigProblem(name, 0, 0, "cannot read exceptions: " + e.getMessage())));
        }
    }

    public static ExceptionRefs parse(String file, String text) {
        List<ConfigProblem> problems = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlReader.parse(file, text);
        } catch (YamlException e) {
            return new ExceptionRefs(file, List.of(), List.of(e.problem()));
        }
        if (root == null) {
            return new ExceptionRefs(file, List.of(), List.of());
        }
        YamlNode list = root.isMapping() ? root.mapping(new ArrayList<>()).get("exceptions") : null;
        if (list == null || !list.isSequence()) {
            problems.add(new ConfigProblem(file, root.line(), root.column(), "an exceptions file is a mapping with an 'exceptions' list"));
            return new ExceptionRefs(file, List.of(), problems);
        }
        List<Ref> refs = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!item.isMapping()) {
                continue;
            }
            Map<String, YamlNode> m = item.mapping(new ArrayList<>());
            YamlNode id = m.get("id");
            YamlNode entry = m.get("entry");
            YamlNode rule = m.get("rule");
            refs.add(new Ref(text(id), id == null ? item.line() : id.line(), id == null ? item.column() : id.column(),
                    text(entry), entry == null ? 0 : entry.line(), entry == null ? 0 : entry.column(),
                    text(rule), rule == null ? 0 : rule.line(), rule == null ? 0 : rule.column()));
        }
        return new ExceptionRefs(file, refs, problems);
    }

    private static String text(YamlNode node) {
        return node == null || !node.isScalar() ? "" : node.text().trim();
    }
}
