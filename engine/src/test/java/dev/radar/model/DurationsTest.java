package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} is {2} s")
    @CsvSource({
        "jwt.expiration,                                15m,       900",
        "jwt.expiration,                                900s,      900",
        "jwt.expiration,                                PT15M,     900",
        "jwt.expiration,                                pt1h,      3600",
        "jwt.expiration,                                P1D,       86400",
        "jwt.expiration,                                3600000,   3600",
        "jwt.expiration,                                1h,        3600",
        "jwt.expiration,                                2 hours,   7200",
        "jwt.expiration,                                500ms,     0",
        "jhipster.security.jwt.token-validity-in-seconds, 86400,   86400",
        "security.oauth2.access-token-validity-seconds, 1800,      1800",
        "app.token.ttl-minutes,                         30,        1800",
        "jwt.token-validity-in-seconds-for-remember-me, 86400,     86400",
        "jwt.accessTokenValidityInMinutesDefault,       20,        1200",
        "jwt.expiration-ms-max,                         3600000,   3600",
        "jwt.expiration,                                ${JWT_TTL}, -1",
        "jwt.expiration,                                soon,      -1",
    })
    void durations_are_read_like_spring_boot_binds_them(String key, String value, long seconds) {
        assertThat(Durations.seconds(key, value)).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0} sets a token lifetime: {1}")
    @CsvSource({"jwt.expiration, true", "app.security.jwt.token.expire-length, true", "security.oauth2.access-token-validity, true",
        "token.ttl, true", "spring.security.oauth2.authorizationserver.client.web.token.access-token-time-to-live, true",
        "jwt.refresh-token-validity, false", "spring.security.oauth2.authorizationserver.client.web.token.authorization-code-time-to-live, false",
        "server.servlet.session.timeout, false", "cache.ttl, false", "jwt.secret, false"})
    void token_lifetime_keys(String key, boolean expected) {
        assertThat(Durations.isTokenLifetimeKey(key)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} reads as ''{2}''")
    @CsvSource({"jwt.expiration, 3600000, 3600000 (read as milliseconds: 1h)", "jwt.expiration, PT1H, PT1H (1h)",
        "jwt.expiration, 1h, 1h", "a.token-validity-seconds, 86400, 86400 (read as seconds: 1d)",
        "a.token-validity-in-seconds-for-remember-me, 2592000, 2592000 (read as seconds: 30d)"})
    void a_duration_is_described_as_understood(String key, String value, String description) {
        assertThat(Durations.describe(key, value)).isEqualTo(description);
    }

    @Test
    void a_lifetime_too_long_for_a_duration_is_not_a_duration_instead_of_an_arithmetic_error() {
        // Bug: Duration.ofDays(999999999999999) overflowed with ArithmeticException inside a rule condition.
        assertThat(Durations.seconds("jwt.expiration", "999999999999999d")).isEqualTo(-1);
        assertThat(Durations.describe("jwt.expiration", "999999999999999d")).isEqualTo("999999999999999d");
        assertThat(Durations.seconds("jwt.expiration", "99999999999999h")).isEqualTo(99999999999999L * 3600);
    }
}
