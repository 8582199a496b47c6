package dev.radar.collect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path for {@code Cargo.lock} (issue 7: tomlj's ANTLR parser was the largest collector cost of an org scan):
 * a strict scanner of the shape Cargo writes, which yields the packages {@link CargoCollector} reads from tomlj (name,
 * version, source, dependency list, the line of the {@code [[package]]} header) and gives up, returning null, on
 * anything else, so the file is parsed by tomlj exactly as before.
 *
 * <p>Accepted: whole-line {@code #} comments, blank lines, {@code version = N} before the first table,
 * {@code [[package]]} tables of bare keys with basic-string values (unique per table) and a {@code dependencies} array of
 * basic strings (on one line or several), and a v1 {@code [metadata]} table of quoted keys with basic-string values. LF
 * or CRLF line ends. Strings and comments are printable ASCII, strings without escapes. Anything else (an escape, a
 * trailing comment, a literal string, an inline table, another header, a duplicate key, a package without a name, a
 * tab inside a string, non-ASCII text) gives up: such a file is rare enough that tomlj's speed does not matter, and
 * tomlj then reports whatever is wrong with it at its line.
 */
final class CargoLockLines {

    /** One {@code [[package]]} table; {@code line} is its header's. */
    record Package(String name, String version, String source, int line, List<String> deps) {}

    private final String text;
    private final int n;
    private int at;
    private int line = 1;

    private CargoLockLines(String text) {
        this.text = text;
        this.n = text.length();
    }

    /** The packages in file order, or null when the text is not in the strict shape (then tomlj must read it). */
    static List<Package> read(String text) {
        return new CargoLockLines(text).packages();
    }

    private List<Package> packages() {
        List<Package> out = new ArrayList<>();
        boolean topVersion = false;
        boolean metadata = false;
        int section = 0; // 0: top level, 1: a [[package]] table, 2: [metadata]
        Set<String> keys = new HashSet<>();
        String name = null;
        String version = "";
        String source = "";
        List<String> deps = List.of();
        int header = 0;
        while (true) {
            skipBlanks();
            if (at >= n) {
                break;
            }
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                if (!endOfLine()) {
                    return null;
                }
                continue;
            }
            if (c == '#') {
                if (!comment()) {
                    return null;
                }
                continue;
            }
            if (c == '[') {
                if (section == 1 && !close(out, name, version, source, header, deps)) {
                    return null;
                }
                if (text.startsWith("[[package]]", at)) {
                    at += "[[package]]".length();
                    section = 1;
                    header = line;
                    name = null;
                    version = "";
                    source = "";
                    deps = List.of();
                } else if (text.startsWith("[metadata]", at) && !metadata) {
                    at += "[metadata]".length();
                    section = 2;
                    metadata = true;
                } else {
                    return null;
                }
                keys.clear();
                if (!restOfLine()) {
                    return null;
                }
                continue;
            }
            if (section == 2) {
                // v1 checksums: "checksum name version (source)" = "hash"
                String key = basicString();
                if (key == null || !keys.add(key) || !equalsSign() || basicString() == null || !restOfLine()) {
                    return null;
                }
                continue;
            }
            String key = bareKey();
            if (key == null || !equalsSign()) {
                return null;
            }
            if (section == 0) {
                if (!key.equals("version") || topVersion || !integer() || !restOfLine()) {
                    return null;
                }
                topVersion = true;
                continue;
            }
            if (!keys.add(key)) {
                return null;
            }
            if (key.equals("dependencies")) {
                deps = stringArray();
                if (deps == null || !restOfLine()) {
                    return null;
                }
                continue;
            }
            String value = basicString();
            if (value == null || !restOfLine()) {
                return null;
            }
            switch (key) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "source" -> source = value;
                default -> { } // checksum, replace, ...: not read
            }
        }
        if (section == 1 && !close(out, name, version, source, header, deps)) {
            return null;
        }
        return out;
    }

    private static boolean close(List<Package> out, String name, String version, String source, int line, List<String> deps) {
        if (name == null) {
            return false; // tomlj's path skips it; rare enough to leave to that path
        }
        out.add(new Package(name, version, source, line, deps));
        return true;
    }

    private void skipBlanks() {
        while (at < n && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    /** At a line end: consumes it ({@code \n} or {@code \r\n}); false on a lone {@code \r}. */
    private boolean endOfLine() {
        if (text.charAt(at) == '\r') {
            if (at + 1 >= n || text.charAt(at + 1) != '\n') {
                return false;
            }
            at++;
        }
        at++;
        line++;
        return true;
    }

    /** Blanks, then the end of the line or of the text. */
    private boolean restOfLine() {
        skipBlanks();
        if (at >= n) {
            return true;
        }
        char c = text.charAt(at);
        return (c == '\n' || c == '\r') && endOfLine();
    }

    private boolean comment() {
        at++;
        while (at < n) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                return endOfLine();
            }
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
            at++;
        }
        return true;
    }

    private String bareKey() {
        int start = at;
        while (at < n) {
            char c = text.charAt(at);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                at++;
            } else {
                break;
            }
        }
        return at == start ? null : text.substring(start, at);
    }

    private boolean equalsSign() {
        skipBlanks();
        if (at >= n || text.charAt(at) != '=') {
            return false;
        }
        at++;
        skipBlanks();
        return true;
    }

    /** A decimal integer as TOML writes one (no sign, no leading zero, no underscores), short enough for a long. */
    private boolean integer() {
        int start = at;
        while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int digits = at - start;
        return digits >= 1 && digits <= 18 && (digits == 1 || text.charAt(start) != '0');
    }

    /** A one-line basic string of printable ASCII without escapes; null otherwise. */
    private String basicString() {
        if (at >= n || text.charAt(at) != '"' || text.startsWith("\"\"\"", at)) {
            return null;
        }
        int start = ++at;
        while (at < n) {
            char c = text.charAt(at);
            if (c == '"') {
                return text.substring(start, at++);
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return null;
            }
            at++;
        }
        return null;
    }

    /** {@code [ "a", "b 1.0", ]} over one line or several, no comments; null otherwise. */
    private List<String> stringArray() {
        if (at >= n || text.charAt(at) != '[') {
            return null;
        }
        at++;
        List<String> out = new ArrayList<>();
        boolean needComma = false;
        while (true) {
            skipBlanks();
            if (at >= n) {
                return null;
            }
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                if (!endOfLine()) {
                    return null;
                }
            } else if (c == ']') {
                at++;
                return out;
            } else if (c == ',' && needComma) {
                at++;
                needComma = false;
            } else if (c == '"' && !needComma) {
                String s = basicString();
                if (s == null) {
                    return null;
                }
                out.add(s);
                needComma = true;
            } else {
                return null;
            }
        }
    }
}
