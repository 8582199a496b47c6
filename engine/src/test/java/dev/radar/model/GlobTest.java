package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            org.mongodb:*            | org.mongodb:mongodb-driver-sync | true
            org.mongodb:*            | org.mongodb.morphia:morphia     | false
            org.apache.*:*           | org.apache.commons:commons-lang3 | true
            *:log4j                  | log4j:log4j                      | true
            *:log4j                  | log4j:log4j-core                 | false
            @types/*                 | @types/node                      | true
            gcr.io/distroless/*      | gcr.io/distroless/java17         | true
            gcr.io/distroless/*      | gcr.io/other/java17              | false
            log4j?                   | log4j2                           | true
            log4j?                   | log4j                            | false
            a*b*c                    | axxbyyc                          | true
            a*b*c                    | axxbyy                           | false
            *                        | ''                               | true
            """)
    void wildcards_match_coordinates(String pattern, String text, boolean expected) {
        assertThat(Glob.matches(pattern, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'a*a*a*a*a*a*a*a*a*a*b'"})
    void pathological_patterns_finish_quickly(String pattern) {
        assertThat(Glob.matches(pattern, "a".repeat(10_000))).isFalse();
    }
}
