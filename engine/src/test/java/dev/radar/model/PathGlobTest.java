package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            legacy/**           | legacy/pom.xml                 | true
            legacy/**           | legacy/a/b/pom.xml             | true
            legacy/**           | legacy                         | false
            legacy/**           | pom.xml                        | false
            legacy/**           | other/legacy/pom.xml           | false
            legacy/**           | legacyx/pom.xml                | false
            **/pom.xml          | pom.xml                        | true
            **/pom.xml          | services/api/pom.xml           | true
            **/pom.xml          | services/api/pom.xml.bak       | false
            services/*/pom.xml  | services/api/pom.xml           | true
            services/*/pom.xml  | services/api/v2/pom.xml        | false
            services/**/pom.xml | services/pom.xml               | true
            services/**/pom.xml | services/api/v2/pom.xml        | true
            **/test/**          | src/test/java/A.java           | true
            **/test/**          | test/A.java                    | true
            **/test/**          | src/main/A.java                | false
            src/*.php           | src/invoice.php                | true
            src/*.php           | src/lib/invoice.php            | false
            src/????.php        | src/main.php                   | true
            pom.xml             | pom.xml                        | true
            pom.xml             | api/pom.xml                    | false
            **                  | any/file/at/all.txt            | true
            legacy/**/**        | legacy/a.txt                   | true
            """)
    void globs_match_repository_paths(String pattern, String path, boolean expected) {
        assertThat(PathGlob.parse(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/legacy/**", "legacy//x", "legacy/**x", "../outside", "a\\b"})
    void malformed_globs_are_refused_with_a_reason(String pattern) {
        assertThatThrownBy(() -> PathGlob.parse(pattern)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 200})
    void many_any_depth_segments_stay_fast(int depth) {
        String path = "a/".repeat(depth) + "b";
        assertThat(PathGlob.parse("**/a/**/a/**/a/**/a/**/c").matches(path)).isFalse();
        assertThat(PathGlob.parse("**/a/**/a/**/b").matches(path)).isTrue();
    }
}
