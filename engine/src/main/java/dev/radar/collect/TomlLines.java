package dev.radar.collect;

import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlInvalidTypeException;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Source lines of TOML values. tomlj places an array element where the text after the previous separator
 * starts (after {@code [} or {@code ,}), so the element's own line is found by skipping blanks and comments.
 */
final class TomlLines {
    private final String text;
    private final int[] lineStarts;

    TomlLines(String text) {
        this.text = text;
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** The 1-based line where array element {@code i} is written; 0 when unknown. */
    int element(TomlArray array, int i) {
        TomlPosition pos = array.inputPositionOf(i);
        if (pos == null || pos.line() < 1 || pos.line() > lineStarts.length) {
            return 0;
        }
        int lineEnd = pos.line() < lineStarts.length ? lineStarts[pos.line()] : text.length();
        int at = Math.min(lineStarts[pos.line() - 1] + Math.max(0, pos.column() - 1), lineEnd);
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else if (Character.isWhitespace(c) || c == ',' || c == '[') {
                at++;
            } else {
                break;
            }
        }
        return lineOf(Math.min(at, Math.max(0, text.length() - 1)));
    }

    /** The 1-based line of a key of a table (for a {@code [table.key]} header: the header line); 0 when unknown. */
    static int key(TomlTable table, String key) {
        TomlPosition pos = table.inputPositionOf(java.util.List.of(key));
        return pos == null ? 0 : pos.line();
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /**
     * The table at a dotted key; null when absent. A value of another type ({@code dependencies = 1}) is a
     * problem at its line and reads as absent, where tomlj's {@code getTable} would throw.
     */
    static TomlTable table(TomlTable in, List<String> key, String path, Facts out) {
        return typed(in, key, TomlTable.class, "a table", path, out);
    }

    /** The array at a dotted key; null when absent, a problem at its line when the value is of another type. */
    static TomlArray array(TomlTable in, List<String> key, String path, Facts out) {
        return typed(in, key, TomlArray.class, "an array", path, out);
    }

    private static <T> T typed(TomlTable in, List<String> key, Class<T> type, String what, String path, Facts out) {
        if (in == null) {
            return null;
        }
        Object value;
        TomlPosition pos;
        try {
            value = in.get(key);
            pos = value == null ? null : in.inputPositionOf(key);
        } catch (TomlInvalidTypeException | IllegalArgumentException e) {
            return null; // an enclosing key holds a value that is not a table: reported where that table is read
        }
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        out.problem(path, pos == null ? 0 : pos.line(), "'" + String.join(".", key) + "' should be " + what + ", found "
                + (value instanceof TomlTable ? "a table" : value instanceof TomlArray ? "an array" : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                + "; ignored");
        return null;
    }
}
