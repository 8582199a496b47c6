package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.radar.model.CiStep;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class WorkflowStepsCollectorTest {

    @TempDir
    Path dir;

    @Test
    void github_steps_and_reusable_workflows_are_read_at_their_lines() {
        RepoFacts facts = new RepoFixture(dir).file(".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Lint
                        run: |
                          npx eslint .
                  scan:
                    uses: acme/workflows/.github/workflows/scan.yml@main
                """).collect();
        assertThat(facts.ciSteps()).extracting(CiStep::job, CiStep::line, CiStep::uses, CiStep::run).containsExactly(
                tuple("build", 6, "actions/checkout@v4", ""),
                tuple("build", 8, "", "npx eslint .\n"),
                tuple("scan", 11, "acme/workflows/.github/workflows/scan.yml@main", ""));
        assertThat(facts.ciSteps().get(1).lints()).isTrue();
    }

    @Test
    void forgejo_and_gitea_workflows_are_read_like_github_workflows() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".forgejo/workflows/ci.yml", """
                        on: [push, pull_request]
                        jobs:
                          format-check:
                            runs-on: codeberg-tiny
                            steps:
                              - uses: https://data.forgejo.org/actions/checkout@v6
                              - run: cargo fmt --check
                        """)
                .file(".gitea/workflows/audit.yaml", "on: push\njobs:\n  audit:\n    steps:\n      - run: npm audit\n")
                .file(".forgejo/workflows/scripts/lint.yml", "jobs:\n  x:\n    steps:\n      - run: eslint .\n")
                .collect();
        assertThat(facts.ciSteps()).extracting(CiStep::file, CiStep::line, CiStep::job).containsExactly(
                tuple(".forgejo/workflows/ci.yml", 6, "format-check"), tuple(".forgejo/workflows/ci.yml", 7, "format-check"),
                tuple(".gitea/workflows/audit.yaml", 5, "audit"));
        assertThat(facts.ciSteps()).filteredOn(CiStep::lints).extracting(CiStep::run).containsExactly("cargo fmt --check");
        assertThat(facts.ciSteps()).filteredOn(CiStep::scansDependencies).extracting(CiStep::run).containsExactly("npm audit");
    }

    @Test
    void woodpecker_workflows_in_their_folder_are_read_as_one_script_each() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".woodpecker/test.yml", "steps:\n  cargo_fmt:\n    image: rust\n    commands:\n      - cargo +nightly fmt -- --check\n")
                .file(".woodpecker/publish.yaml", "steps:\n  publish:\n    image: plugins/docker\n")
                .collect();
        assertThat(facts.ciSteps()).extracting(CiStep::file, CiStep::line).containsExactlyInAnyOrder(
                tuple(".woodpecker/test.yml", 1), tuple(".woodpecker/publish.yaml", 1));
        assertThat(facts.ciSteps()).filteredOn(CiStep::lints).extracting(CiStep::file).containsExactly(".woodpecker/test.yml");
    }

    @Test
    void gitlab_scripts_and_composite_actions_are_steps_too() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".gitlab-ci.yml", "stages: [test]\naudit:\n  script:\n    - npm ci\n    - npm audit --audit-level=high\n")
                .file(".github/actions/setup/action.yml", "runs:\n  using: composite\n  steps:\n    - run: cargo clippy\n      shell: bash\n")
                .collect();
        assertThat(facts.ciSteps()).extracting(CiStep::file, CiStep::line).containsExactly(
                tuple(".github/actions/setup/action.yml", 4), tuple(".gitlab-ci.yml", 4), tuple(".gitlab-ci.yml", 5));
        assertThat(facts.ciSteps()).filteredOn(CiStep::scansDependencies).extracting(CiStep::run).containsExactly("npm audit --audit-level=high");
        assertThat(facts.ciSteps()).filteredOn(CiStep::lints).extracting(CiStep::run).containsExactly("cargo clippy");
    }

    @Test
    void gitlab_includes_are_steps_and_the_dependency_scanning_template_scans() {
        RepoFacts facts = new RepoFixture(dir).file(".gitlab-ci.yml", """
                include:
                  - template: Jobs/Dependency-Scanning.gitlab-ci.yml
                  - local: ci/build.yml
                  - project: acme/ci-templates
                    file: /java.yml
                test:
                  script: mvn verify
                """).collect();
        assertThat(facts.ciSteps()).extracting(CiStep::line, CiStep::job, CiStep::uses, CiStep::run).containsExactly(
                tuple(2, "include", "Jobs/Dependency-Scanning.gitlab-ci.yml", ""), tuple(3, "include", "ci/build.yml", ""),
                tuple(5, "include", "/java.yml", ""), tuple(7, "test", "", "mvn verify"));
        assertThat(facts.ciSteps()).filteredOn(CiStep::scansDependencies).extracting(CiStep::uses)
                .containsExactly("Jobs/Dependency-Scanning.gitlab-ci.yml");
    }

    @Test
    void gitlab_local_includes_are_read_at_their_own_files_once_with_wildcards() {
        RepoFacts facts = new RepoFixture(dir)
                .file(".gitlab-ci.yml", """
                        include:
                          - local: .gitlab/ci/*.gitlab-ci.yml
                          - /ci/security.yml
                          - project: acme/ci-templates
                            file: /ci/lint.yml
                          - remote: https://example.com/ci.yml
                          - local: ci/missing.yml
                        """)
                .file(".gitlab/ci/lint.gitlab-ci.yml", "lint-yaml:\n  script:\n    - yamllint --strict .\n")
                .file(".gitlab/ci/nested/other.gitlab-ci.yml", "other:\n  script: echo not matched by one star\n")
                .file("ci/security.yml", "include:\n  - local: .gitlab-ci.yml\naudit:\n  script: npm audit\n")
                .file("ci/lint.yml", "lint:\n  script: npx eslint .\n")
                .collect();
        assertThat(facts.ciSteps()).filteredOn(s -> !s.job().equals("include")).extracting(CiStep::file, CiStep::line, CiStep::run)
                .containsExactlyInAnyOrder(tuple(".gitlab/ci/lint.gitlab-ci.yml", 3, "yamllint --strict ."),
                        tuple("ci/security.yml", 4, "npm audit"));
        assertThat(facts.ciSteps()).filteredOn(CiStep::lints).extracting(CiStep::file, CiStep::uses, CiStep::run).containsExactly(
                tuple(".gitlab-ci.yml", "/ci/lint.yml", ""), tuple(".gitlab/ci/lint.gitlab-ci.yml", "", "yamllint --strict ."));
        assertThat(facts.ciSteps()).filteredOn(CiStep::scansDependencies).extracting(CiStep::file).containsExactly("ci/security.yml");
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        ".gitlab/ci/*.yml,        .gitlab/ci/lint.yml,          true",
        ".gitlab/ci/*.yml,        .gitlab/ci/jobs/lint.yml,     false",
        ".gitlab/ci/**.yml,       .gitlab/ci/jobs/lint.yml,     true",
        ".gitlab/ci/**/*.yml,     .gitlab/ci/lint.yml,          true",
        ".gitlab/ci/**/*.yml,     .gitlab/ci/a/b/lint.yml,      true",
        ".gitlab/ci/**/*.yml,     .gitlab/ci/lint.yaml,         false",
        "**/jobs.yml,             jobs.yml,                     true",
        "**/jobs.yml,             ci/x/jobs.yml,                true",
        "ci/*-lint.yml,           ci/js-lint.yml,               true",
        "ci/*-lint.yml,           ci/js/x-lint.yml,             false",
    })
    void gitlab_include_wildcards_match_as_gitlab_expands_them(String pattern, String path, boolean matches) {
        assertThat(WorkflowStepsCollector.includeMatches(pattern, path)).isEqualTo(matches);
    }

    @Test
    void a_gitlab_include_wildcard_made_to_backtrack_ends_at_once() {
        // Regression: the wildcard was a regular expression, and '*a*a*a*a*a*a*a*a*a*a*a*ab' against a long name of
        // a's backtracked for minutes (a hang on a hostile repository).
        String pattern = "*a".repeat(12) + "b";
        RepoFacts facts = new RepoFixture(dir)
                .file(".gitlab-ci.yml", "include:\n  - local: \"" + pattern + "\"\njob:\n  script: echo hi\n")
                .file("a".repeat(80), "")
                .file("a".repeat(60) + "b", "lint:\n  script: npx eslint .\n")
                .collect();
        assertThat(facts.ciSteps()).filteredOn(CiStep::lints).extracting(CiStep::file).containsExactly("a".repeat(60) + "b");
    }

    @Test
    void a_gitlab_job_reporting_dependency_scanning_scans_dependencies() {
        RepoFacts facts = new RepoFixture(dir).file(".gitlab-ci.yml", """
                dependency_scanning:
                  image: docker:stable
                  script:
                    - docker run --volume "$PWD:/code" "registry.gitlab.com/security-products/dependency-scanning:2" /code
                  artifacts:
                    reports:
                      dependency_scanning: gl-dependency-scanning-report.json
                sast:
                  script: /analyzer run
                  artifacts:
                    reports:
                      sast: gl-sast-report.json
                """).collect();
        assertThat(facts.ciSteps()).filteredOn(CiStep::scansDependencies).extracting(CiStep::line, CiStep::job, CiStep::uses)
                .containsExactly(tuple(7, "dependency_scanning", "artifacts:reports:dependency_scanning"));
    }

    @Test
    void jobs_and_steps_switched_off_with_if_false_run_nothing() {
        RepoFacts facts = new RepoFixture(dir).file(".github/workflows/lint.yml", """
                on: pull_request
                jobs:
                  lint:
                    if: ${{ false }}
                    runs-on: ubuntu-latest
                    steps:
                      - uses: acme/lint-action@v2
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - if: false
                        run: npx eslint .
                      - if: github.event_name == 'push'
                        run: mvn verify
                """).collect();
        assertThat(facts.ciSteps()).extracting(CiStep::job, CiStep::run).containsExactly(tuple("build", "mvn verify"));
    }
}
