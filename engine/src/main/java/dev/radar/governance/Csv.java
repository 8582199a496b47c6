package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields with commas, quotes, line breaks or edge spaces are quoted, quotes doubled. The reader
 * accepts CRLF or LF, quoted line breaks, a byte-order mark, and reports the line of a malformed field.
 */
public final class Csv {
    private Csv() {}

    /** One parsed record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {}

    public static String field(String value) {
        String v = value == null ? "" : value;
        boolean quote = v.isEmpty() ? false : v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    public static String row(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        fields.forEach(f -> out.add(field(f)));
        return String.join(",", out) + "\r\n";
    }

    /** Parses every record; blank lines are skipped. */
    public static List<Row> parse(String file, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    wasQuoted = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new ConfigException(new ConfigProblem(file, line, 0, "a quote inside an unquoted field; quote the whole field and double the quote"));
                }
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                any = false;
                line++;
                start = line;
            } else {
                if (wasQuoted) {
                    throw new ConfigException(new ConfigProblem(file, line, 0, "text after a closing quote; a quoted field ends at the comma"));
                }
                field.append(c);
                any = true;
            }
            i++;
        }
        if (quoted) {
            throw new ConfigException(new ConfigProblem(file, start, 0, "a quoted field is not closed before the end of the file"));
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }
}
