package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpStatusTest {

    @ParameterizedTest(name = "{0} is standard: {1}")
    @CsvSource({"200, true", "204, true", "422, true", "429, true", "451, true", "511, true", "4XX, true", "5xx, true",
        "default, true", "418, false", "306, false", "420, false", "499, false", "520, false", "600, false", "2000, false", "OK, false"})
    void registered_codes_ranges_and_default_are_standard(String code, boolean expected) {
        assertThat(HttpStatus.isStandard(code)).isEqualTo(expected);
    }
}
