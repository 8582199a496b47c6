package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.UnknownDeclaration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComposeCollectorTest {

    @TempDir
    Path dir;

    @Test
    void service_images_are_listed_with_variable_defaults_resolved_and_build_only_services_skipped() {
        RepoFacts facts = new InfraFixture(dir).file("docker-compose.yml", """
                x-common: &common
                  image: ignored/template:1
                services:
                  db:
                    image: postgres:16.2
                  cache:
                    image: "redis:${REDIS_TAG:-7-alpine}"
                  api:
                    image: ghcr.io/acme/api:${TAG-latest}
                  worker:
                    image: acme/worker:${WORKER_TAG}
                  app:
                    build: ./app
                  proxy:
                    <<: *common
                  escaped:
                    image: busybox:$${NOT_A_VARIABLE}
                """).run(new ComposeCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(
                        tuple("", "postgres", "16.2", "16.2", 5),
                        tuple("", "redis", "${REDIS_TAG:-7-alpine}", "7-alpine", 7),
                        tuple("ghcr.io/acme", "api", "${TAG-latest}", "latest", 9),
                        tuple("acme", "worker", "${WORKER_TAG}", "", 11),
                        tuple("ignored", "template", "1", "1", 2),
                        // $$ is a literal $, which no Docker tag holds: nothing to resolve
                        tuple("", "busybox", "$${NOT_A_VARIABLE}", "", 17));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_compose_file_that_merges_shared_defaults_into_every_service_is_read_past_a_hundred_aliases() {
        StringBuilder compose = new StringBuilder("""
                x-restart: &restart
                  restart: unless-stopped
                x-started: &started
                  condition: service_started
                x-app: &app
                  <<: *restart
                  image: ghcr.io/acme/app:2.1
                  depends_on:
                    db:
                      <<: *started
                services:
                  db:
                    <<: *restart
                    image: postgres:16.2
                """);
        for (int i = 0; i < 60; i++) {
            compose.append("  worker-").append(i).append(":\n    <<: *app\n    depends_on:\n      db:\n        <<: *started\n");
        }

        RepoFacts facts = new InfraFixture(dir).file("docker-compose.yml", compose.toString()).run(new ComposeCollector());

        assertThat(facts.problems()).isEmpty();
        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::version, Dependency::line)
                .containsExactlyInAnyOrder(tuple("", "postgres", "16.2", 14), tuple("ghcr.io/acme", "app", "2.1", 7));
    }

    @Test
    void swarm_stack_files_and_prefixed_compose_names_are_compose_files_stack_files_read_without_the_env_file() {
        RepoFacts facts = new InfraFixture(dir)
                .file("docker-stack.yml", """
                        version: "3"
                        services:
                          db:
                            image: postgres:9.4
                          web:
                            image: acme/web:${WEB_TAG:-before}
                          worker:
                            image: acme/worker:${WORKER_TAG}
                        """)
                .file("deploy/docker-stack.prod.yaml", """
                        services:
                          proxy:
                            image: traefik:v3.0
                        """)
                .file("local.docker-compose.yml", """
                        services:
                          cache:
                            image: redis:7.2
                        """)
                .file("dev.compose.yaml", """
                        services:
                          mail:
                            image: axllent/mailpit:v1.20
                        """)
                .file("kompose.yml", """
                        services:
                          not:
                            image: read/by-compose:1
                        """)
                .file(".env", "WEB_TAG=after\nWORKER_TAG=1.2\n")
                .run(new ComposeCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::file, Dependency::name, Dependency::version, Dependency::line)
                .containsExactlyInAnyOrder(
                        tuple("docker-stack.yml", "postgres", "9.4", 4),
                        tuple("docker-stack.yml", "web", "before", 6),
                        tuple("docker-stack.yml", "worker", "", 8),
                        tuple("deploy/docker-stack.prod.yaml", "traefik", "v3.0", 3),
                        tuple("local.docker-compose.yml", "redis", "7.2", 3),
                        tuple("dev.compose.yaml", "mailpit", "v1.20", 3));
    }

    @Test
    void files_named_otherwise_that_extends_or_include_read_are_compose_files_too() {
        RepoFacts facts = new InfraFixture(dir)
                .file("deploy/docker-compose.yml", """
                        include:
                          - ../infra/databases.yml
                          - path: monitoring.yaml
                        services:
                          web:
                            extends:
                              file: common-services.yml
                              service: webapp
                          api:
                            extends:
                              file: ./docker-compose.yml
                              service: web
                        """)
                .file("deploy/common-services.yml", """
                        services:
                          webapp:
                            image: python:3.12-slim
                        """)
                .file("infra/databases.yml", """
                        services:
                          db:
                            image: postgres:16
                        """)
                .file("deploy/monitoring.yaml", "services:\n  prom:\n    image: prom/prometheus:v2.53.0\n")
                .file("deploy/unrelated.yml", "services:\n  x:\n    image: not/read:1\n")
                .run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::file, Dependency::line)
                .containsExactlyInAnyOrder(
                        tuple("python", "deploy/common-services.yml", 3),
                        tuple("postgres", "infra/databases.yml", 3),
                        tuple("prometheus", "deploy/monitoring.yaml", 3));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void dot_env_next_to_the_compose_file_sets_variables() {
        RepoFacts facts = new InfraFixture(dir)
                .file("deploy/.env", "# versions\nAPP_TAG=2.3.1\nexport DB_TAG=\"15\"\n")
                .file("deploy/compose.yaml", """
                        services:
                          app:
                            image: acme/app:${APP_TAG:-dev}
                          db:
                            image: postgres:${DB_TAG}
                        """)
                .run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(tuple("app", "${APP_TAG:-dev}", "2.3.1"), tuple("postgres", "${DB_TAG}", "15"));
    }

    @Test
    void dot_env_yaml_style_key_value_lines_set_variables_too() {
        RepoFacts facts = new InfraFixture(dir)
                .file(".env", "DB_TAG: 16.3\nCACHE_TAG : \"7.2\"\nAPI_URL=http://api:8080\n")
                .file("compose.yaml", """
                        services:
                          db:
                            image: postgres:${DB_TAG}
                          cache:
                            image: redis:${CACHE_TAG}
                        """)
                .run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(tuple("postgres", "${DB_TAG}", "16.3"), tuple("redis", "${CACHE_TAG}", "7.2"));
    }

    @Test
    void dot_env_quoted_values_lose_a_trailing_comment_and_values_expand_earlier_variables() {
        RepoFacts facts = new InfraFixture(dir)
                .file(".env", """
                        REGISTRY=ghcr.io/acme
                        APP_IMAGE=${REGISTRY}/app:1.4.0
                        WEB_TAG="2.0" # pinned for the demo
                        """)
                .file("compose.yaml", """
                        services:
                          app:
                            image: ${APP_IMAGE}
                          web:
                            image: nginx:${WEB_TAG}
                        """)
                .run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::version)
                .containsExactly(tuple("ghcr.io/acme", "app", "1.4.0"), tuple("", "nginx", "2.0"));
    }

    @Test
    void broken_compose_file_is_a_problem_with_its_line() {
        RepoFacts facts = new InfraFixture(dir).file("compose.yml", "services:\n  web:\n    image: [nginx\n").run(new ComposeCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).extracting(FileProblem::file).containsExactly("compose.yml");
        assertThat(facts.problems().get(0).line()).isPositive();
    }

    @Test
    void services_merging_one_anchored_image_list_it_once_at_the_anchor() {
        RepoFacts facts = new InfraFixture(dir).file("docker-compose.yaml", """
                x-worker: &worker
                  image: ${WORKER_IMAGE:-acme/worker:2.1}
                  restart: always
                services:
                  scheduler:
                    <<: *worker
                    command: schedule
                  runner:
                    <<: *worker
                    command: run
                  db:
                    image: postgres:16
                """).run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::version, Dependency::line)
                .containsExactly(tuple("acme", "worker", "2.1", 2), tuple("", "postgres", "16", 12));
    }


    @ParameterizedTest(name = "{0} is read: {1}")
    @CsvSource({
        "docker-compose.yml, true",
        "docker-compose.prod.yaml, true",
        "ops/compose.yaml, true",
        "compose.override.yml, true",
        "docker-compose.json, false",
        "composer.json, false",
        "k8s/deployment.yaml, false",
    })
    void compose_file_names(String path, boolean wanted) {
        assertThat(new ComposeCollector().wants(path)).isEqualTo(wanted);
    }

    @Test
    void an_image_named_by_a_variable_nobody_sets_is_not_understood_rather_than_dropped() {
        RepoFacts facts = new InfraFixture(dir).file("compose.yaml", """
                services:
                  app:
                    image: ${APP_IMAGE}
                  blank:
                    image: ""
                  db:
                    image: ${DB_IMAGE:-postgres:16}
                """).run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::version, Dependency::line)
                .containsExactly(tuple("postgres", "16", 7));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::file, UnknownDeclaration::line, UnknownDeclaration::text)
                .containsExactly(tuple("compose.yaml", 3, "image ${APP_IMAGE}"));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void an_override_file_that_resets_an_image_declares_none() {
        RepoFacts facts = new InfraFixture(dir).file("compose.override.yaml", """
                services:
                  web:
                    image: !reset null
                    ports: !override
                      - "8080:80"
                  worker:
                    image: !override acme/worker:2
                  quoted:
                    image: "null"
                """).run(new ComposeCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::version, Dependency::line)
                .containsExactly(tuple("acme", "worker", "2", 7), tuple("", "null", "latest", 9));
        assertThat(facts.unknownDeclarations()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }
}
