package dev.radar.collect;

import java.io.IOException;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * TOML parsing for repository files (Cargo.toml, pyproject.toml, poetry.lock, Gradle version catalogs) with a nesting
 * limit. tomlj's parser recurses once per nested array or inline table, so {@code a = [[[[...} a hundred thousand deep
 * overflows the stack and would end the whole check; nesting is counted first, outside strings and comments. Text in
 * the common shape of manifests is then read by {@link StrictToml}, to the same result as tomlj's, many times faster;
 * tomlj reads the rest, and reports every error.
 */
final class SafeToml {

    /** Deepest nesting of arrays and inline tables. */
    static final int MAX_DEPTH = 64;

    /**
     * A document not parsed: nested deeper than {@link #MAX_DEPTH} (with the line where it got too deep), or one
     * tomlj fails on internally (line 0).
     */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        Refused(int line) {
            this(line, "nested deeper than " + MAX_DEPTH + " levels (arrays, inline tables or dotted keys)");
        }

        Refused(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private SafeToml() {}

    /** Parses TOML text; syntax errors are in the result, too deep a nesting is thrown. */
    static TomlParseResult parse(String text) throws Refused {
        checkDepth(text);
        TomlParseResult fast = StrictToml.parse(text); // the common shape of manifests, as tomlj reads it (issue 7)
        if (fast != null) {
            return fast;
        }
        try {
            return Toml.parse(text);
        } catch (AssertionError e) {
            // tomlj asserts on some malformed escapes (found by fuzzing); with -ea that is an Error out of the parser
            throw new Refused(0, "the TOML parser failed on an escape sequence");
        } catch (org.tomlj.TomlParseError e) {
            // an invalid escape in a quoted key is thrown rather than listed among the errors (found by fuzzing)
            throw new Refused(e.position() == null ? 0 : e.position().line(),
                    e.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", ""));
        }
    }

    static void checkDepth(String text) throws Refused {
        int depth = 0;
        int dots = 0; // a dotted key nests a table per dot, and tomlj recurses per level too
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                dots = 0;
            } else if (c == '.' && ++dots > MAX_DEPTH) {
                throw new Refused(line);
            } else if (c == '#') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                boolean multi = text.startsWith(c == '"' ? "\"\"\"" : "'''", i);
                String close = multi ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += close.length();
                while (i < n && !text.startsWith(close, i)) {
                    char s = text.charAt(i);
                    if (s == '\n') {
                        line++;
                        if (!multi) {
                            break; // an unterminated string: the parser reports it
                        }
                    }
                    if (c == '"' && s == '\\' && i + 1 < n) {
                        line += text.charAt(i + 1) == '\n' ? 1 : 0;
                        i++;
                    }
                    i++;
                }
                i += close.length() - 1;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw new Refused(line);
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
    }
}
