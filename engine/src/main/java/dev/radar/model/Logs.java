package dev.radar.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which logging settings decide the log format, and which of them write structured JSON: logstash and ECS
 * encoders and logback's JsonEncoder; Log4j 2's JsonTemplateLayout, JsonLayout, EcsLayout and GelfLayout; Spring
 * Boot's {@code logging.structured.format.*}, and its StructuredLogEncoder (logback) and StructuredLogLayout
 * (Log4j 2), which write the same ECS, GELF or Logstash JSON from an XML configuration.
 */
public final class Logs {

    private static final Pattern LOGBACK_FORMAT = Pattern.compile("appender\\..*\\.(encoder\\.class|layout\\.class|encoder\\.layout\\.class)");
    private static final Pattern LOG4J2_FORMAT = Pattern.compile("appender\\..*\\.layout");
    private static final Pattern JSON_CLASS = Pattern.compile("(?i).*(logstash|json|ecs|gelf|structuredlog).*");

    private Logs() {}

    /** Whether a setting chooses how log lines are written: an encoder or layout of an appender. */
    public static boolean isFormat(ConfigSetting s) {
        return LOGBACK_FORMAT.matcher(s.key()).matches() || LOG4J2_FORMAT.matcher(s.key()).matches();
    }

    /** Whether a setting makes logs structured JSON. */
    public static boolean isStructured(ConfigSetting s) {
        if (s.canonicalKey().matches("logging\\.structured\\.format\\.(console|file)")) {
            return !s.value().isBlank();
        }
        return isFormat(s) && JSON_CLASS.matcher(s.value()).matches() && !s.value().toLowerCase(Locale.ROOT).contains("pattern");
    }
}
