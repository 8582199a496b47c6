package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Log4j 2 XML configuration ({@code log4j2.xml}, {@code log4j2-spring.xml}, {@code log4j2-test.xml}) with
 * StAX, DTDs and external entities off, and its properties form ({@code log4j2.properties}). Element names are
 * matched case-insensitively, as Log4j does, in both the concise ({@code <Console name="out">}) and the strict
 * ({@code <Appender type="Console">}) form. Records {@code appender.NAME.type}, {@code appender.NAME.layout} (e.g. {@code JsonTemplateLayout}),
 * {@code appender.NAME.layout.eventTemplateUri}, {@code root.level} and {@code logger.NAME.level}, and the other
 * attributes of an appender as {@code appender.NAME.ATTRIBUTE} (a Splunk or HTTP appender's {@code url} and
 * {@code token}), so that the security rules see endpoints and credentials written into the configuration. The
 * YAML and JSON forms ({@code log4j2.yaml}, {@code log4j2.yml}, {@code log4j2.json}, {@code log4j2.jsn}) have the
 * XML form's tree and give the same settings; a JSON or YAML file so named without a {@code Configuration} at the
 * top (a JsonTemplateLayout event template such as {@code log4j2-event-template.json}) is not a configuration.
 */
public final class Log4j2Collector implements Collector {

    private static final Pattern NAME = Pattern.compile("log4j2(-[A-Za-z0-9_.-]+)?\\.(xml|properties|yaml|yml|json|jsn)");
    /** {@code appender.<id>.<attribute>} and {@code logger.<id>.<attribute>} keys of the properties format. */
    private static final Pattern COMPONENT_KEY = Pattern.compile("(appender|logger)\\.([^.]+)\\.(.+)");

    @Override
    public String name() {
        return "log4j2";
    }

    @Override
    public boolean wants(String path) {
        return NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            try {
                if (path.endsWith(".properties")) {
                    readProperties(path, tree.read(path), out);
                } else if (path.endsWith(".json") || path.endsWith(".jsn")) {
                    readTree(path, Tree.json(tree.read(path)), out);
                } else if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                    YamlNode root = YamlReader.parse(path, tree.read(path));
                    readTree(path, root == null ? null : Tree.of(root), out);
                } else {
                    read(path, tree.read(path), out);
                }
            } catch (Tree.JsonException e) {
                out.problem(path, e.line(), "Log4j 2 configuration " + e.problem());
            } catch (IOException e) {
                out.problem(path, 0, "cannot read Log4j 2 configuration: " + e.getMessage());
            } catch (YamlException e) {
                out.problem(path, e.problem().line(), "Log4j 2 configuration " + e.problem().message());
            } catch (XMLStreamException e) {
                out.problem(path, SafeXml.line(e), "Log4j 2 configuration is not well-formed XML: " + SafeXml.message(e));
            }
        }
    }

    private static void read(String path, String text, Facts out) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(text);
        Deque<String> elements = new ArrayDeque<>();
        Deque<String> profiles = new ArrayDeque<>();
        String appender = null;
        int appenderDepth = -1;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    int line = r.getLocation().getLineNumber();
                    String profile = String.join("&", profiles);
                    String parent = elements.peek();
                    if (name.equals("springprofile")) {
                        profiles.push(attr(r, "name"));
                    } else if ("appenders".equals(parent)) {
                        appender = attr(r, "name");
                        appenderDepth = elements.size();
                        String type = name.equals("appender") ? attr(r, "type") : r.getLocalName();
                        add(out, path, line, "appender." + appender + ".type", type, profile);
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String attribute = r.getAttributeLocalName(i);
                            if (!attribute.equalsIgnoreCase("name") && !attribute.equalsIgnoreCase("type")) {
                                add(out, path, attributeLine(text, r.getLocation().getCharacterOffset(), attribute, line),
                                        "appender." + appender + "." + attribute, r.getAttributeValue(i).trim(), profile);
                            }
                        }
                    } else if (appender != null && (name.endsWith("layout"))) {
                        String layout = name.equals("layout") ? attr(r, "type") : r.getLocalName();
                        add(out, path, line, "appender." + appender + ".layout", layout, profile);
                        String template = attr(r, "eventTemplateUri");
                        if (!template.isEmpty()) {
                            add(out, path, line, "appender." + appender + ".layout.eventTemplateUri", template, profile);
                        }
                    } else if ("loggers".equals(parent) && (name.equals("root") || name.equals("asyncroot"))) {
                        add(out, path, line, "root.level", attr(r, "level"), profile);
                    } else if ("loggers".equals(parent) && (name.equals("logger") || name.equals("asynclogger"))
                            && !attr(r, "level").isEmpty()) {
                        add(out, path, line, "logger." + attr(r, "name") + ".level", attr(r, "level"), profile);
                    }
                    elements.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = elements.pop();
                    if (name.equals("springprofile") && !profiles.isEmpty()) {
                        profiles.pop();
                    } else if (elements.size() == appenderDepth) {
                        appender = null;
                        appenderDepth = -1;
                    }
                }
            }
        } finally {
            r.close();
        }
    }

    /**
     * The YAML and JSON forms: {@code Configuration} holds {@code Appenders}, whose keys are appender types (one
     * appender, or a list of them) or {@code Appender} with a {@code type} (the strict form), and {@code Loggers}
     * with {@code Root} and {@code Logger} (one, or a list). Keys are matched case-insensitively, as Log4j does.
     */
    private static void readTree(String path, Tree root, Facts out) {
        Tree configuration = root == null ? null : child(root, "configuration");
        if (configuration == null) {
            return;
        }
        Tree appenders = child(configuration, "appenders");
        if (appenders != null) {
            for (Tree.Entry plugin : appenders.entries()) {
                for (Tree.Entry appender : elements(plugin)) {
                    readAppender(path, plugin.key(), appender, out);
                }
            }
        }
        Tree loggers = child(configuration, "loggers");
        if (loggers == null) {
            return;
        }
        for (Tree.Entry e : loggers.entries()) {
            String kind = e.key().toLowerCase(Locale.ROOT);
            for (Tree.Entry logger : elements(e)) {
                Tree.Entry level = entry(logger.value(), "level");
                if (level == null || level.value().text().isEmpty()) {
                    continue;
                }
                if (kind.equals("root") || kind.equals("asyncroot")) {
                    add(out, path, level.line(), "root.level", level.value().text(), "");
                } else if ((kind.equals("logger") || kind.equals("asynclogger")) && !attr(logger.value(), "name").isEmpty()) {
                    add(out, path, level.line(), "logger." + attr(logger.value(), "name") + ".level", level.value().text(), "");
                }
            }
        }
    }

    private static void readAppender(String path, String plugin, Tree.Entry element, Facts out) {
        Tree appender = element.value();
        String name = attr(appender, "name");
        String type = plugin.equalsIgnoreCase("appender") ? attr(appender, "type") : plugin;
        add(out, path, element.line(), "appender." + name + ".type", type, "");
        for (Tree.Entry e : appender.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            if (key.endsWith("layout") && e.value().isMapping()) {
                String layout = key.equals("layout") ? attr(e.value(), "type") : e.key();
                add(out, path, e.line(), "appender." + name + ".layout", layout, "");
                Tree.Entry template = entry(e.value(), "eventTemplateUri");
                if (template != null && !template.value().text().isEmpty()) {
                    add(out, path, template.line(), "appender." + name + ".layout.eventTemplateUri", template.value().text(), "");
                }
            } else if (!key.equals("name") && !key.equals("type") && !e.value().isMapping() && !e.value().isSequence()) {
                add(out, path, e.line(), "appender." + name + "." + e.key(), e.value().text().trim(), "");
            }
        }
    }

    /** The elements an entry holds: itself when its value is a mapping, each mapping of it when a list. */
    private static List<Tree.Entry> elements(Tree.Entry e) {
        if (e.value().isMapping()) {
            return List.of(e);
        }
        return e.value().items().stream().filter(Tree::isMapping).map(i -> new Tree.Entry(e.key(), i.line(), i)).toList();
    }

    private static Tree.Entry entry(Tree mapping, String key) {
        for (Tree.Entry e : mapping.entries()) {
            if (e.key().equalsIgnoreCase(key)) {
                return e;
            }
        }
        return null;
    }

    private static Tree child(Tree mapping, String key) {
        Tree.Entry e = entry(mapping, key);
        return e == null ? null : e.value();
    }

    private static String attr(Tree mapping, String key) {
        Tree.Entry e = entry(mapping, key);
        return e == null ? "" : e.value().text().trim();
    }

    /**
     * The properties format ({@code log4j2.properties}): components are {@code appender.<id>.*} and
     * {@code logger.<id>.*} keys named by their {@code name} (the id when there is none), and become the same
     * settings as the XML form: {@code appender.NAME.type}, {@code appender.NAME.layout} (from
     * {@code layout.type}), {@code appender.NAME.layout.eventTemplateUri}, the appender's other plain attributes,
     * {@code root.level} (from {@code rootLogger.level} or the short {@code rootLogger = INFO, STDOUT}) and
     * {@code logger.NAME.level}.
     */
    private static void readProperties(String path, String text, Facts out) {
        List<SpringConfigCollector.Setting> settings = SpringConfigCollector.properties(text).stream().flatMap(List::stream).toList();
        Map<String, String> names = new HashMap<>();
        for (SpringConfigCollector.Setting s : settings) {
            Matcher m = COMPONENT_KEY.matcher(s.key());
            if (m.matches() && m.group(3).equals("name") && !s.value().isBlank()) {
                names.put(m.group(1) + "." + m.group(2), s.value().strip());
            }
        }
        for (SpringConfigCollector.Setting s : settings) {
            String value = s.value().strip();
            if (s.key().equals("rootLogger.level") || s.key().equals("rootLogger") && !value.isEmpty()) {
                add(out, path, s.line(), "root.level", value.split("\\s*,\\s*")[0], "");
                continue;
            }
            Matcher m = COMPONENT_KEY.matcher(s.key());
            if (!m.matches()) {
                continue;
            }
            String name = names.getOrDefault(m.group(1) + "." + m.group(2), m.group(2));
            String attribute = m.group(3);
            if (m.group(1).equals("logger")) {
                if (attribute.equals("level")) {
                    add(out, path, s.line(), "logger." + name + ".level", value, "");
                }
            } else if (attribute.equals("layout.type")) {
                add(out, path, s.line(), "appender." + name + ".layout", value, "");
            } else if (attribute.equals("layout.eventTemplateUri")) {
                add(out, path, s.line(), "appender." + name + ".layout.eventTemplateUri", value, "");
            } else if (!attribute.equals("name") && attribute.indexOf('.') < 0) {
                add(out, path, s.line(), "appender." + name + "." + attribute, value, "");
            }
        }
    }

    /**
     * The line of an attribute of the start tag that ends at {@code end} (a tag may span lines, and the reader
     * reports the line where it ends), or {@code fallback} when the reader gives no offset.
     */
    static int attributeLine(String text, int end, String attribute, int fallback) {
        if (end <= 0 || end > text.length()) {
            return fallback;
        }
        int start = text.lastIndexOf('<', end - 1);
        Matcher m = Pattern.compile("\\s" + Pattern.quote(attribute) + "\\s*=").matcher(text).region(Math.max(start, 0), end);
        if (!m.find()) {
            return fallback;
        }
        int line = 1;
        for (int i = 0; i < m.start() + 1; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return r.getAttributeValue(i).trim();
            }
        }
        return "";
    }

    private static void add(Facts out, String path, int line, String key, String value, String profile) {
        out.add(new ConfigSetting(out.repo(), path, line, key, value, profile));
    }
}
