package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubActionsCollectorTest {

    @TempDir
    Path dir;

    @Test
    void workflow_lists_step_actions_reusable_workflows_and_docker_actions_but_not_local_ones() {
        RepoFacts facts = new InfraFixture(dir).file(".github/workflows/ci.yml", """
                name: ci
                on: [push]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v4.2.2
                      - name: gradle
                        uses: "gradle/actions/setup-gradle@v4"
                      - uses: ./.github/actions/local-thing
                      - uses: docker://alpine:3.20
                      - run: 'echo "uses: fake/action@v1"'
                      - uses: 'github/codeql-action/init@v3'   # sub-path action
                  shared:
                    uses: acme/workflows/.github/workflows/deploy.yml@main
                    with:
                      env: prod
                  local-reusable:
                    uses: ./.github/workflows/local.yml
                """).run(new GitHubActionsCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.GITHUB_ACTION, "actions", "checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1",
                                "3d3c42e5aac5ba805825da76410c181273ba90b1", 7),
                        tuple(Ecosystem.GITHUB_ACTION, "gradle", "actions/setup-gradle", "v4", "v4", 9),
                        tuple(Ecosystem.DOCKER, "", "alpine", "3.20", "3.20", 11),
                        tuple(Ecosystem.GITHUB_ACTION, "github", "codeql-action/init", "v3", "v3", 13),
                        tuple(Ecosystem.GITHUB_ACTION, "acme", "workflows/.github/workflows/deploy.yml", "main", "main", 15));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void composite_action_steps_and_docker_action_image_are_listed() {
        RepoFacts facts = new InfraFixture(dir)
                .file(".github/actions/setup/action.yml", """
                        name: setup
                        runs:
                          using: composite
                          steps:
                            - uses: actions/setup-node@v4
                              with:
                                node-version: 20
                            - uses: ./.github/actions/other
                            - run: npm ci
                              shell: bash
                        """)
                .file("docker-action/action.yaml", """
                        name: lint
                        runs:
                          using: docker
                          image: docker://ghcr.io/acme/linter:2.0
                        """)
                .file("dockerfile-action/action.yml", "runs:\n  using: docker\n  image: Dockerfile\n")
                .run(new GitHubActionsCollector());

        assertThat(facts.dependencies())
                .extracting(Dependency::ecosystem, Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::version,
                        Dependency::file, Dependency::line)
                .containsExactly(
                        tuple(Ecosystem.GITHUB_ACTION, "actions", "setup-node", "v4", "v4", ".github/actions/setup/action.yml", 5),
                        tuple(Ecosystem.DOCKER, "ghcr.io/acme", "linter", "2.0", "2.0", "docker-action/action.yaml", 4));
    }

    @Test
    void step_reused_through_a_yaml_alias_is_one_declaration_at_its_anchor() {
        RepoFacts facts = new InfraFixture(dir).file(".github/workflows/ci.yml", """
                on: push
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - &checkout
                        uses: actions/checkout@v4
                      - run: make lint
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - *checkout
                      - uses: actions/setup-go@v5
                """).run(new GitHubActionsCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::line)
                .containsExactly(tuple("checkout", 7), tuple("setup-go", 13));
    }

    @Test
    void composite_action_kept_in_a_subfolder_of_the_workflows_folder_is_read_as_an_action() {
        RepoFacts facts = new InfraFixture(dir)
                .file(".github/workflows/helpers/prepare/action.yml", """
                        name: prepare
                        runs:
                          using: composite
                          steps:
                            - uses: actions/setup-java@v4
                        """)
                .file(".github/workflows/ci.yml", """
                        on: push
                        jobs:
                          build:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: ./.github/workflows/helpers/prepare
                              - uses: actions/cache@v4
                        """)
                .run(new GitHubActionsCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::file, Dependency::line)
                .containsExactlyInAnyOrder(
                        tuple("setup-java", ".github/workflows/helpers/prepare/action.yml", 5),
                        tuple("cache", ".github/workflows/ci.yml", 7));
    }

    @Test
    void action_named_by_url_keeps_a_host_other_than_github_in_its_group() {
        RepoFacts facts = new InfraFixture(dir).file(".github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: docker
                    steps:
                      - uses: https://github.com/actions/checkout@v4
                      - uses: https://code.example.org/tools/setup-thing/sub@0123456789abcdef0123456789abcdef01234567 # v2
                      - uses: ftp:/odd/thing@v1
                """).run(new GitHubActionsCollector());

        assertThat(facts.dependencies()).extracting(Dependency::group, Dependency::name, Dependency::declaredVersion, Dependency::line)
                .containsExactly(
                        tuple("actions", "checkout", "v4", 6),
                        tuple("code.example.org/tools", "setup-thing/sub", "0123456789abcdef0123456789abcdef01234567", 7));
        assertThat(facts.problems()).extracting(FileProblem::line).containsExactly(8);
    }


    @ParameterizedTest(name = "{0} is read: {1}")
    @CsvSource({
        ".github/workflows/ci.yml, true",
        ".github/workflows/release.yaml, true",
        ".github/workflows/scripts/helper.yml, false",
        ".github/workflows/actions/setup/action.yml, true",
        ".github/dependabot.yml, false",
        "action.yml, true",
        "tools/my-action/action.yaml, true",
        "workflows/ci.yml, false",
    })
    void workflow_and_action_file_names(String path, boolean wanted) {
        assertThat(new GitHubActionsCollector().wants(path)).isEqualTo(wanted);
    }
}
