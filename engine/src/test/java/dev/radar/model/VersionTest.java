package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.10        | >  | 1.9
            2.0         | == | 2.0.0
            2.0.0.Final | == | 2.0.0
            v1.2.3      | == | 1.2.3
            1.0-rc1     | <  | 1.0
            1.0-alpha   | <  | 1.0-beta
            1.0-beta    | <  | 1.0-milestone
            1.0-M2      | <  | 1.0-RC1
            1.0-SNAPSHOT| <  | 1.0
            1.0         | <  | 1.0-sp1
            1.0-sp1     | <  | 1.0.1
            2.17.0      | <  | 2.17.1
            2.17.1      | <  | 2.17.10
            1.0+build.5 | == | 1.0
            32.1.2-jre  | >  | 32.1.2
            10          | >  | 9.9.9
            """)
    void versions_compare_the_way_package_managers_do(String left, String op, String right) {
        Version a = Version.parse(left).orElseThrow();
        Version b = Version.parse(right).orElseThrow();
        switch (op) {
            case ">" -> assertThat(a).isGreaterThan(b);
            case "<" -> assertThat(a).isLessThan(b);
            default -> {
                assertThat(a.compareTo(b)).isZero();
                assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"'${log4j.version}'", "''", "latest", "'[1.0,2.0)'", "^1.2"})
    void text_that_is_not_a_version_does_not_parse(String text) {
        assertThat(Version.parse(text)).isEmpty();
    }
}
