package dev.radar.collect;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The fast path for TOML manifests (issue 7: tomlj's ANTLR parser was about 14% of an org scan's CPU, through
 * Cargo.toml, pyproject.toml and Gradle version catalogs): a strict parser of the common shape of those files that
 * builds tomlj's own interfaces with the same keys in the same order, the same values and types and the same input
 * positions as tomlj, and gives up, returning null, on anything else, so the text is parsed by tomlj exactly as before
 * (errors, too, only ever come from tomlj).
 *
 * <p>Accepted: blank lines and {@code #} comments; {@code [table]} and {@code [[array.of.tables]]} headers; key/value
 * lines with bare, quoted and dotted keys; basic strings with the escapes {@code \b \t \n \f \r \" \\}, literal
 * strings, multi-line basic strings (also with line-ending backslashes) and multi-line literal strings; decimal
 * integers of up to 18 digits; decimals like {@code 1.5}; booleans; arrays over one line or several with comments and a
 * trailing comma; one-line inline tables. LF or CRLF line ends. Given back to tomlj: dates and times, hex, octal and
 * binary integers, exponents, {@code inf} and {@code nan}, underscores in numbers, {@code \\u} escapes, control
 * characters, duplicate keys, a table defined twice, a table extended in a way TOML forbids or tomlj tolerates (through a
 * dotted key or an inline table), a line break or comment inside an inline table, and any syntax error.
 */
final class StrictToml {

    private static final TomlPosition START = TomlPosition.positionAt(1, 1);

    /** Thrown to give up: the text is left to tomlj. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super("not in the strict subset", null, false, false);
        }
    }

    private final String text;
    private final int n;
    private int at;
    private int line = 1;
    private int lineStart;
    private boolean surrogates; // a pair seen: columns count code points, as tomlj's ANTLR input does
    private int inline; // depth of inline tables: no line breaks or comments inside them

    private StrictToml(String text) {
        this.text = text;
        this.n = text.length();
    }

    /** The document as tomlj would read it, or null when the text is not in the strict subset (then tomlj must read it). */
    static TomlParseResult parse(String text) {
        try {
            return new StrictToml(text).document();
        } catch (Declined e) {
            return null;
        }
    }

    private Declined decline() {
        return Declined.INSTANCE;
    }

    private Table document() {
        Table root = new Table(Kind.EXPLICIT);
        Table current = root;
        while (true) {
            skipBlanks();
            if (at >= n) {
                return root;
            }
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                newline();
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            if (c == '[') {
                current = header(root);
            } else {
                keyValue(current);
            }
            skipBlanks();
            if (at < n && text.charAt(at) == '#') {
                skipComment();
            }
            if (at < n && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                throw decline();
            }
        }
    }

    // ---- structure

    private Table header(Table root) {
        TomlPosition pos = position();
        boolean array = text.startsWith("[[", at);
        at += array ? 2 : 1;
        skipBlanks();
        List<String> path = key();
        if (at >= n || text.charAt(at) != ']' || array && !text.startsWith("]]", at)) {
            throw decline();
        }
        at += array ? 2 : 1;
        Table table = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Slot slot = table.slots.get(path.get(i));
            if (slot == null) {
                Table implicit = new Table(Kind.IMPLICIT);
                table.slots.put(path.get(i), new Slot(implicit, pos));
                table = implicit;
            } else if (slot.value instanceof Table t && t.kind != Kind.DOTTED && t.kind != Kind.INLINE) {
                table = t;
            } else if (slot.value instanceof Array a && a.ofTables) {
                table = (Table) a.values.get(a.values.size() - 1);
            } else {
                throw decline();
            }
        }
        String last = path.get(path.size() - 1);
        Slot slot = table.slots.get(last);
        Table created = new Table(Kind.EXPLICIT);
        if (array) {
            if (slot == null) {
                Array tables = new Array(true);
                table.slots.put(last, new Slot(tables, pos));
                tables.add(created, pos);
            } else if (slot.value instanceof Array a && a.ofTables) {
                a.add(created, pos);
            } else {
                throw decline();
            }
            return created;
        }
        if (slot == null) {
            table.slots.put(last, new Slot(created, pos));
            return created;
        }
        if (slot.value instanceof Table t && t.kind == Kind.IMPLICIT) {
            t.kind = Kind.EXPLICIT; // [a.b] then [a]: tomlj keeps a's place among the keys and moves its position
            slot.position = pos;
            return t;
        }
        throw decline();
    }

    private void keyValue(Table table) {
        TomlPosition pos = position();
        List<String> path = key();
        if (at >= n || text.charAt(at) != '=') {
            throw decline();
        }
        at++;
        skipBlanks();
        Object value = value();
        for (int i = 0; i < path.size() - 1; i++) {
            Slot slot = table.slots.get(path.get(i));
            if (slot == null) {
                Table dotted = new Table(Kind.DOTTED);
                table.slots.put(path.get(i), new Slot(dotted, pos));
                table = dotted;
            } else if (slot.value instanceof Table t && t.kind == Kind.DOTTED) {
                table = t;
            } else {
                throw decline();
            }
        }
        if (table.slots.putIfAbsent(path.get(path.size() - 1), new Slot(value, pos)) != null) {
            throw decline();
        }
    }

    /** A dotted key and the blanks after it. */
    private List<String> key() {
        List<String> path = new ArrayList<>(2);
        while (true) {
            if (at >= n) {
                throw decline();
            }
            char c = text.charAt(at);
            String part;
            if (c == '"' && !text.startsWith("\"\"\"", at)) {
                part = basicString();
            } else if (c == '\'' && !text.startsWith("'''", at)) {
                part = literalString();
            } else {
                int start = at;
                while (at < n && bare(text.charAt(at))) {
                    at++;
                }
                part = text.substring(start, at);
            }
            if (part.isEmpty()) {
                throw decline();
            }
            path.add(part);
            skipBlanks();
            if (at >= n || text.charAt(at) != '.') {
                return path;
            }
            at++;
            skipBlanks();
        }
    }

    private static boolean bare(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    // ---- values

    private Object value() {
        if (at >= n) {
            throw decline();
        }
        char c = text.charAt(at);
        switch (c) {
            case '"':
                return text.startsWith("\"\"\"", at) ? multiLineBasic() : basicString();
            case '\'':
                return text.startsWith("'''", at) ? multiLineLiteral() : literalString();
            case '[':
                return array();
            case '{':
                return inlineTable();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            default:
                return number();
        }
    }

    private Object word(String word, Boolean value) {
        if (!text.startsWith(word, at)) {
            throw decline();
        }
        at += word.length();
        return value; // whatever follows is checked by the caller (a comma, a bracket, a line end)
    }

    /** {@code -12}, {@code 0}, {@code +3}, {@code 1.5}: decimal, no underscores, no exponent. */
    private Object number() {
        int start = at;
        if (text.charAt(at) == '+' || text.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int intDigits = at - digits;
        if (intDigits == 0 || intDigits > 1 && text.charAt(digits) == '0') {
            throw decline();
        }
        boolean fraction = at < n && text.charAt(at) == '.';
        if (fraction) {
            int dot = ++at;
            while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == dot || at - start > 24) {
                throw decline();
            }
        }
        if (at < n && (bare(text.charAt(at)) || text.charAt(at) == '.' || text.charAt(at) == ':' || text.charAt(at) == '+')) {
            throw decline(); // a date, a time, an exponent, an underscore, ...
        }
        if (fraction) {
            return Double.valueOf(text.substring(start, at));
        }
        if (intDigits > 18) {
            throw decline();
        }
        return Long.valueOf(text.substring(start, at));
    }

    private String basicString() {
        int start = ++at;
        StringBuilder b = null;
        while (at < n) {
            char c = text.charAt(at);
            if (c == '"') {
                String s = b == null ? text.substring(start, at) : b.toString();
                at++;
                return s;
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder(text.length() - start < 64 ? 64 : 16).append(text, start, at);
                }
                b.append(escape());
                continue;
            }
            checkChar(c);
            if (b != null) {
                b.append(c);
            }
            at++;
        }
        throw decline();
    }

    /** At a backslash: the escaped character; the escapes TOML has but this parser does not take are given up on. */
    private char escape() {
        if (at + 1 >= n) {
            throw decline();
        }
        char e = text.charAt(at + 1);
        at += 2;
        switch (e) {
            case 'b': return '\b';
            case 't': return '\t';
            case 'n': return '\n';
            case 'f': return '\f';
            case 'r': return '\r';
            case '"': return '"';
            case '\\': return '\\';
            default: throw decline();
        }
    }

    private String literalString() {
        int start = ++at;
        while (at < n) {
            char c = text.charAt(at);
            if (c == '\'') {
                return text.substring(start, at++);
            }
            checkChar(c);
            at++;
        }
        throw decline();
    }

    private String multiLineBasic() {
        at += 3;
        firstNewline();
        StringBuilder b = new StringBuilder();
        while (at < n) {
            char c = text.charAt(at);
            if (c == '"' && text.startsWith("\"\"\"", at)) {
                if (at + 3 < n && text.charAt(at + 3) == '"') {
                    throw decline(); // quotes before the closing ones
                }
                at += 3;
                return b.toString();
            }
            if (c == '\n' || c == '\r') {
                b.append('\n'); // tomlj reads a CRLF inside a multi-line string as LF
                newline();
                continue;
            }
            if (c == '\\') {
                int after = at + 1;
                while (after < n && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                    after++;
                }
                if (after < n && (text.charAt(after) == '\n' || text.charAt(after) == '\r')) {
                    // a line-ending backslash: the line break and all blanks and line breaks after it are dropped
                    at = after;
                    while (at < n) {
                        char w = text.charAt(at);
                        if (w == '\n' || w == '\r') {
                            newline();
                        } else if (w == ' ' || w == '\t') {
                            at++;
                        } else {
                            break;
                        }
                    }
                    continue;
                }
                b.append(escape());
                continue;
            }
            checkChar(c);
            b.append(c);
            at++;
        }
        throw decline();
    }

    private String multiLineLiteral() {
        at += 3;
        firstNewline();
        StringBuilder b = new StringBuilder();
        while (at < n) {
            char c = text.charAt(at);
            if (c == '\'' && text.startsWith("'''", at)) {
                if (at + 3 < n && text.charAt(at + 3) == '\'') {
                    throw decline();
                }
                at += 3;
                return b.toString();
            }
            if (c == '\n' || c == '\r') {
                b.append('\n'); // tomlj reads a CRLF inside a multi-line string as LF
                newline();
                continue;
            }
            checkChar(c);
            b.append(c);
            at++;
        }
        throw decline();
    }

    /** A line break right after the opening quotes is not part of a multi-line string. */
    private void firstNewline() {
        if (at < n && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            newline();
        }
    }

    /**
     * A character inside a string: tabs and printable text; a line break (not in a multi-line string), a control
     * character or a lone surrogate gives up.
     */
    private void checkChar(char c) {
        if (c < 0x20 && c != '\t' || c == 0x7f) {
            throw decline();
        }
        if (Character.isHighSurrogate(c)) {
            if (at + 1 >= n || !Character.isLowSurrogate(text.charAt(at + 1))) {
                throw decline();
            }
            surrogates = true;
        } else if (Character.isLowSurrogate(c) && (at == 0 || !Character.isHighSurrogate(text.charAt(at - 1)))) {
            throw decline();
        }
    }

    private TomlArray array() {
        at++;
        Array array = new Array(false);
        boolean afterValue = false;
        while (true) {
            // tomlj places an element at the first token after '[' or ',': the value, or the line break before it
            skipBlanks();
            if (at < n && text.charAt(at) == '#') {
                if (inline > 0) {
                    throw decline();
                }
                skipComment();
            }
            TomlPosition pos = afterValue ? null : position();
            skipSpace();
            if (at >= n) {
                throw decline();
            }
            char c = text.charAt(at);
            if (c == ']') {
                at++;
                return array.values.isEmpty() ? EMPTY : array;
            }
            if (afterValue) {
                if (c != ',') {
                    throw decline();
                }
                at++;
                afterValue = false;
                continue;
            }
            array.add(value(), pos);
            afterValue = true;
        }
    }

    /** Blanks, comments and line breaks (between array elements). */
    private void skipSpace() {
        while (at < n) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t') {
                at++;
            } else if (c == '\n' || c == '\r') {
                if (inline > 0) {
                    throw decline();
                }
                newline();
            } else if (c == '#') {
                if (inline > 0) {
                    throw decline();
                }
                skipComment();
            } else {
                return;
            }
        }
    }

    private TomlTable inlineTable() {
        at++;
        inline++;
        Table table = new Table(Kind.INLINE);
        skipBlanks();
        if (at < n && text.charAt(at) == '}') {
            at++;
            inline--;
            return table;
        }
        while (true) {
            keyValue(table);
            skipBlanks();
            if (at >= n) {
                throw decline();
            }
            char c = text.charAt(at++);
            if (c == '}') {
                inline--;
                return table;
            }
            if (c != ',') {
                throw decline();
            }
            skipBlanks();
        }
    }

    // ---- text

    private void skipBlanks() {
        while (at < n && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    /** At a line break: consumes it ({@code \n} or {@code \r\n}); a lone {@code \r} gives up. */
    private void newline() {
        if (text.charAt(at) == '\r') {
            if (at + 1 >= n || text.charAt(at + 1) != '\n') {
                throw decline();
            }
            at++;
        }
        at++;
        line++;
        lineStart = at;
    }

    /** A comment up to (not including) its line break. */
    private void skipComment() {
        at++;
        while (at < n) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r') {
                return;
            }
            checkChar(c);
            at++;
        }
    }

    /** Where tomlj places the token at {@code at}: 1-based line and column, the column in code points. */
    private TomlPosition position() {
        int column = at - lineStart + 1;
        if (surrogates) {
            column = Character.codePointCount(text, lineStart, at) + 1;
        }
        return TomlPosition.positionAt(line, column);
    }

    // ---- tomlj's interfaces

    private enum Kind {
        /** Made by a header, or the root. */
        EXPLICIT,
        /** Made on the way to a header's table ({@code a} of {@code [a.b]}); a later {@code [a]} defines it. */
        IMPLICIT,
        /** Made by a dotted key ({@code a} of {@code a.b = 1}); extended only by dotted keys of the same table. */
        DOTTED,
        /** An inline table, closed once written. */
        INLINE
    }

    private static final class Slot {
        final Object value;
        TomlPosition position;

        Slot(Object value, TomlPosition position) {
            this.value = value;
            this.position = position;
        }
    }

    /** A table with tomlj's behaviour: keys in the order written, positions, paths through tables only. */
    private static final class Table implements TomlParseResult {
        final Map<String, Slot> slots = new LinkedHashMap<>();
        Kind kind;

        Table(Kind kind) {
            this.kind = kind;
        }

        @Override
        public List<TomlParseError> errors() {
            return List.of();
        }

        @Override
        public int size() {
            return slots.size();
        }

        @Override
        public boolean isEmpty() {
            return slots.isEmpty();
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(slots.keySet());
        }

        @Override
        public Set<List<String>> keyPathSet(boolean includeTables) {
            Set<List<String>> out = new HashSet<>();
            for (Map.Entry<String, Slot> e : slots.entrySet()) {
                List<String> base = List.of(e.getKey());
                if (!(e.getValue().value instanceof TomlTable t)) {
                    out.add(base);
                    continue;
                }
                if (includeTables) {
                    out.add(base);
                }
                for (List<String> sub : t.keyPathSet(includeTables)) {
                    List<String> path = new ArrayList<>(sub.size() + 1);
                    path.add(e.getKey());
                    path.addAll(sub);
                    out.add(path);
                }
            }
            return out;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            Set<Map.Entry<String, Object>> out = new LinkedHashSet<>();
            for (Map.Entry<String, Slot> e : slots.entrySet()) {
                out.add(new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue().value));
            }
            return out;
        }

        @Override
        public Set<Map.Entry<List<String>, Object>> entryPathSet(boolean includeTables) {
            Set<Map.Entry<List<String>, Object>> out = new LinkedHashSet<>();
            for (Map.Entry<String, Slot> e : slots.entrySet()) {
                List<String> base = List.of(e.getKey());
                Object value = e.getValue().value;
                if (!(value instanceof TomlTable t)) {
                    out.add(new AbstractMap.SimpleEntry<>(base, value));
                    continue;
                }
                if (includeTables) {
                    out.add(new AbstractMap.SimpleEntry<>(base, value));
                }
                for (Map.Entry<List<String>, Object> sub : t.entryPathSet(includeTables)) {
                    List<String> path = new ArrayList<>(sub.getKey().size() + 1);
                    path.add(e.getKey());
                    path.addAll(sub.getKey());
                    out.add(new AbstractMap.SimpleEntry<>(path, sub.getValue()));
                }
            }
            return out;
        }

        @Override
        public Object get(List<String> path) {
            if (path.isEmpty()) {
                return this;
            }
            Slot slot = slot(path);
            return slot == null ? null : slot.value;
        }

        @Override
        public TomlPosition inputPositionOf(List<String> path) {
            if (path.isEmpty()) {
                return START;
            }
            Slot slot = slot(path);
            return slot == null ? null : slot.position;
        }

        private Slot slot(List<String> path) {
            Table table = this;
            for (int i = 0; i < path.size() - 1; i++) {
                Slot slot = table.slots.get(path.get(i));
                if (slot == null || !(slot.value instanceof Table t)) {
                    return null;
                }
                table = t;
            }
            return table.slots.get(path.get(path.size() - 1));
        }

        @Override
        public Map<String, Object> toMap() {
            return slots.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value));
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    private static final TomlArray EMPTY = new Array(false);

    /** An array with tomlj's behaviour: elements of any types, each with its position. */
    private static final class Array implements TomlArray {
        final List<Object> values = new ArrayList<>();
        final List<TomlPosition> positions = new ArrayList<>();
        final boolean ofTables; // made by [[headers]]

        Array(boolean ofTables) {
            this.ofTables = ofTables;
        }

        void add(Object value, TomlPosition position) {
            values.add(value);
            positions.add(position);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }

        private boolean contains() {
            if (values.isEmpty()) {
                return false;
            }
            throw new UnsupportedOperationException("Deprecated (after 0.5.0, arrays are heterogeneous)");
        }

        @Override
        public boolean containsStrings() {
            return contains();
        }

        @Override
        public boolean containsLongs() {
            return contains();
        }

        @Override
        public boolean containsDoubles() {
            return contains();
        }

        @Override
        public boolean containsBooleans() {
            return contains();
        }

        @Override
        public boolean containsOffsetDateTimes() {
            return contains();
        }

        @Override
        public boolean containsLocalDateTimes() {
            return contains();
        }

        @Override
        public boolean containsLocalDates() {
            return contains();
        }

        @Override
        public boolean containsLocalTimes() {
            return contains();
        }

        @Override
        public boolean containsArrays() {
            return contains();
        }

        @Override
        public boolean containsTables() {
            return contains();
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public TomlPosition inputPositionOf(int index) {
            return positions.get(index);
        }

        @Override
        public List<Object> toList() {
            return new ArrayList<>(values);
        }

        @Override
        public String toString() {
            return toJson();
        }
    }
}
