package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://bob:hunter2@github.com/acme/x.git                  | https://***@github.com/acme/x.git
            clone of HTTPS://x-access-token:ghp_abc@ghe.local/a failed  | clone of HTTPS://***@ghe.local/a failed
            'two: http://a:b@h1/x and ssh://git:pw@h2/y'               | 'two: http://***@h1/x and ssh://***@h2/y'
            https://github.com/acme/x.git                              | https://github.com/acme/x.git
            git@github.com:acme/x.git                                  | git@github.com:acme/x.git
            """)
    void user_info_is_removed_from_every_url_in_a_text(String text, String redacted) {
        assertThat(Redactor.urlsOnly().redact(text)).isEqualTo(redacted);
    }

    @Test
    void known_secret_values_are_masked_wherever_they_appear() {
        Redactor r = new Redactor(List.of("tok3n-value", "ab"));
        assertThat(r.redact("server said: bad credentials tok3n-value (ab)")).isEqualTo("server said: bad credentials *** (ab)");
    }

    @Test
    void a_password_learned_from_a_url_is_masked_even_when_it_is_no_longer_in_a_url() {
        Redactor r = Redactor.urlsOnly();
        assertThat(r.redact("https://bob:hunter2-token@host/x.git")).isEqualTo("https://***@host/x.git");
        r.learn("hunter2-token");
        assertThat(r.redact("server said: bad password hunter2-token")).isEqualTo("server said: bad password ***");
    }

    @Test
    void the_credentials_file_picks_the_longest_matching_path_then_the_environment(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("credentials"), """
                # git credential-store format
                https://ci:org-token@git.acme.internal
                https://ci:team-token@git.acme.internal/payments
                https://ci%40acme:p%2Fw@other.example:8443
                """);
        Credentials c = Credentials.load(Optional.of(file), Map.of(Credentials.TOKEN_ENV, "env-token"));

        assertThat(c.lookup("https://git.acme.internal/payments/api.git")).hasValue(new Credentials.Login("ci", "team-token"));
        assertThat(c.lookup("https://git.acme.internal/ledger/api.git")).hasValue(new Credentials.Login("ci", "org-token"));
        assertThat(c.lookup("https://other.example:8443/x.git")).hasValue(new Credentials.Login("ci@acme", "p/w"));
        assertThat(c.lookup("https://github.com/acme/x.git")).hasValue(new Credentials.Login("x-access-token", "env-token"));
        assertThat(c.lookup("/local/path.git")).isEmpty();
        assertThat(c.secrets()).contains("org-token", "team-token", "env-token");
        assertThat(c.lookup("https://github.com/x").orElseThrow().toString()).doesNotContain("env-token");
    }

    @Test
    void a_malformed_credentials_line_names_the_line_but_not_its_content(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("credentials"), "https://ok:t@h\nghp_onlyatoken\n");
        assertThatThrownBy(() -> Credentials.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
                    assertThat(e.getMessage()).doesNotContain("ghp_onlyatoken");
                });
    }
}
