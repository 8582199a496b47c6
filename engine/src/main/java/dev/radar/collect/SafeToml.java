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
        TomlParseResult result = tomlj(text);
        if (result.hasErrors()) {
            // TOML 1.1 (which Cargo reads) lets an inline table span lines, hold comments and end with a comma; tomlj
            // reads TOML 1.0, so such a table is read again on one line, its line breaks moved after its closing brace
            String oneLine = inlineTablesOnOneLine(text);
            if (oneLine != null) {
                TomlParseResult again = tomlj(oneLine);
                if (!again.hasErrors()) {
                    return again;
                }
            }
        }
        return result;
    }

    private static TomlParseResult tomlj(String text) throws Refused {
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

    /**
     * The text with every inline table on one line, as TOML 1.0 wants it: the line breaks and comments inside an
     * outermost {@code { ... }} are dropped and as many line breaks written after its closing brace, so every line
     * outside inline tables keeps its number; a comma before a closing brace is dropped. Null when there is no such
     * table (nothing to change). Strings are copied as they are.
     */
    static String inlineTablesOnOneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int braces = 0; // inline-table depth
        int brackets = 0; // array depth, outside inline tables (a header [a.b] is not an array)
        int moved = 0; // line breaks dropped inside the current outermost inline table
        boolean changed = false;
        boolean lineStart = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                boolean multi = text.startsWith(c == '"' ? "\"\"\"" : "'''", i);
                String close = multi ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int end = i + close.length();
                while (end < n && !text.startsWith(close, end) && (multi || text.charAt(end) != '\n')) {
                    end += c == '"' && text.charAt(end) == '\\' && end + 1 < n ? 2 : 1;
                }
                end = Math.min(n, text.startsWith(close, end) ? end + close.length() : end);
                out.append(text, i, end);
                i = end - 1;
                lineStart = false;
            } else if (c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (braces == 0) {
                    out.append(text, i, end);
                } else {
                    changed = true;
                }
                i = end - 1;
            } else if (c == '\n' || c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                if (braces > 0) {
                    moved++;
                    changed = true;
                    out.append(' ');
                    i += c == '\r' ? 1 : 0;
                } else {
                    out.append(c);
                }
                lineStart = c == '\n';
            } else if (c == '[' && braces == 0 && brackets == 0 && lineStart) {
                int end = text.indexOf('\n', i); // a table header: copied as it is
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end - 1;
            } else {
                if (c == '{') {
                    braces++;
                } else if (c == '}' && braces > 0) {
                    int last = out.length() - 1;
                    while (last >= 0 && Character.isWhitespace(out.charAt(last))) {
                        last--;
                    }
                    if (last >= 0 && out.charAt(last) == ',') {
                        out.setCharAt(last, ' ');
                        changed = true;
                    }
                    if (--braces == 0 && moved > 0) {
                        out.append(c).append("\n".repeat(moved));
                        moved = 0;
                        lineStart = true;
                        continue;
                    }
                } else if (braces == 0 && c == '[') {
                    brackets++;
                } else if (braces == 0 && c == ']' && brackets > 0) {
                    brackets--;
                }
                out.append(c);
                if (!Character.isWhitespace(c)) {
                    lineStart = false;
                }
            }
        }
        return changed ? out.toString() : null;
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
