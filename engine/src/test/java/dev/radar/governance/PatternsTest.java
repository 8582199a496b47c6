package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

    @ParameterizedTest(name = "{0} and {1} intersect: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            org.mongodb:mongodb-driver-sync | org.mongodb:mongodb-driver-sync | true
            org.mongodb:mongodb-driver-sync | org.mongodb:bson                | false
            org.mongodb:*                   | org.mongodb:bson                | true
            org.mongodb:*                   | org.mongodb.morphia:core        | false
            org.*                           | org.mongodb:*                   | true
            com.*:core                      | com.acme:*                      | true
            com.*:core                      | org.acme:*                      | false
            *-jdk15on                       | org.bouncycastle:*              | true
            *-jdk15on                       | *-jdk18on                       | false
            *x                              | *y                              | false
            a?c                             | abc                             | true
            a?c                             | ab                              | false
            a*                              | *b                              | true
            ?                               | ''                              | false
            *                               | ''                              | true
            @types/*                        | @types/node                     | true
            @angular/*                      | @types/*                        | false
            github/codeql-action*           | github/*/init                   | true
            """)
    void two_patterns_intersect_when_some_coordinate_matches_both(String a, String b, boolean expected) {
        assertThat(Patterns.intersect(a, b)).isEqualTo(expected);
        assertThat(Patterns.intersect(b, a)).as("symmetric").isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void long_patterns_with_many_stars_are_decided_quickly() {
        String a = "*a".repeat(200) + "b";
        String b = "*a".repeat(200) + "c";
        assertThat(Patterns.intersect(a, b)).isFalse();
    }
}
