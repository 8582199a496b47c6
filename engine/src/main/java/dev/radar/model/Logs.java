package dev.radar.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which logging settings decide the log format, and which of them write structured JSON: logstash and ECS
 * encoders and logback's JsonEncoder; Log4j 2's JsonTemplateLayout, JsonLayout, EcsLayout and GelfLayout; Spring
 * Boot's {@code logging.structured.format.*}, and its StructuredLogEncoder (logback) and StructuredLogLayout
 * (Log4j 2), which write the same ECS, GELF or Logstash JSON from an XML configuration; and a logback
 * {@code <include>} of a library's ready-made JSON appender ({@code com/google/cloud/spring/logging/logback-json-appender.xml}
 * of Spring Cloud GCP, {@code co/elastic/logging/logback/boot/ecs-console-appender.xml} of ECS logging), which
 * defines the appender the configuration then refers to. A Rust service's {@code tracing-subscriber} built with its
 * {@code json} feature writes JSON too (the feature's only purpose; Cargo.toml's features are settings
 * {@code cargo.dependencies.NAME.features}).
 */
public final class Logs {

    private static final Pattern LOGBACK_FORMAT = Pattern.compile("appender\\..*\\.(encoder\\.class|layout\\.class|encoder\\.layout\\.class)");
    private static final Pattern LOG4J2_FORMAT = Pattern.compile("appender\\..*\\.layout");
    private static final Pattern JSON_CLASS = Pattern.compile("(?i).*(logstash|json|ecs|gelf|structuredlog).*");
    /** File names of included logback resources that define a JSON appender (not Spring Boot's defaults.xml or base.xml). */
    private static final Pattern JSON_INCLUDE = Pattern.compile("(?i).*(json|logstash|gelf|ecs-)[^/]*\\.xml");

    private Logs() {}

    /** Whether a setting chooses how log lines are written: an encoder or layout of an appender. */
    public static boolean isFormat(ConfigSetting s) {
        return LOGBACK_FORMAT.matcher(s.key()).matches() || LOG4J2_FORMAT.matcher(s.key()).matches();
    }

    /** Whether a setting makes logs structured JSON. */
    public static boolean isStructured(ConfigSetting s) {
        String key = s.canonicalKey();
        if (key.equals("logging.structured.format.console") || key.equals("logging.structured.format.file")) {
            return !s.value().isBlank();
        }
        if (s.key().equals("cargo.dependencies.tracing-subscriber.features")) {
            return List.of(s.value().split(",")).contains("json");
        }
        if (s.key().equals("include") && s.file().endsWith(".xml")) {
            return JSON_INCLUDE.matcher(s.value().substring(s.value().lastIndexOf('/') + 1)).matches();
        }
        return isFormat(s) && JSON_CLASS.matcher(s.value()).matches() && !s.value().toLowerCase(Locale.ROOT).contains("pattern");
    }
}
