package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.radar.model.ConfigSetting;
import dev.radar.model.RepoFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logback and Log4j 2 collectors: what decides the log format becomes settings, and XML cannot reach outside. */
class LoggingConfigCollectorsTest {

    @TempDir
    Path dir;

    @Test
    void logback_appenders_encoders_and_levels_become_settings_in_their_spring_profile() {
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/logback-spring.xml", """
                <configuration>
                  <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
                  <springProfile name="prod">
                    <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
                      <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
                    </appender>
                  </springProfile>
                  <appender name="TEXT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder>
                      <pattern>%msg%n</pattern>
                    </encoder>
                  </appender>
                  <logger name="com.acme" level="DEBUG"/>
                  <root level="INFO"/>
                </configuration>
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line, ConfigSetting::profile)
                .containsExactly(
                        tuple("include", "org/springframework/boot/logging/logback/defaults.xml", 2, ""),
                        tuple("appender.JSON.class", "ch.qos.logback.core.ConsoleAppender", 4, "prod"),
                        tuple("appender.JSON.encoder.class", "net.logstash.logback.encoder.LogstashEncoder", 5, "prod"),
                        tuple("appender.TEXT.class", "ch.qos.logback.core.ConsoleAppender", 8, ""),
                        tuple("appender.TEXT.encoder.class", LogbackCollector.DEFAULT_ENCODER, 9, ""),
                        tuple("logger.com.acme.level", "DEBUG", 13, ""),
                        tuple("root.level", "INFO", 14, ""));
    }

    @Test
    void log4j2_properties_become_the_same_settings_as_the_xml_form() {
        // the shape of Netflix/conductor's server/src/main/resources/log4j2.properties, with a JSON and an HTTP appender
        RepoFacts facts = new RepoFixture(dir).file("server/src/main/resources/log4j2.properties", """
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d %p %c - %m%n
                appender.json.type = Console
                appender.json.layout.type = JsonTemplateLayout
                appender.json.layout.eventTemplateUri = classpath:EcsLayout.json
                appender.hec.type = Http
                appender.hec.name = SPLUNK
                appender.hec.url = https://splunk.example.com:8088/services/collector
                logger.netty.name = io.netty
                logger.netty.level = warn
                rootLogger.level = info
                rootLogger.appenderRef.console.ref = console
                """).file("log4j2.component.properties", "log4j2.contextSelector = org.apache.logging.log4j.core.async.AsyncLoggerContextSelector\n")
                .collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactly(
                        tuple("appender.console.type", "Console", 1),
                        tuple("appender.console.layout", "PatternLayout", 3),
                        tuple("appender.json.type", "Console", 5),
                        tuple("appender.json.layout", "JsonTemplateLayout", 6),
                        tuple("appender.json.layout.eventTemplateUri", "classpath:EcsLayout.json", 7),
                        tuple("appender.SPLUNK.type", "Http", 8),
                        tuple("appender.SPLUNK.url", "https://splunk.example.com:8088/services/collector", 10),
                        tuple("logger.io.netty.level", "warn", 12),
                        tuple("root.level", "info", 13));
    }

    @Test
    void the_short_root_logger_form_of_log4j2_properties_gives_its_level() {
        RepoFacts facts = new RepoFixture(dir).file("log4j2.properties", "rootLogger = INFO, STDOUT\n").collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value).containsExactly(tuple("root.level", "INFO"));
    }

    @Test
    void log4j2_appenders_and_layouts_are_read_in_concise_and_strict_form() {
        RepoFacts facts = new RepoFixture(dir).file("log4j2.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="STDOUT" target="SYSTEM_OUT">
                      <JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>
                    </Console>
                    <appender type="File" name="FILE">
                      <layout type="PatternLayout" pattern="%m%n"/>
                    </appender>
                  </Appenders>
                  <Loggers>
                    <Logger name="io.netty" level="INFO"/>
                    <Root level="TRACE"/>
                  </Loggers>
                </Configuration>
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactly(
                        tuple("appender.STDOUT.type", "Console", 4),
                        tuple("appender.STDOUT.target", "SYSTEM_OUT", 4),
                        tuple("appender.STDOUT.layout", "JsonTemplateLayout", 5),
                        tuple("appender.STDOUT.layout.eventTemplateUri", "classpath:EcsLayout.json", 5),
                        tuple("appender.FILE.type", "File", 7),
                        tuple("appender.FILE.layout", "PatternLayout", 8),
                        tuple("logger.io.netty.level", "INFO", 12),
                        tuple("root.level", "TRACE", 13));
    }

    @Test
    void log4j2_yaml_and_json_forms_become_the_same_settings_as_the_xml_form() {
        // the shape of log4j2.yml files in Spring Boot services: appenders of one type as a list, a JSON layout
        // from log4j-core, loggers as a list; and the strict JSON form with "appender": [{"type": ...}]
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/log4j2.yml", """
                Configuration:
                  status: warn
                  Appenders:
                    Console:
                      - name: CONSOLE
                        target: SYSTEM_OUT
                        PatternLayout:
                          pattern: "%m%n"
                    Http:
                      name: SPLUNK
                      url: https://hec.example.com:8088/services/collector
                      JsonLayout:
                        compact: true
                  Loggers:
                    Logger:
                      - name: io.netty
                        level: info
                    Root:
                      level: warn
                """).file("log4j2-test.json", """
                {"configuration": {
                  "appenders": {"appender": [
                    {"type": "Console", "name": "STDOUT",
                     "layout": {"type": "JsonTemplateLayout", "eventTemplateUri": "classpath:EcsLayout.json"}}]},
                  "loggers": {"root": {"level": "debug"}}}}
                """).file("src/main/resources/log4j2-event-template.json", "{\"message\": {\"$resolver\": \"message\"}}\n")
                .collect();
        assertThat(facts.settings()).extracting(ConfigSetting::file, ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactlyInAnyOrder(
                        tuple("log4j2-test.json", "appender.STDOUT.type", "Console", 3),
                        tuple("log4j2-test.json", "appender.STDOUT.layout", "JsonTemplateLayout", 4),
                        tuple("log4j2-test.json", "appender.STDOUT.layout.eventTemplateUri", "classpath:EcsLayout.json", 4),
                        tuple("log4j2-test.json", "root.level", "debug", 5),
                        tuple("src/main/resources/log4j2.yml", "appender.CONSOLE.type", "Console", 5),
                        tuple("src/main/resources/log4j2.yml", "appender.CONSOLE.target", "SYSTEM_OUT", 6),
                        tuple("src/main/resources/log4j2.yml", "appender.CONSOLE.layout", "PatternLayout", 7),
                        tuple("src/main/resources/log4j2.yml", "appender.SPLUNK.type", "Http", 9),
                        tuple("src/main/resources/log4j2.yml", "appender.SPLUNK.url", "https://hec.example.com:8088/services/collector", 11),
                        tuple("src/main/resources/log4j2.yml", "appender.SPLUNK.layout", "JsonLayout", 12),
                        tuple("src/main/resources/log4j2.yml", "logger.io.netty.level", "info", 17),
                        tuple("src/main/resources/log4j2.yml", "root.level", "warn", 19));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_log4j2_yaml_or_json_file_that_does_not_parse_is_a_problem_at_its_line() {
        RepoFacts facts = new RepoFixture(dir).file("log4j2.yaml", "Configuration:\n  Appenders: [unclosed\n")
                .file("log4j2.json", "{\"configuration\":\n {,}}").collect();
        assertThat(facts.problems()).extracting(p -> p.file(), p -> p.message().replaceFirst(":.*", ""), p -> p.line())
                .containsExactlyInAnyOrder(
                        tuple("log4j2.json", "Log4j 2 configuration is not valid JSON", 2),
                        tuple("log4j2.yaml", "Log4j 2 configuration not valid YAML", 3)); // where the unclosed list ends
    }

    @Test
    void logback_appender_text_properties_are_settings_but_not_nested_elements() {
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/logback-spring.xml", """
                <configuration>
                  <springProfile name="prod">
                    <appender name="SPLUNK" class="com.splunk.logging.HttpEventCollectorLogbackAppender">
                      <url>https://hec.example.com:8088</url>
                      <token>0c4e8d3a-made-up-fixture-token</token>
                      <batch_size_count>10</batch_size_count>
                      <layout class="ch.qos.logback.classic.PatternLayout">
                        <pattern>%msg</pattern>
                      </layout>
                      <rollingPolicy class="ch.qos.logback.core.rolling.TimeBasedRollingPolicy">
                        <fileNamePattern>app.%d.log</fileNamePattern>
                      </rollingPolicy>
                    </appender>
                  </springProfile>
                </configuration>
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line, ConfigSetting::profile)
                .containsExactly(
                        tuple("appender.SPLUNK.class", "com.splunk.logging.HttpEventCollectorLogbackAppender", 3, "prod"),
                        tuple("appender.SPLUNK.url", "https://hec.example.com:8088", 4, "prod"),
                        tuple("appender.SPLUNK.token", "0c4e8d3a-made-up-fixture-token", 5, "prod"),
                        tuple("appender.SPLUNK.batch_size_count", "10", 6, "prod"),
                        tuple("appender.SPLUNK.layout.class", "ch.qos.logback.classic.PatternLayout", 7, "prod"));
    }

    @Test
    void log4j2_appender_attributes_are_settings_at_their_own_line_of_a_tag_spanning_lines() {
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/log4j2-spring.xml", """
                <Configuration>
                  <Appenders>
                    <SplunkHttp
                        name="splunk"
                        url="https://hec.example.com:8088"
                        token="0c4e8d3a-made-up-fixture-token"
                        index="orders">
                      <PatternLayout pattern="%m"/>
                    </SplunkHttp>
                  </Appenders>
                </Configuration>
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactly(
                        tuple("appender.splunk.type", "SplunkHttp", 7),
                        tuple("appender.splunk.url", "https://hec.example.com:8088", 5),
                        tuple("appender.splunk.token", "0c4e8d3a-made-up-fixture-token", 6),
                        tuple("appender.splunk.index", "orders", 7),
                        tuple("appender.splunk.layout", "PatternLayout", 8));
    }

    @Test
    void an_external_entity_is_never_resolved() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE configuration [<!ENTITY xxe SYSTEM "%s">]>
                <configuration>
                  <appender name="A" class="&xxe;"/>
                  <root level="&xxe;"/>
                </configuration>
                """.formatted(secret.toUri());
        RepoFacts facts = new RepoFixture(dir.resolve("repo")).file("logback.xml", xxe).file("log4j2.xml", xxe.replace("configuration", "Configuration")).collect();
        assertThat(facts.settings()).noneMatch(s -> s.value().contains("TOP-SECRET"));
        assertThat(facts.problems()).noneMatch(p -> p.message().contains("TOP-SECRET"));
    }

    @Test
    void malformed_xml_is_a_problem_at_its_line() {
        RepoFacts facts = new RepoFixture(dir).file("logback.xml", "<configuration>\n  <appender name=\"A\">\n</configuration>\n").collect();
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("logback.xml");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("logback configuration is not well-formed XML");
        });
    }
}
