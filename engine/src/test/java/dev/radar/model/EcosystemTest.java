package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcosystemTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            maven         | org.mongodb        | mongodb-driver-sync | org.mongodb:mongodb-driver-sync
            npm           | @types             | node                | @types/node
            npm           | ''                 | left-pad            | left-pad
            pypi          | ''                 | Typing_Extensions   | typing-extensions
            pypi          | ''                 | zope.interface      | zope-interface
            docker        | docker.io/library  | mongo               | mongo
            docker        | library            | mongo               | mongo
            docker        | ''                 | Mongo               | mongo
            docker        | gcr.io/distroless  | java17              | gcr.io/distroless/java17
            github-action | actions            | checkout            | actions/checkout
            github-action | gradle             | actions/setup-gradle | gradle/actions/setup-gradle
            github-action | EmbarkStudios      | cargo-deny-action   | embarkstudios/cargo-deny-action
            terraform     | hashicorp          | aws                 | hashicorp/aws
            """)
    void coordinates_are_normalised_per_ecosystem(String ecosystem, String group, String name, String expected) {
        assertThat(Ecosystem.byId(ecosystem).orElseThrow().coordinate(group, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} pattern {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            docker | docker.io/library/mongo | mongo
            docker | library/postgres        | postgres
            pypi   | PyYAML                  | pyyaml
            maven  | log4j:log4j             | log4j:log4j
            """)
    void radar_patterns_normalise_like_coordinates(String ecosystem, String pattern, String expected) {
        assertThat(Ecosystem.byId(ecosystem).orElseThrow().normalise(pattern)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pypi {0}")
    @ValueSource(strings = {"a", "A-B", "a--b", "a-_.b", "-a-", "_a_", "...", "a.b_c-d", "-", "", "zope.interface", "x-y-z", "a-.", "ß_İ"})
    void pypi_names_normalise_as_the_pep_503_regex_does(String name) {
        // the hand loop replaced replaceAll("[-_.]+", "-") for speed (issue 7); it must agree with it on every name
        assertThat(Ecosystem.PYPI.coordinate("", name)).isEqualTo(name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"));
        assertThat(Ecosystem.PYPI.normalise(name)).isEqualTo(name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"));
    }
}
