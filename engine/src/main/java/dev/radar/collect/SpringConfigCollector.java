package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Spring Boot configuration: {@code application.yml}, {@code .yaml} and {@code .properties}, with their
 * profile variants ({@code application-prod.yml}) and {@code bootstrap*} files. Keys are flattened with dots
 * as written (lists as {@code [0]}), one setting per leaf at the line of its key; YAML merge keys
 * ({@code <<: *defaults}) are applied, explicit keys winning, as Spring's SnakeYAML does. Each setting carries the
 * profile it is active in: from the file name, or from the document's {@code spring.config.activate.on-profile}
 * (or the older {@code spring.profiles}) in multi-document files ({@code ---} in YAML, {@code #---} in properties).
 */
public final class SpringConfigCollector implements Collector {

    private static final Pattern NAME = Pattern.compile("(application|bootstrap)(-([^/]+))?\\.(yml|yaml|properties)");
    private static final List<String> PROFILE_KEYS = List.of("spring.config.activate.on-profile", "spring.profiles");

    @Override
    public String name() {
        return "spring-config";
    }

    @Override
    public boolean wants(String path) {
        return NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            Matcher m = NAME.matcher(path.substring(path.lastIndexOf('/') + 1));
            m.matches();
            String fileProfile = m.group(3) == null ? "" : m.group(3);
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                out.problem(path, 0, "cannot read Spring configuration: " + e.getMessage());
                continue;
            }
            List<List<Setting>> documents;
            if (m.group(4).equals("properties")) {
                documents = properties(text);
            } else {
                try {
                    documents = yaml(path, text);
                } catch (YamlException e) {
                    out.problem(path, e.problem().line(), "Spring configuration " + e.problem().message());
                    continue;
                }
            }
            for (List<Setting> doc : documents) {
                List<String> docProfiles = new ArrayList<>();
                for (Setting s : doc) {
                    String key = s.key().toLowerCase(Locale.ROOT).replaceAll("\\[[0-9]+]$", "");
                    if (PROFILE_KEYS.contains(key) && !s.value().isBlank()) {
                        docProfiles.add(s.value().trim());
                    }
                }
                String docProfile = String.join(",", docProfiles);
                String profile = fileProfile.isEmpty() ? docProfile : docProfile.isEmpty() ? fileProfile : fileProfile + "&" + docProfile;
                for (Setting s : doc) {
                    out.add(new ConfigSetting(out.repo(), path, s.line(), s.key(), s.value(), profile));
                }
            }
        }
    }

    /** A flattened key and value at a line, before the profile of its document is known. */
    record Setting(String key, String value, int line) {}

    /**
     * An unquoted Maven resource-filtering token as a whole value ({@code version: @project.version@}): Spring Boot's
     * starter parent filters {@code application*.yml} with {@code @..@} delimiters, so the committed file holds the
     * token and the built one the value. YAML cannot start a plain scalar with {@code @}, so the token is read as the
     * string it stands for, quoted in place (lines stay where they are).
     */
    private static final Pattern MAVEN_TOKEN_VALUE = Pattern.compile(
            "(?m)^([ \\t]*(?:-[ \\t]+)?(?:[^\\s#'\"@][^:#\\n]*:[ \\t]+)?)(@[A-Za-z0-9_.\\-]+@)([ \\t]*(?:#.*)?)$");

    static List<List<Setting>> yaml(String path, String text) throws YamlException {
        List<List<Setting>> out = new ArrayList<>();
        String yaml = text.indexOf('@') < 0 ? text : MAVEN_TOKEN_VALUE.matcher(text).replaceAll("$1'$2'$3");
        for (YamlNode doc : YamlReader.parseAll(path, yaml)) {
            List<Setting> settings = new ArrayList<>();
            flatten("", doc, doc.line(), settings);
            out.add(settings);
        }
        return out;
    }

    private static void flatten(String prefix, YamlNode node, int line, List<Setting> out) {
        if (node.isMapping()) {
            for (Map.Entry<YamlNode, YamlNode> e : YamlLookup.entries(node)) { // merge keys applied, as SnakeYAML does for Spring
                String key = e.getKey().text();
                flatten(prefix.isEmpty() ? key : prefix + "." + key, e.getValue(), e.getKey().line(), out);
            }
        } else if (node.isSequence()) {
            List<YamlNode> items = node.items();
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), items.get(i).line(), out);
            }
        } else if (!prefix.isEmpty()) {
            out.add(new Setting(prefix, node.text(), line));
        }
    }

    /** Parses {@code .properties} text with line numbers: comments, continuation lines, escapes, {@code #---} documents. */
    static List<List<Setting>> properties(String text) {
        List<List<Setting>> out = new ArrayList<>();
        List<Setting> doc = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.equals("#---") || trimmed.equals("!---")) {
                out.add(doc);
                doc = new ArrayList<>();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder(stripLeading(line));
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines[++i]));
            }
            doc.add(keyValue(logical.toString(), start));
        }
        out.add(doc);
        return out;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Setting keyValue(String line, int number) {
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                i = unescape(line, i, key);
                continue;
            }
            if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            }
            key.append(c);
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        StringBuilder value = new StringBuilder();
        while (i < line.length()) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i = unescape(line, i, value);
            } else {
                value.append(line.charAt(i++));
            }
        }
        return new Setting(key.toString(), value.toString(), number);
    }

    /** Appends the character escaped at {@code i} (a backslash) and returns the index after the escape. */
    private static int unescape(String s, int i, StringBuilder out) {
        char n = s.charAt(i + 1);
        switch (n) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (i + 6 <= s.length() && s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    return i + 6;
                }
                out.append('u');
            }
            default -> out.append(n);
        }
        return i + 2;
    }
}
