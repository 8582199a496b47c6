package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
        "AKIAIOSFODNN7EXAMPLE,                                  AWS access key",
        "key=ASIAY34FZKBOKMUTVV7A;,                             AWS access key",
        "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,              GitHub token",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345, GitHub token",
        "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe,               Google API key",
        "xoxb-123456789012-abcdefghij,                          Slack token",
        "AKIA-not-a-key,                                        ''",
        "hunter2,                                               ''",
    })
    void well_known_tokens_are_recognised_by_format(String value, String kind) {
        assertThat(Secrets.tokenKind(value)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} names a secret: {1}")
    @CsvSource({"spring.datasource.password, true", "server.ssl.key-store-password, true", "jwt.secret, true",
        "app.clientSecret, true", "stripe.api-key, true", "aws.secret-access-key, true", "services.db.environment.POSTGRES_PASSWORD, true",
        "github.token, true", "list.passwords[0], false", "spring.security.oauth2.client.provider.x.token-uri, false",
        "app.password-encoder, false", "token.ttl, false", "cache.key, false", "jwt.secret-name, false"})
    void secret_keys(String key, boolean expected) {
        assertThat(Secrets.isSecretKey(key)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is a literal: {1}")
    @CsvSource({"hunter2, true", "changeit, true", "'${DB_PASSWORD}', false", "'${DB_PASSWORD:dev}', false", "'', false",
        "'{cipher}AQB3f', false", "ENC(G6N718UuyPE5bHyWKyuLQ), false", "vault:secret/db#password, false", "'<your password>', false",
        "'********', false", "@db.password@, false", "user@example, true", "@, true", "@@, true", "@a b@, true"})
    void placeholders_and_references_are_not_literals(String value, boolean expected) {
        assertThat(Secrets.isLiteral(value)).isEqualTo(expected);
    }

    @Test
    void masking_keeps_four_characters_of_long_values_and_none_of_short_ones() {
        assertThat(Secrets.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****************");
        assertThat(Secrets.mask("hunter2")).isEqualTo("*******");
        assertThat(Secrets.maskedToken("aws_key=AKIAIOSFODNN7EXAMPLE # prod")).isEqualTo("AKIA****************");
    }

    @Test
    void private_key_blocks_are_recognised_but_certificates_are_not() {
        assertThat(Secrets.hasPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE")).isTrue();
        assertThat(Secrets.hasPrivateKey("-----BEGIN OPENSSH PRIVATE KEY-----")).isTrue();
        assertThat(Secrets.hasPrivateKey("-----BEGIN CERTIFICATE-----")).isFalse();
        assertThat(Secrets.hasPrivateKey("-----BEGIN PUBLIC KEY-----")).isFalse();
    }

    @ParameterizedTest(name = "{0} runs in the application's process: {1}")
    @CsvSource({"jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1, true", "jdbc:h2:file:./data/orders, true", "jdbc:h2:~/orders, true",
        "'r2dbc:h2:file:///${halo.work-dir}/db/halo-next?MODE=MySQL', true", "r2dbc:pool:h2:mem:///orders, true",
        "jdbc:hsqldb:mem:orders, true", "jdbc:derby:memory:orders;create=true, true", "jdbc:sqlite:orders.db, true",
        "jdbc:h2:tcp://db.example.com/orders, false", "jdbc:h2:ssl://db.example.com/orders, false", "'jdbc:h2:${DB_URL}', false",
        "jdbc:hsqldb:hsql://db.example.com/orders, false", "jdbc:derby://db.example.com:1527/orders, false",
        "jdbc:postgresql://localhost/orders, false", "r2dbc:pool:mysql://db.example.com:3306/blog, false", "h2:mem:orders, false", "'', false"})
    void embedded_database_urls(String url, boolean expected) {
        assertThat(Secrets.isEmbeddedDatabaseUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} is the URL beside {0}: {2}")
    @CsvSource({"spring.datasource.password, spring.datasource.url, true", "spring.datasource.password, spring.datasource.jdbc-url, true",
        "spring.r2dbc.password, spring.r2dbc.url, true", "quarkus.datasource.password, quarkus.datasource.jdbc.url, true",
        "quarkus.datasource.password, quarkus.datasource.reactive.url, true", "quarkus.datasource.password, quarkus.datasource.devservices.url, false", "spring.datasource.password, spring.flyway.url, false",
        "spring.datasource.password, spring.datasource.username, false", "password, url, false"})
    void the_url_beside_a_password(String key, String other, boolean expected) {
        assertThat(Secrets.isUrlBeside(key, other)).isEqualTo(expected);
    }
}
