package dev.radar.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.model.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("", ""),
                Arguments.of(" edge", "\" edge\""),
                Arguments.of("two\nlines", "\"two\nlines\""));
    }

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @MethodSource("fields")
    void fields_are_quoted_only_when_they_must_be(String value, String written) {
        assertThat(Csv.field(value)).isEqualTo(written);
        assertThat(Csv.parse("f.csv", Csv.row(List.of(value, "x"))).get(0).fields()).containsExactly(value, "x");
    }

    @Test
    void line_breaks_inside_quotes_survive_and_rows_keep_their_first_line() {
        var rows = Csv.parse("f.csv", "\uFEFFname,description\r\n\"a\",\"one\r\ntwo\"\r\n\r\nb,\"x\"\"y\"\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
        assertThat(rows.get(1).fields()).containsExactly("a", "one\r\ntwo");
        assertThat(rows.get(2).fields()).containsExactly("b", "x\"y");
    }

    @Test
    void a_trailing_empty_field_is_kept() {
        assertThat(Csv.parse("f.csv", "a,b,\n").get(0).fields()).containsExactly("a", "b", "");
    }

    @Test
    void an_unclosed_quote_names_the_line_where_the_field_started() {
        assertThatThrownBy(() -> Csv.parse("f.csv", "name\nok\n\"broken\nstill\n"))
                .isInstanceOf(ConfigException.class).hasMessage("f.csv:3: a quoted field is not closed before the end of the file");
    }

    @Test
    void a_stray_quote_is_an_error_with_its_line() {
        assertThatThrownBy(() -> Csv.parse("f.csv", "name\nab\"c\n")).isInstanceOf(ConfigException.class).hasMessageStartingWith("f.csv:2: ");
        assertThatThrownBy(() -> Csv.parse("f.csv", "\"ab\"c\n")).isInstanceOf(ConfigException.class).hasMessageStartingWith("f.csv:1: ");
    }
}
