package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmCollectorTest {

    @TempDir
    Path dir;

    @Test
    void chart_dependencies_are_listed_by_repository_with_locked_versions() {
        RepoFacts facts = new InfraFixture(dir)
                .file("chart/Chart.yaml", """
                        apiVersion: v2
                        name: shop
                        version: 0.1.0
                        dependencies:
                          - name: postgresql
                            version: "~15.2.0"
                            repository: https://charts.bitnami.com/bitnami
                          - name: redis
                            version: 19.0.1
                            repository: oci://registry-1.docker.io/bitnamicharts
                            condition: redis.enabled
                          - version: ">=1.0.0"
                            name: common
                          - name: local-lib
                            version: 0.1.0
                            repository: file://../lib
                        """)
                .file("chart/Chart.lock", """
                        dependencies:
                        - name: postgresql
                          repository: https://charts.bitnami.com/bitnami
                          version: 15.2.5
                        digest: sha256:0000
                        """)
                .run(new HelmCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.HELM, "https://charts.bitnami.com/bitnami", "postgresql", "~15.2.0", "15.2.5", 5),
                        tuple(Ecosystem.HELM, "oci://registry-1.docker.io/bitnamicharts", "redis", "19.0.1", "19.0.1", 8),
                        tuple(Ecosystem.HELM, "", "common", ">=1.0.0", "", 12));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_stale_lock_entry_does_not_override_a_pinned_version() {
        RepoFacts facts = new InfraFixture(dir)
                .file("chart/Chart.yaml", """
                        apiVersion: v2
                        name: blog
                        version: 2.0.0
                        dependencies:
                          - name: search
                            version: 3.4.1
                            repository: oci://registry.example.com/charts
                          - name: queue
                            version: "1.2"
                            repository: oci://registry.example.com/charts
                          - name: store
                            version: v5.0.0
                            repository: oci://registry.example.com/charts
                        """)
                .file("chart/Chart.lock", """
                        dependencies:
                        - name: search
                          repository: https://charts.example.com/legacy
                          version: 3.1.0
                        - name: queue
                          repository: https://charts.example.com/legacy
                          version: 1.2.7
                        - name: store
                          repository: oci://registry.example.com/charts
                          version: 5.0.0
                        digest: sha256:0000
                        """)
                .run(new HelmCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version)
                .containsExactly(tuple("search", "3.4.1", "3.4.1"), tuple("queue", "1.2", "1.2.7"), tuple("store", "v5.0.0", "5.0.0"));
    }

    @Test
    void requirements_yaml_of_a_v1_chart_is_read_and_a_stray_one_is_not() {
        RepoFacts facts = new InfraFixture(dir)
                .file("old/Chart.yaml", "apiVersion: v1\nname: old\nversion: 1.0.0\n")
                .file("old/requirements.yaml", "dependencies:\n- name: mysql\n  version: 1.6.9\n  repository: '@stable'\n")
                .file("python/requirements.yaml", "dependencies:\n- name: not-a-chart\n")
                .run(new HelmCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::version, Dependency::file)
                .containsExactly(tuple("@stable", "mysql", "1.6.9", "old/requirements.yaml"));
    }

    @Test
    void a_chart_used_twice_under_aliases_takes_its_locked_versions_in_declaration_order() {
        RepoFacts facts = new InfraFixture(dir)
                .file("app/Chart.yaml", """
                        apiVersion: v2
                        name: app
                        version: 1.0.0
                        dependencies:
                          - name: kv
                            alias: cache
                            version: "~5.1.0"
                            repository: https://charts.example.org/stable
                          - name: kv
                            alias: queue
                            version: ">=4.0.0 <5.0.0"
                            repository: https://charts.example.org/stable
                          - name: db
                            version: 2.x.x
                            repository: "@example"
                        """)
                .file("app/Chart.lock", """
                        dependencies:
                        - name: kv
                          repository: https://charts.example.org/stable
                          version: 5.1.7
                        - name: kv
                          repository: https://charts.example.org/stable
                          version: 4.9.2
                        - name: db
                          repository: https://charts.example.org/stable
                          version: 2.3.0
                        digest: sha256:0000
                        """)
                .run(new HelmCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::declaredVersion, Dependency::version, Dependency::line)
                .containsExactly(
                        tuple("kv", "~5.1.0", "5.1.7", 5),
                        tuple("kv", ">=4.0.0 <5.0.0", "4.9.2", 9),
                        tuple("db", "2.x.x", "2.3.0", 13));
    }
}
