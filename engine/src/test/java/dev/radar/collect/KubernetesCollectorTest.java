package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.ConfigSetting;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import dev.radar.model.UnknownDeclaration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesCollectorTest {

    @TempDir
    Path dir;

    @Test
    void json_manifests_tab_indented_or_with_escaped_slashes_are_read_like_yaml_ones_and_other_json_is_not() {
        RepoFacts facts = new InfraFixture(dir)
                .file("deploy/worker-controller.json", """
                        {
                        \t"kind":"ReplicationController",
                        \t"apiVersion":"v1",
                        \t"metadata":{"name":"worker"},
                        \t"spec":{
                        \t\t"template":{
                        \t\t\t"spec":{
                        \t\t\t\t"initContainers":[{"name":"init","image":"busybox:1.36"}],
                        \t\t\t\t"containers":[
                        \t\t\t\t\t{
                        \t\t\t\t\t\t"name":"worker",
                        \t\t\t\t\t\t"image":"ghcr.io\\/acme\\/worker:2.0"
                        \t\t\t\t\t}
                        \t\t\t\t]
                        \t\t\t}
                        \t\t}
                        \t}
                        }
                        """)
                .file("dashboards/pods.json", """
                        {"title": "pods", "kind": "dashboard", "panels": [{"image": "not/an:image"}]}
                        """)
                .file("schemas/pod.json", """
                        {"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}, "image": "x:1"}
                        """)
                .run(new KubernetesCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::version, Dependency::file, Dependency::line)
                .containsExactly(
                        tuple("", "busybox", "1.36", "deploy/worker-controller.json", 8),
                        tuple("ghcr.io/acme", "worker", "2.0", "deploy/worker-controller.json", 12));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void multi_document_manifest_lists_containers_init_containers_and_cron_job_templates() {
        RepoFacts facts = new InfraFixture(dir).file("k8s/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: migrate
                          image: flyway/flyway:10.10
                      containers:
                        - name: web
                          image: ghcr.io/acme/web@sha256:abcd
                        - name: sidecar
                          image: envoyproxy/envoy
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports: [{port: 80}]
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: job
                              image: "busybox:1.36"
                          ephemeralContainers:
                            - name: debug
                              image: alpine:3.20
                """).run(new KubernetesCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.DOCKER, "flyway", "flyway", "10.10", "10.10", 10),
                        tuple(Ecosystem.DOCKER, "ghcr.io/acme", "web", "sha256:abcd", "sha256:abcd", 13),
                        tuple(Ecosystem.DOCKER, "envoyproxy", "envoy", "", "latest", 15),
                        tuple(Ecosystem.DOCKER, "", "busybox", "1.36", "1.36", 36),
                        tuple(Ecosystem.DOCKER, "", "alpine", "3.20", "3.20", 39));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void yaml_that_is_not_a_manifest_yields_nothing_and_no_problem() {
        RepoFacts facts = new InfraFixture(dir)
                .file("config/application.yaml", "server:\n  port: 8080\nkind: of-a-setting\n")
                .file("docs/mkdocs-nav.yml", "nav:\n  - apiVersion: [broken\n")
                .file("openapi.yaml", "openapi: 3.0.0\ninfo: {title: x, version: '1'}\n")
                .run(new KubernetesCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void helm_chart_templates_are_skipped_without_problems() {
        RepoFacts facts = new InfraFixture(dir)
                .file("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n")
                .file("charts/web/templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: {{ include "web.fullname" . }}
                        spec:
                          template:
                            spec:
                              containers:
                                - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                        """)
                .file("charts/web/templates/static.yaml", """
                        apiVersion: v1
                        kind: Pod
                        spec:
                          containers:
                            - image: nginx:1.27
                        """)
                .run(new KubernetesCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void container_probes_are_settings_at_the_line_of_each_key() {
        RepoFacts facts = new InfraFixture(dir).file("deploy/orders.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: orders
                spec:
                  template:
                    spec:
                      containers:
                        - name: orders
                          image: acme/orders:1.4
                          livenessProbe:
                            httpGet:
                              path: /live
                              port: 8080
                          readinessProbe:
                            exec:
                              command: [cat, /tmp/ready]
                """).run(new KubernetesCollector());

        assertThat(facts.settings()).extracting(ConfigSetting::key, ConfigSetting::value, ConfigSetting::line).containsExactly(
                tuple("Deployment/orders.containers[0].livenessProbe.httpGet.path", "/live", 13),
                tuple("Deployment/orders.containers[0].livenessProbe.httpGet.port", "8080", 14),
                tuple("Deployment/orders.containers[0].readinessProbe.exec.command[0]", "cat", 17),
                tuple("Deployment/orders.containers[0].readinessProbe.exec.command[1]", "/tmp/ready", 17));
        assertThat(facts.settings()).allMatch(s -> s.profile().isEmpty());
    }

    @Test
    void helm_chart_probes_are_read_from_templates_line_by_line_and_from_values() {
        RepoFacts facts = new InfraFixture(dir)
                .file("charts/cart/Chart.yaml", "apiVersion: v2\nname: cart\nversion: 1.0.0\n")
                .file("charts/cart/templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        spec:
                          template:
                            spec:
                              containers:
                                - name: cart
                                  image: "{{ .Values.image.repository }}"
                                  livenessProbe:
                                    httpGet:
                                      path: /healthz
                                      port: {{ .Values.port }}
                        {{- if .Values.slowStart }}
                                    initialDelaySeconds: 60
                        {{- end }}
                                  startupProbe:
                                    exec:
                                      command:
                                      - check
                                      - localhost:{{ .Values.port }}/healthz
                                  readinessProbe:
                                    {{- toYaml .Values.readinessProbe | nindent 12 }}
                                  resources:
                                    limits:
                                      memory: 256Mi
                        """)
                .file("charts/cart/values.yaml", """
                        port: 8080
                        readinessProbe:
                          httpGet:
                            path: /ready
                            port: http
                        worker:
                          startupProbe:
                            enabled: false
                            failureThreshold: 30
                        """)
                .file("config/values.yaml", "readinessProbe:\n  httpGet:\n    path: /not-a-chart\n")
                .run(new KubernetesCollector());

        assertThat(facts.settings()).extracting(ConfigSetting::file, ConfigSetting::key, ConfigSetting::value, ConfigSetting::line)
                .containsExactlyInAnyOrder(
                        tuple("charts/cart/templates/deployment.yaml", "livenessProbe.httpGet.path", "/healthz", 11),
                        tuple("charts/cart/templates/deployment.yaml", "livenessProbe.httpGet.port", "{{ .Values.port }}", 12),
                        tuple("charts/cart/templates/deployment.yaml", "livenessProbe.initialDelaySeconds", "60", 14),
                        tuple("charts/cart/templates/deployment.yaml", "startupProbe.exec.command", "check", 19),
                        tuple("charts/cart/templates/deployment.yaml", "startupProbe.exec.command", "localhost:{{ .Values.port }}/healthz", 20),
                        tuple("charts/cart/values.yaml", "readinessProbe.httpGet.path", "/ready", 4),
                        tuple("charts/cart/values.yaml", "readinessProbe.httpGet.port", "http", 5));
        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void unparseable_file_that_is_clearly_a_manifest_is_a_problem() {
        RepoFacts facts = new InfraFixture(dir).file("deploy/pod.yaml", """
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - image: nginx:1.27
                      name: [web
                """).run(new KubernetesCollector());

        assertThat(facts.problems()).extracting(FileProblem::file).containsExactly("deploy/pod.yaml");
    }

    @Test
    void untagged_image_built_by_skaffold_is_a_placeholder_with_no_resolved_version() {
        RepoFacts facts = new InfraFixture(dir)
                .file("skaffold.yaml", """
                        apiVersion: skaffold/v4beta6
                        kind: Config
                        build:
                          artifacts:
                            - image: frontend
                              context: src/frontend
                        """)
                .file("k8s/frontend.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        spec:
                          template:
                            spec:
                              containers:
                                - name: server
                                  image: frontend
                                - name: proxy
                                  image: nginx
                        """)
                .run(new KubernetesCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(tuple("frontend", "", ""), tuple("nginx", "", "latest"));
    }

    @Test
    void ko_import_path_is_a_placeholder_with_no_resolved_version() {
        RepoFacts facts = new InfraFixture(dir)
                .file("config/controller.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        spec:
                          template:
                            spec:
                              containers:
                                - name: controller
                                  image: ko://example.com/acme/cmd/controller
                                - name: proxy
                                  image: envoyproxy/envoy
                        """)
                .run(new KubernetesCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(tuple("ko://example.com/acme/cmd", "controller", "", "", 8), tuple("envoyproxy", "envoy", "", "latest", 10));
    }

    @Test
    void workflow_templates_with_a_single_container_script_sidecars_and_steps_list_their_images() {
        RepoFacts facts = new InfraFixture(dir)
                .file("workflows/nightly.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: CronWorkflow
                        metadata:
                          name: nightly
                        spec:
                          workflowSpec:
                            entrypoint: main
                            templates:
                              - name: main
                                steps:
                                  - - name: fetch
                                      template: fetch
                              - name: fetch
                                container:
                                  image: curlimages/curl:8.8.0
                                sidecars:
                                  - name: cache
                                    image: redis:7.2
                              - name: report
                                script:
                                  image: python:3.12-slim
                                  source: print("done")
                        """)
                .file("tekton/task.yaml", """
                        apiVersion: tekton.dev/v1
                        kind: Task
                        metadata:
                          name: build
                        spec:
                          steps:
                            - name: compile
                              image: golang:1.22
                              script: go build ./...
                        """)
                .run(new KubernetesCollector());

        assertThat(facts.dependencies()).extracting(Dependency::file, Dependency::group, Dependency::name, Dependency::declaredVersion,
                        Dependency::line)
                .containsExactly(
                        tuple("tekton/task.yaml", "", "golang", "1.22", 8),
                        tuple("workflows/nightly.yaml", "curlimages", "curl", "8.8.0", 15),
                        tuple("workflows/nightly.yaml", "", "redis", "7.2", 18),
                        tuple("workflows/nightly.yaml", "", "python", "3.12-slim", 21));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void container_reused_through_a_yaml_alias_is_listed_once() {
        RepoFacts facts = new InfraFixture(dir).file("k8s/pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  initContainers:
                    - &app
                      name: app
                      image: ghcr.io/acme/app:1.4
                  containers:
                    - *app
                """).run(new KubernetesCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::line).containsExactly(tuple("app", 9));
    }

    @Test
    void an_image_templated_for_envsubst_outside_a_chart_is_not_understood_rather_than_dropped() {
        RepoFacts facts = new InfraFixture(dir).file("deploy/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: ${REGISTRY}/app:${TAG}
                        - name: proxy
                          image: envoyproxy/envoy:v1.31.0
                """).run(new KubernetesCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::line).containsExactly(tuple("envoy", 12));
        assertThat(facts.unknownDeclarations()).extracting(UnknownDeclaration::line, UnknownDeclaration::text)
                .containsExactly(tuple(10, "image ${REGISTRY}/app:${TAG}"));
    }

    @Test
    void a_probe_key_inside_a_template_probe_block_is_read_once_as_part_of_that_block() {
        // a hostile template of nested probe keys: each line read once (before, every nested key read the rest of
        // the file again: quadratic in the file's lines)
        StringBuilder template = new StringBuilder("{{- define \"x\" }}\n");
        int depth = 3_000;
        for (int k = 0; k < depth; k++) {
            template.append(" ".repeat(k)).append("livenessProbe:\n");
        }
        template.append(" ".repeat(depth)).append("path: /healthz\n");
        RepoFacts facts = new InfraFixture(dir)
                .file("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n")
                .file("charts/web/templates/deployment.yaml", template.toString())
                .run(new KubernetesCollector());

        assertThat(facts.settings()).hasSize(1);
        assertThat(facts.settings().get(0).key()).startsWith("livenessProbe.livenessProbe.").endsWith(".path");
        assertThat(facts.settings().get(0).line()).isEqualTo(depth + 2);
    }
}
