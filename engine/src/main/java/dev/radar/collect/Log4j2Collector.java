package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Log4j 2 XML configuration ({@code log4j2.xml}, {@code log4j2-spring.xml}, {@code log4j2-test.xml}) with
 * StAX, DTDs and external entities off. Element names are matched case-insensitively, as Log4j does, in both the
 * concise ({@code <Console name="out">}) and the strict ({@code <Appender type="Console">}) form. Records
 * {@code appender.NAME.type}, {@code appender.NAME.layout} (e.g. {@code JsonTemplateLayout}),
 * {@code appender.NAME.layout.eventTemplateUri}, {@code root.level} and {@code logger.NAME.level}, and the other
 * attributes of an appender as {@code appender.NAME.ATTRIBUTE} (a Splunk or HTTP appender's {@code url} and
 * {@code token}), so that the security rules see endpoints and credentials written into the configuration.
 */
public final class Log4j2Collector implements Collector {

    private static final Pattern NAME = Pattern.compile("log4j2(-[A-Za-z0-9_.-]+)?\\.xml");

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
                read(path, tree.read(path), out);
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
