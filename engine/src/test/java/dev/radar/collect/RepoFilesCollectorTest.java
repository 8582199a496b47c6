package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.RepoFacts;
import dev.radar.model.RepoFile;
import dev.radar.model.RepoPaths;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        "azure-pipelines.yaml,                   ci-workflow",
        ".woodpecker.yaml,                       ci-workflow",
        ".woodpecker/test.yml,                   ci-workflow",
        ".forgejo/workflows/ci.yml,              ci-workflow",
        ".gitea/workflows/build.yaml,            ci-workflow",
        ".forgejo/workflows/scripts/ci.yml,      -",
        "ci/azure-pipelines.yaml,                -",
        "buildspec.yml,                          ci-workflow",
        ".cirrus.yml,                            ci-workflow",
        "appveyor.yml,                           ci-workflow",
        ".semaphore/semaphore.yml,               ci-workflow",
        "services/api/buildspec.yml,             -",
        ".github/dependabot.yml,                 dependency-updates:dependabot",
        "renovate.json,                          dependency-updates:renovate",
        ".github/renovate.json5,                 dependency-updates:renovate",
        "Dockerfile,                             dockerfile",
        "docker/api.Dockerfile,                  dockerfile",
        "Dockerfile-telemetry,                   dockerfile",
        "Containerfile,                          dockerfile",
        ".devcontainer/Dockerfile,               -",
        ".github/actions/lint/Dockerfile,        -",
        ".github/workflows/ui-tests/Dockerfile,  -",
        ".circleci/images/Dockerfile,            -",
        "ci/Dockerfile,                          dockerfile",
        "src/test/resources/Dockerfile,          -",
        "examples/demo/Dockerfile,               -",
        ".eslintrc.json,                         lint-config",
        ".golangci.yml,                          lint-config",
        ".pre-commit-config.yaml,                lint-config",
        "pom.xml,                                build",
        "services/api/build.gradle.kts,          build",
        "gradle/coverage.gradle,                 build-logic",
        "buildSrc/src/main/kotlin/java-conventions.gradle.kts, build-logic",
        "build-logic/convention/src/main/kotlin/Jacoco.kt, build-logic",
        "settings.gradle.kts,                    -",
        "src/main/kotlin/App.kt,                 -",
        "src/test/resources/fixture.gradle,      -",
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
        "spec/jasmine_examples/PlayerSpec.js,    npm",
        "spec/app/subscription_spec.js,          npm",
        "spec/helpers/common.js,                 -",
        "src/openapiSpec.js,                     -",
        "tests/test_api.py,                      python",
        "polls/tests.py,                         python",
        "polls/test.py,                          -",
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
    void gradle_build_logic_outside_the_build_files_is_read_for_the_same_plugins() {
        // Bug: JaCoCo applied from gradle/coverage.gradle, or Spotless in a buildSrc convention plugin, configure every
        // project of a Gradle build, but only build.gradle(.kts) was read: HYG-006 said the service had no coverage.
        RepoFacts facts = new RepoFixture(dir)
                .file("build.gradle", "plugins { id 'java-conventions' }\napply from: 'gradle/coverage.gradle'\n")
                .file("gradle/coverage.gradle", "apply plugin: 'jacoco'\n")
                .file("buildSrc/src/main/groovy/java-conventions.gradle", "plugins { id 'java'\n id 'com.diffplug.spotless' }\n")
                .file("build-logic/convention/src/main/kotlin/DependencyCheck.kt", "apply(plugin = \"org.owasp.dependencycheck\")\n")
                .collect();
        assertThat(facts.files()).extracting(RepoFile::kind, RepoFile::path).contains(
                org.assertj.core.groups.Tuple.tuple("coverage:jacoco", "gradle/coverage.gradle"),
                org.assertj.core.groups.Tuple.tuple("lint:build", "buildSrc/src/main/groovy/java-conventions.gradle"),
                org.assertj.core.groups.Tuple.tuple("dependency-scan:build", "build-logic/convention/src/main/kotlin/DependencyCheck.kt"));
        assertThat(facts.files()).extracting(RepoFile::kind).doesNotContain("build-logic").filteredOn(k -> k.startsWith("build:"))
                .containsExactly("build:gradle");
    }

    @ParameterizedTest(name = "{0} lints in npm test: {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"scripts\": {\"pretest\": \"npm run lint\", \"test\": \"nyc ava -v\"}}  | true",
        "{\"scripts\": {\"test\": \"eslint . && jest\"}}                              | true",
        "{\"scripts\": {\"posttest\": \"prettier --check .\"}}                         | true",
        "{\"scripts\": {\"lint\": \"eslint .\", \"test\": \"jest\"}}                  | false",
        "{\"scripts\": {\"test\": [\"eslint\"]}}                                       | false",
        "{\"scripts\": \"eslint\"}                                                    | false",
        "{\"name\": \"no-scripts\"}                                                   | false",
        "{ not json                                                                 | false",
    })
    void npm_test_lints_when_its_lifecycle_scripts_run_a_linter(String packageJson, boolean expected) {
        assertThat(RepoFilesCollector.lintsInTestLifecycle(RepoFilesCollector.packageJson(packageJson))).isEqualTo(expected);
    }

    @Test
    void a_linting_pretest_script_is_one_fact_of_its_package_json() {
        RepoFacts facts = new RepoFixture(dir)
                .file("package.json", "{\"scripts\": {\"lint\": \"xo\", \"pretest\": \"npm run lint\", \"test\": \"ava\"}}")
                .file("test/fixtures/package.json", "{\"scripts\": {\"pretest\": \"eslint .\"}}")
                .collect();
        assertThat(facts.files()).filteredOn(f -> f.kind().equals("lint:npm-test")).extracting(RepoFile::path)
                .containsExactly("package.json");
    }

    @Test
    void a_renovate_section_of_the_root_package_json_is_a_renovate_config() {
        RepoFacts root = new RepoFixture(dir.resolve("root"))
                .file("package.json", "{\"name\": \"x\", \"renovate\": {\"extends\": [\"config:recommended\"]}}")
                .collect();
        assertThat(root.files()).filteredOn(f -> f.kind().equals("dependency-updates:renovate")).extracting(RepoFile::path)
                .containsExactly("package.json");
        RepoFacts nested = new RepoFixture(dir.resolve("nested"))
                .file("package.json", "{\"name\": \"x\"}")
                .file("packages/a/package.json", "{\"name\": \"a\", \"renovate\": {}}")
                .collect();
        assertThat(nested.files()).noneMatch(f -> f.kind().equals("dependency-updates:renovate"));
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

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Dockerfile", "docs/Dockerfile", "sample/x.dockerfile", "DOCKERFILE.prod", "a/Containerfile", "my.dockerfile.bak",
        ".github/actions/x/Dockerfile", ".GitHub/Dockerfile", "a/.github/Dockerfile", ".gitlab/ci/Dockerfile.build",
        ".eslintrc", ".ESLINTRC.js", "eslint.config.mjs", "prettier.config.js", "biome.jsonc", "rustfmt.toml", ".ruff.toml",
        "clippy.toml", "checkstyle.xml", "detekt.yml", ".markdownlint.yaml", "x/.stylelintrc.json", "config.toml", "ruff.toml",
        "keys/server.pem", "id_rsa", "ID_ED25519", "a/tls.KEY", "auth.p8", "id_rsa.pub", "x.pem\nz", "id_",
        "src/test/java/A.java", "core/src/jvmTest/A.kt", "src/it/x", "SRC/test/x", "a/src/Test/b", "src/xTest/", "src/it",
        "spec/jasmine_examples/PlayerSpec.js", "spec/app/subscriptionSpec.js", "spec/user_spec.mjs", "src/openapiSpec.js",
        "spec/helpers/common.js", "myspec/aSpec.js", "spec/Spec.ts", "spec/x/spec/", "web/src/App.test.tsx", "a.spec.mjs", "a.test.js.map", "test/app.js", "tests/app.ts", "test/app.jsx", "test/a.css",
        "tests/test_api.py", "a_test.py", "conftest.py", "polls/tests.py", "tests.pyc", "mytests.py", "tests/helpers.py", "test_.py", "x/tests/cli.rs", "tests/sub/cli.rs",
        "mytests/cli.rs", "tests/.rs", "src/lib.rs", "docs/adr/0001.md", "doc/ADR/x", "docs/adr/", "DOCS/ADR/x", "docs/adr/a\nb",
        "doc/adr/\u2028", "docsx/adr/a", "pkg/x_test.go", "README.md", "a\nsrc/test/b", "tests/a\n.py",
    })
    void kinds_and_test_evidence_are_what_the_regexes_alone_said(String escaped) {
        // the cheap string checks before each regex (issue 7) must never change an outcome
        String path = escaped.replace("\\n", "\n").replace("\\u2028", "\u2028");
        assertThat(RepoFilesCollector.isTestEvidence(path)).isEqualTo(Regexes.isTestEvidence(path));
        assertThat(RepoFilesCollector.kindOf(path)).isEqualTo(Regexes.kindOf(path));
        assertThat(RepoFilesCollector.isAdr(path.toLowerCase(Locale.ROOT))).isEqualTo(path.toLowerCase(Locale.ROOT).matches("docs?/adr/.+"));
    }

    /** The path checks as they were, regexes only: the oracle for the prefilters. */
    private static final class Regexes {
        static String isTestEvidence(String path) {
            if (path.matches("(^|.*/)src/([A-Za-z]*[tT]est|it)/.*")) {
                return "maven,gradle";
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith("_test.go")) {
                return "go";
            }
            if (name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?") || RepoPaths.isTest(path) && name.matches(".*\\.[cm]?[jt]sx?")
                    || path.matches("(.*/)?spec/(.*/)?[^/]*[sS]pec\\.[cm]?[jt]sx?")) {
                return "npm";
            }
            if (name.matches("test_.*\\.py|.*_test\\.py|tests\\.py|conftest\\.py") || RepoPaths.isTest(path) && name.endsWith(".py")) {
                return "python";
            }
            return path.matches("(.*/)?tests/[^/]+\\.rs") ? "cargo" : null;
        }

        /** Only the outcomes the prefilters touch: lint-config, dockerfile and key-file names (others null). */
        static String kindOf(String path) {
            String actual = RepoFilesCollector.kindOf(path);
            if (actual != null && !actual.equals("lint-config") && !actual.equals("dockerfile") && !actual.equals("private-key-candidate")) {
                return actual; // decided before the prefiltered checks
            }
            String lower = path.toLowerCase(Locale.ROOT);
            String name = lower.substring(path.lastIndexOf('/') + 1);
            if (name.matches("\\.eslintrc(\\..*)?|eslint\\.config\\.[cm]?[jt]s|\\.prettierrc(\\..*)?|prettier\\.config\\.[cm]?js|biome\\.jsonc?|"
                    + "\\.golangci\\.(ya?ml|toml|json)|\\.?rustfmt\\.toml|clippy\\.toml|\\.flake8|\\.?ruff\\.toml|\\.pylintrc|"
                    + "checkstyle\\.xml|\\.scalafmt\\.conf|\\.pre-commit-config\\.yaml|\\.markdownlint.*|\\.yamllint(\\.ya?ml)?|"
                    + "\\.hadolint\\.ya?ml|\\.stylelintrc.*|\\.rubocop\\.yml|detekt\\.yml|\\.swiftlint\\.yml|\\.editorconfig-checker\\.json")) {
                return "lint-config";
            }
            if (name.matches("(?i)(dockerfile([.-].*)?|.*\\.dockerfile|containerfile)")
                    && !lower.matches("(\\.devcontainer|\\.github|\\.gitlab|\\.circleci|\\.buildkite|\\.ci|\\.travis|\\.jenkins)/.*")
                    && !RepoPaths.isTest(path) && !lower.matches("(.*/)?(examples?|samples?|docs?)/.*")) {
                return "dockerfile";
            }
            return name.matches("(?i).*\\.(pem|key|p8)|id_(rsa|dsa|ecdsa|ed25519)") ? "private-key-candidate" : null;
        }
    }

    @Test
    void gradle_build_logic_is_what_its_regex_said_without_its_backtracking() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(
                "(?!(.*/)?settings\\.gradle(\\.kts)?$).*\\.gradle(\\.kts)?|(.*/)?(buildsrc|build-logic)/(.*/)?src/main/.*\\.(kt|groovy|java)");
        String[] parts = {"buildsrc/", "build-logic/", "src/", "main/", "src/main/", "a/", "settings", ".gradle", ".kts", ".kt", ".java",
            ".groovy", "/", "x", "buildsrc", "main", "conventions", "\n", "\u2028"};
        sameAnswers(parts, 7, path -> RepoFilesCollector.isGradleBuildLogic(path), regex);
        for (String path : java.util.List.of("buildsrc/src/main/kotlin/jacoco.kt", "build-logic/convention/src/main/kotlin/a.kt",
                "gradle/coverage.gradle", "settings.gradle.kts", "app/settings.gradle", "buildsrc/src/test/x.kt", "src/main/buildsrc/x.kt")) {
            assertThat(RepoFilesCollector.isGradleBuildLogic(path)).as(path).isEqualTo(regex.matcher(path).matches());
        }
        // the regex took about 225 ms on this path (a repository can hold thousands of such paths)
        assertThat(RepoFilesCollector.isGradleBuildLogic("buildsrc/src/main/".repeat(220) + "x")).isFalse();
        assertThat(RepoFilesCollector.isGradleBuildLogic("buildsrc/src/main/".repeat(220) + "x.kt")).isTrue();
    }

    @Test
    void a_jasmine_spec_is_what_its_regex_said_without_its_backtracking() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(.*/)?spec/(.*/)?[^/]*[sS]pec\\.[cm]?[jt]sx?");
        String[] parts = {"spec/", "spec", "/", "a/", "x", "Spec", ".js", ".ts", ".mjs", ".tsx", "_spec", "specs/", "s", "\n", "\r"};
        sameAnswers(parts, 11, path -> RepoFilesCollector.isJasmineSpec(path), regex);
        // the regex took about 130 ms on this path
        assertThat(RepoFilesCollector.isJasmineSpec("spec/".repeat(800) + "x")).isFalse();
        assertThat(RepoFilesCollector.isJasmineSpec("spec/".repeat(800) + "PlayerSpec.js")).isTrue();
    }

    /** 200,000 random paths made of {@code parts}: the test gives each the answer the regex gives. */
    private static void sameAnswers(String[] parts, long seed, java.util.function.Predicate<String> test, java.util.regex.Pattern regex) {
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k >= 0; k--) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            String path = b.toString();
            assertThat(test.test(path)).as(path).isEqualTo(regex.matcher(path).matches());
        }
    }
}
