package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/security.md states the parser limits a hostile file meets; this keeps its table equal to the code. */
class SecurityDocTest {

    static final Path DOC = Path.of("..", "docs", "security.md");

    /** The table row of a limit, by the constant named in it. */
    static String row(String doc, String constant) {
        return doc.lines().filter(l -> l.startsWith("|") && l.contains("`" + constant + "`")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/security.md has no limit row naming " + constant));
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    @Test
    void the_limits_in_docs_security_md_are_the_ones_in_the_code() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(row(doc, "RepoTree.MAX_FILE_BYTES")).contains("| " + RepoTree.MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        assertThat(row(doc, "YamlReader.MAX_ALIASES")).contains("| " + number(YamlReader.MAX_ALIASES) + " ");
        assertThat(row(doc, "YamlReader.MAX_DEPTH")).contains("| " + YamlReader.MAX_DEPTH + " levels");
        assertThat(row(doc, "YamlReader.MAX_EXPANDED_NODES")).contains("| " + number(YamlReader.MAX_EXPANDED_NODES) + " ");
        assertThat(row(doc, "YamlReader.MAX_SCALAR_CHARS")).contains("| " + number(YamlReader.MAX_SCALAR_CHARS) + " characters");
        assertThat(row(doc, "YamlReader.MAX_CODE_POINTS")).contains("| " + number(YamlReader.MAX_CODE_POINTS) + " code points");
        assertThat(row(doc, "SafeJson.MAX_DEPTH")).contains("| " + SafeJson.MAX_DEPTH + " levels");
        assertThat(row(doc, "SafeJson.MAX_STRING_CHARS")).contains("| " + number(SafeJson.MAX_STRING_CHARS) + " characters");
        assertThat(row(doc, "SafeJson.MAX_NUMBER_CHARS")).contains("| " + SafeJson.MAX_NUMBER_CHARS + " characters");
        assertThat(row(doc, "SafeToml.MAX_DEPTH")).contains("| " + SafeToml.MAX_DEPTH + " levels");
    }
}
