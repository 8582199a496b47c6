package dev.radar.collect;

import dev.radar.model.ConfigSetting;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads logback configuration ({@code logback.xml}, {@code logback-spring.xml}, {@code logback-test.xml}) with
 * StAX, DTDs and external entities off. Records what decides the log format and level as settings:
 * {@code appender.NAME.class}, {@code appender.NAME.encoder.class}, {@code appender.NAME.encoder.layout.class},
 * {@code appender.NAME.layout.class}, {@code root.level}, {@code logger.NAME.level} and {@code include}, each at
 * the line of its element and in the profile of an enclosing {@code <springProfile name="...">}. An appender's
 * own properties written as text elements ({@code <url>}, {@code <token>}, {@code <password>} of a Splunk, Loki or
 * database appender) are {@code appender.NAME.PROPERTY}, so that the security rules see them.
 */
public final class LogbackCollector implements Collector {

    private static final Pattern NAME = Pattern.compile("logback(-[A-Za-z0-9_.-]+)?\\.xml");
    static final String DEFAULT_ENCODER = "ch.qos.logback.classic.encoder.PatternLayoutEncoder";

    @Override
    public String name() {
        return "logback";
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
                out.problem(path, 0, "cannot read logback configuration: " + e.getMessage());
            } catch (XMLStreamException e) {
                out.problem(path, SafeXml.line(e), "logback configuration is not well-formed XML: " + SafeXml.message(e));
            }
        }
    }

    private static void read(String path, String text, Facts out) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(text);
        Deque<String> elements = new ArrayDeque<>();
        Deque<String> profiles = new ArrayDeque<>();
        String appender = null;
        String property = null; // a child element of an appender whose text is being read
        int propertyLine = 0;
        StringBuilder propertyText = new StringBuilder();
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    int line = r.getLocation().getLineNumber();
                    String profile = String.join("&", profiles);
                    String parent = elements.peek();
                    property = null; // an element inside it: not a text property
                    if ("appender".equals(parent) && appender != null && !name.equals("encoder") && !name.equals("layout")) {
                        property = name;
                        propertyLine = line;
                        propertyText.setLength(0);
                    }
                    switch (name) {
                        case "springProfile" -> profiles.push(attr(r, "name"));
                        case "appender" -> {
                            appender = attr(r, "name");
                            add(out, path, line, "appender." + appender + ".class", attr(r, "class"), profile);
                        }
                        case "encoder" -> {
                            if (appender != null) {
                                String c = attr(r, "class");
                                add(out, path, line, "appender." + appender + ".encoder.class", c.isEmpty() ? DEFAULT_ENCODER : c, profile);
                            }
                        }
                        case "layout" -> {
                            if (appender != null) {
                                String owner = "encoder".equals(parent) ? ".encoder.layout.class" : ".layout.class";
                                add(out, path, line, "appender." + appender + owner, attr(r, "class"), profile);
                            }
                        }
                        case "root" -> add(out, path, line, "root.level", attr(r, "level"), profile);
                        case "logger" -> {
                            if (!attr(r, "level").isEmpty()) {
                                add(out, path, line, "logger." + attr(r, "name") + ".level", attr(r, "level"), profile);
                            }
                        }
                        case "include" -> {
                            String source = attr(r, "resource") + attr(r, "file") + attr(r, "url");
                            add(out, path, line, "include", source, profile);
                        }
                        default -> { }
                    }
                    elements.push(name);
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && property != null) {
                    propertyText.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = elements.pop();
                    if (name.equals(property) && !propertyText.toString().isBlank()) {
                        add(out, path, propertyLine, "appender." + appender + "." + property, propertyText.toString().trim(),
                                String.join("&", profiles));
                    }
                    property = null;
                    if (name.equals("springProfile") && !profiles.isEmpty()) {
                        profiles.pop();
                    } else if (name.equals("appender")) {
                        appender = null;
                    }
                }
            }
        } finally {
            r.close();
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v.trim();
    }

    private static void add(Facts out, String path, int line, String key, String value, String profile) {
        out.add(new ConfigSetting(out.repo(), path, line, key, value, profile));
    }
}
