package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReposFileTest {

    private static final Path BASE = Path.of("/org");

    @Test
    void the_documented_format_reads_name_url_branch_team_and_tags() {
        List<RepoSpec> repos = ReposFile.parse("repos.yaml", """
                repos:
                  - name: payments-api
                    url: https://github.com/acme/payments-api.git
                    branch: main
                    team: payments
                    tags: [service, pci]
                  - url: https://github.com/acme/ledger.git
                  - path: checkouts/legacy-billing
                    team: billing
                """, BASE);

        assertThat(repos).hasSize(3);
        assertThat(repos.get(0)).isEqualTo(new RepoSpec("payments-api", "https://github.com/acme/payments-api.git", null, "main",
                "payments", List.of("service", "pci")));
        assertThat(repos.get(1).name()).isEqualTo("ledger");
        assertThat(repos.get(1).branch()).isEmpty();
        assertThat(repos.get(2).folder()).isEqualTo(Path.of("/org/checkouts/legacy-billing"));
        assertThat(repos.get(2).isGit()).isFalse();
    }

    @Test
    void a_relative_local_url_resolves_against_the_folder_of_repos_yaml() {
        assertThat(ReposFile.parse("repos.yaml", "repos:\n  - url: ../mirrors/svc.git\n", Path.of("/org/config")))
                .singleElement().satisfies(r -> {
                    assertThat(r.url()).isEqualTo("/org/mirrors/svc.git");
                    assertThat(r.name()).isEqualTo("svc");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a mapping                | '- a'                                                      | 1 | 1 | a mapping with a 'repos' list
            repos is not a list          | 'repos: {a: 1}'                                            | 1 | 8 | 'repos' must be a list
            neither url nor path         | 'repos:\\n  - name: x'                                      | 2 | 5 | exactly one of 'url'
            both url and path            | 'repos:\\n  - {url: a/b.git, path: b}'                      | 2 | 5 | exactly one of 'url'
            unknown key                  | 'repos:\\n  - {url: a/b.git, owner: x}'                     | 2 | 20 | unknown key 'owner'
            command transport            | 'repos:\\n  - {url: \"ext::sh -c touch% /tmp/pwned\"}'      | 2 | 11 | remote-helper transports
            option as host               | 'repos:\\n  - {name: x, url: "ssh://-oProxyCommand=id/x.git"}' | 2 | 20 | starting with '-'
            option as user               | 'repos:\\n  - {name: x, url: "https://-u@host/x.git"}'       | 2 | 20 | starting with '-'
            option as url                | 'repos:\\n  - {name: x, url: "--upload-pack=id"}'           | 2 | 20 | must not start with '-'
            fd transport                 | 'repos:\\n  - {name: x, url: "fd::3"}'                      | 2 | 20 | remote-helper transports
            unsupported scheme           | 'repos:\\n  - {url: \"ftp://host/x.git\"}'                  | 2 | 11 | unsupported scheme 'ftp'
            name with a path             | 'repos:\\n  - {name: ../etc, url: a/b.git}'                 | 2 | 12 | must be letters, digits
            name from url is not allowed | 'repos:\\n  - {url: \"https://host/%2e%2e\"}'                | 2 | 5 | add a 'name'
            duplicate names              | 'repos:\\n  - {url: a/svc.git}\\n  - {url: b/SVC.git}'      | 3 | 5 | duplicate repository name 'SVC'
            bad branch                   | 'repos:\\n  - {url: a/b.git, branch: \"x..y\"}'              | 2 | 28 | is not a branch name
            tags not a list              | 'repos:\\n  - {url: a/b.git, tags: pci}'                    | 2 | 26 | 'tags' must be a list
            branch on a folder           | 'repos:\\n  - {path: b, branch: main}'                      | 2 | 23 | applies to 'url' repositories only
            """)
    void mistakes_are_reported_at_their_line_and_column(String scenario, String text, int line, int column, String message) {
        assertThatThrownBy(() -> ReposFile.parse("repos.yaml", text.replace("\\n", "\n"), BASE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).first().satisfies(p -> {
                    assertThat(p.message()).contains(message);
                    assertThat(List.of(p.line(), p.column())).as(p.toString()).containsExactly(line, column);
                }));
    }

    @Test
    void an_alias_bomb_in_repos_yaml_is_a_configuration_error_not_a_hang() {
        StringBuilder bomb = new StringBuilder("repos: []\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append('a').append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a")
                    .append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> ReposFile.parse("repos.yaml", bomb.toString(), BASE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).first()
                        .satisfies(p -> assertThat(p.message()).contains("alias bomb")));
    }

    @Test
    void credentials_in_a_refused_url_are_not_echoed() {
        assertThatThrownBy(() -> ReposFile.parse("repos.yaml", "repos:\n  - {url: \"ftp://bob:hunter22@host/x.git\"}\n", BASE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).allSatisfy(m -> assertThat(m).doesNotContain("hunter22")));
    }

    @Test
    void catalog_info_gives_the_owning_team_and_tags() {
        CatalogInfo info = CatalogInfo.parse("catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: payments-api
                  tags: [java, pci]
                spec:
                  owner: group:default/payments
                """);

        assertThat(info).isEqualTo(new CatalogInfo("payments", List.of("java", "pci")));
        assertThat(CatalogInfo.parse("catalog-info.yaml", "kind: [unclosed")).isEqualTo(CatalogInfo.NONE);
    }
}
