package dev.radar.collect;

import dev.radar.model.ConfigSetting;
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
 * {@code token}), so that the security rules see endpoints and credentials written into the configuration.
 */
public final class Log4j2Collector implements Collector {

    private static final Pattern NAME = Pattern.compile("log4j2(-[A-Za-z0-9_.-]+)?\\.(xml|properties)");
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
                } else {
                    read(path, tree.read(path), out);
                }
            } catch (IOException e) {
                out.problem(path, 0, "cannot read Log4j 2 configuration: " + e.getMessage());
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
