package dev.radar.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the reports' JSON: trees of maps, lists, texts, numbers, booleans and nulls, pretty printed as Jackson's
 * default pretty printer does (two-space indent, {@code " : "}), keys in the maps' own order, LF line endings.
 * Written through Jackson's streaming generator: the output is what {@code ObjectMapper} with {@code INDENT_OUTPUT}
 * gives for the same tree, without building a mapper, whose first use costs a check about 10 ms (its date format
 * reads the locale data) and whose per-value serializer lookup costs an org scan a few percent.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** JSON text written as it is (already formatted for where it goes), e.g. a SARIF rules array shared by a scan. */
    record Raw(String json) {}

    private Json() {}

    /** A map that keeps its keys in the order given (Map.of does not: its order changes between JVM runs). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** Writes a tree, pretty printed, without a final line break; the writer is flushed, not closed. */
    static void write(Writer out, Object tree) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            value(g, tree);
        }
    }

    /** A tree as pretty-printed JSON text. */
    static String text(Object tree) {
        StringWriter out = new StringWriter();
        try {
            write(out, tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Raw raw) {
            g.writeRawValue(raw.json());
        } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            g.writeString(v instanceof Enum<?> e ? e.name() : v.toString());
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as report JSON");
        }
    }
}
