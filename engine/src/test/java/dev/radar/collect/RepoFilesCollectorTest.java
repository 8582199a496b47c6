package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.RepoFacts;
import dev.radar.model.RepoFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoFilesCollectorTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(nullValues = "-", value = {
        "README.md,                              readme",
        "readme.rst,                             readme",
        ".github/README.md,                      readme",
        "docs/README,                            readme",
        "src/README.md,                          -",
        "CODEOWNERS,                             codeowners",
        ".github/CODEOWNERS,                     codeowners",
        "docs/CODEOWNERS,                        codeowners",
        "src/CODEOWNERS,                         -",
        ".github/workflows/ci.yml,               ci-workflow",
        ".github/workflows/release.yaml,         ci-workflow",
        ".gitlab-ci.yml,                         ci-workflow",
        "Jenkinsfile,                            ci-workflow",
        ".github/dependabot.yml,                 dependency-updates:dependabot",
        "renovate.json,                          dependency-updates:renovate",
        ".github/renovate.json5,                 dependency-updates:renovate",
        "Dockerfile,                             dockerfile",
        "docker/api.Dockerfile,                  dockerfile",
        "Dockerfile-telemetry,                   dockerfile",
        "Containerfile,                          dockerfile",
        ".devcontainer/Dockerfile,               -",
        "src/test/resources/Dockerfile,          -",
        "examples/demo/Dockerfile,               -",
        ".eslintrc.json,                         lint-config",
        ".golangci.yml,                          lint-config",
        ".pre-commit-config.yaml,                lint-config",
        "pom.xml,                                build",
        "services/api/build.gradle.kts,          build",
        "src/test/resources/pom.xml,             -",
    })
    void files_are_recognised_by_path(String path, String kind) {
        assertThat(RepoFilesCollector.kindOf(path)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is a test of {1}")
    @CsvSource(nullValues = "-", value = {
        "src/test/java/a/ATest.java,             'maven,gradle'",
        "core/src/jvmTest/kotlin/A.kt,           'maven,gradle'",
        "src/it/smoke/pom.xml,                   'maven,gradle'",
        "pkg/orders/orders_test.go,              go",
        "web/src/App.test.tsx,                   npm",
        "web/__tests__/app.js,                   npm",
        "tests/test_api.py,                      python",
        "tests/cli.rs,                           cargo",
        "src/main/java/a/A.java,                 -",
    })
    void test_files_are_evidence_for_their_build_tools(String path, String tools) {
        assertThat(RepoFilesCollector.isTestEvidence(path)).isEqualTo(tools);
    }

    @Test
    void build_files_are_read_for_coverage_lint_and_scanning_plugins() {
        RepoFacts facts = new RepoFixture(dir)
                .file("pom.xml", "<project><build><plugins><plugin><artifactId>jacoco-maven-plugin</artifactId></plugin>"
                        + "<plugin><artifactId>maven-checkstyle-plugin</artifactId></plugin>"
                        + "<plugin><artifactId>dependency-check-maven</artifactId></plugin></plugins></build></project>")
                .file("module/pom.xml", "<project/>")
                .collect();
        assertThat(facts.files()).extracting(RepoFile::kind, RepoFile::path).contains(
                org.assertj.core.groups.Tuple.tuple("build:maven", "pom.xml"),
                org.assertj.core.groups.Tuple.tuple("coverage:jacoco", "pom.xml"),
                org.assertj.core.groups.Tuple.tuple("lint:build", "pom.xml"),
                org.assertj.core.groups.Tuple.tuple("dependency-scan:build", "pom.xml"));
        assertThat(facts.files()).filteredOn(f -> f.kind().equals("build:maven")).hasSize(1);
    }

    @Test
    void a_key_file_counts_only_when_it_holds_a_private_key() {
        RepoFacts facts = new RepoFixture(dir)
                .file("certs/server.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                .file("deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n")
                .collect();
        assertThat(facts.files()).filteredOn(f -> f.kind().equals("private-key")).extracting(RepoFile::path).containsExactly("deploy/id_rsa");
    }

    @Test
    void an_adr_folder_is_one_fact_and_rust_tests_are_found_inside_sources() {
        RepoFacts facts = new RepoFixture(dir)
                .file("docs/adr/0001-a.md", "# a\n").file("docs/adr/0002-b.md", "# b\n")
                .file("Cargo.toml", "[package]\nname = \"x\"\n")
                .file("src/lib.rs", "pub fn f() {}\n#[cfg(test)]\nmod tests {}\n")
                .collect();
        assertThat(facts.files()).filteredOn(f -> f.kind().equals("adr")).extracting(RepoFile::path).containsExactly("docs/adr");
        assertThat(facts.files()).filteredOn(f -> f.kind().equals("tests:cargo")).extracting(RepoFile::path).containsExactly("src/lib.rs");
    }
}
