package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.radar.model.ConfigSetting;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringConfigCollectorTest {

    @TempDir
    Path dir;

    @Test
    void yaml_keys_are_flattened_with_dots_and_list_indexes_at_the_line_of_each_key() {
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db/orders
                management:
                  endpoints.web.exposure:
                    include:
                      - health
                      - info
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line, ConfigSetting::profile)
                .containsExactly(
                        tuple("spring.datasource.url", "jdbc:postgresql://db/orders", 3, ""),
                        tuple("management.endpoints.web.exposure.include[0]", "health", 7, ""),
                        tuple("management.endpoints.web.exposure.include[1]", "info", 8, ""));
    }

    @Test
    void a_yaml_merge_key_brings_in_the_merged_settings_and_explicit_keys_win() {
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/application.yml", """
                shared: &shared
                  endpoints.web.exposure.include: health,prometheus
                  server.port: 8081
                management:
                  <<: *shared
                  server.port: 9090
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactly(
                        tuple("shared.endpoints.web.exposure.include", "health,prometheus", 2),
                        tuple("shared.server.port", "8081", 3),
                        tuple("management.server.port", "9090", 6),
                        tuple("management.endpoints.web.exposure.include", "health,prometheus", 2));
    }

    @Test
    void documents_of_a_multi_document_yaml_carry_their_profile() {
        RepoFacts facts = new RepoFixture(dir).file("application.yaml", """
                server:
                  port: 8080
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                server:
                  port: 443
                """).collect();
        assertThat(facts.settings()).filteredOn(s -> s.key().equals("server.port"))
                .extracting(ConfigSetting::value, ConfigSetting::line, ConfigSetting::profile)
                .containsExactly(tuple("8080", 2, ""), tuple("443", 9, "prod"));
    }

    @Test
    void a_profile_file_carries_its_profile() {
        RepoFacts facts = new RepoFixture(dir).file("config/application-staging-eu.properties", "a=1\n").collect();
        assertThat(facts.settings()).singleElement().satisfies(s -> assertThat(s.profile()).isEqualTo("staging-eu"));
    }

    @Test
    void properties_keep_their_line_through_comments_continuations_escapes_and_documents() {
        RepoFacts facts = new RepoFixture(dir).file("application.properties", """
                # a comment
                ! another comment
                app.name = Orders \\
                    Service
                app.path\\ with\\ space: C:\\\\temp
                app.unicode=caf\\u00e9
                #---
                spring.config.activate.on-profile=prod
                app.mode prod
                """).collect();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line, ConfigSetting::profile)
                .containsExactly(
                        tuple("app.name", "Orders Service", 3, ""),
                        tuple("app.path with space", "C:\\temp", 5, ""),
                        tuple("app.unicode", "café", 6, ""),
                        tuple("spring.config.activate.on-profile", "prod", 8, "prod"),
                        tuple("app.mode", "prod", 9, "prod"));
    }

    @Test
    void unquoted_maven_resource_filtering_tokens_are_read_as_their_text() {
        // Bug: 'version: @project.version@' (Spring Boot's starter parent filters application*.yml with @..@) is no
        // valid YAML until Maven filters it; the whole file was RAD-010, and its exposure and secrets went unseen.
        RepoFacts facts = new RepoFixture(dir).file("src/main/resources/application.yml", """
                info:
                  app:
                    version: @project.version@   # filtered by Maven
                    tags:
                      - @project.groupId@
                spring:
                  datasource:
                    password: s3cr3t-literal
                  mail: me@example.com
                management.endpoints.web.exposure.include: "@endpoints@"
                """).collect();
        assertThat(facts.problems()).isEmpty();
        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactly(
                        tuple("info.app.version", "@project.version@", 3),
                        tuple("info.app.tags[0]", "@project.groupId@", 5),
                        tuple("spring.datasource.password", "s3cr3t-literal", 8),
                        tuple("spring.mail", "me@example.com", 9),
                        tuple("management.endpoints.web.exposure.include", "@endpoints@", 10));
    }

    @Test
    void a_broken_yaml_config_is_a_problem_and_other_files_are_still_read() {
        RepoFacts facts = new RepoFixture(dir)
                .file("application.yml", "spring:\n  name: [x\n")
                .file("application-prod.yml", "a: 1\n")
                .collect();
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("application.yml");
            assertThat(p.message()).contains("not valid YAML");
        });
        assertThat(facts.settings()).extracting(ConfigSetting::key).containsExactly("a");
    }

    @Test
    void other_yaml_files_are_not_spring_configuration() {
        RepoFacts facts = new RepoFixture(dir).file("docker-compose.yml", "services: {}\n").file("my-application.yml", "a: 1\n").collect();
        assertThat(facts.settings()).isEmpty();
    }
}
