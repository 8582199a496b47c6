package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            [2.0,2.17.1)      | 2.0            | true
            [2.0,2.17.1)      | 2.17.0         | true
            [2.0,2.17.1)      | 2.17.1         | false
            [2.0,2.17.1)      | 2.9            | true
            [2.0,2.17.1)      | 2.20.0         | false
            [2.0,2.17.1)      | 1.2.17         | false
            [2.0,2.17.1)      | 2.0-beta9      | false
            (,1.0]            | 1.0            | true
            (,1.0]            | 0.9            | true
            (,1.0]            | 1.0.1          | false
            [1.5,)            | 99             | true
            (1.5,)            | 1.5            | false
            [1.5]             | 1.5.0          | true
            [1.5]             | 1.5.1          | false
            (,1.0],[1.2,)     | 1.1            | false
            (,1.0],[1.2,)     | 1.3            | true
            >=2.0 <3          | 2.5            | true
            >=2.0 <3          | 3.0            | false
            '>=2.0, <3'       | 1.9            | false
            >2.0              | 2.0            | false
            <=2.0             | 2.0            | true
            =1.2.3            | 1.2.3          | true
            2.x               | 2.99.1         | true
            2.x               | 3.0            | false
            2.7.*             | 2.7.18         | true
            2.7.*             | 2.8.0          | false
            1.2.3             | 1.2.3          | true
            1.2.3             | 1.2.4          | false
            [2.0,3.0)         | ${log4j.version} | false
            [2.0,3.0)         | ''             | false
            """)
    void ranges_contain_the_right_versions(String range, String version, boolean expected) {
        assertThat(VersionRange.parse(range).containsVersion(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [2.0,2.17.1     | not closed
            [abc,2.0)       | 'abc' at character 2 is not a version
            [2.0,x)         | 'x' at character 6 is not a version
            [3.0,2.0)       | lower bound 3.0 is above upper bound 2.0
            (1.0)           | a single version must be written [x]
            >=              | comparator without a version
            ''              | empty version range
            """)
    void malformed_ranges_say_what_is_wrong(String range, String message) {
        assertThatThrownBy(() -> VersionRange.parse(range)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} overlaps {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            [2.0,2.17.1)      | [2.17.1,)      | false
            [2.0,2.17.1]      | [2.17.1,)      | true
            [2.0,3.0)         | >=2.5          | true
            (,1.0]            | [1.2,)         | false
            (,1.0],[1.2,)     | [1.1]          | false
            (,1.0],[1.2,)     | 1.x            | true
            2.x               | 3.x            | false
            2.x               | [2.9,4)        | true
            >2.0              | <=2.0          | false
            >=2.0             | <=2.0          | true
            1.2.3             | [1.2.3]        | true
            (1.0,2.0)         | (2.0,3.0)      | false
            [1.5,)            | (,1.5)         | false
            """)
    void overlaps_when_some_version_is_in_both(String a, String b, boolean expected) {
        assertThat(VersionRange.parse(a).overlaps(VersionRange.parse(b))).isEqualTo(expected);
        assertThat(VersionRange.parse(b).overlaps(VersionRange.parse(a))).as("symmetric").isEqualTo(expected);
    }
}
