package dev.radar.radar;

import dev.radar.model.VersionRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compact binary form of a record graph, driven by the records' own components, so a parsed radar can be kept
 * on disk and read back without parsing YAML. Supports strings, primitives and their boxes, enums (by name),
 * {@link LocalDate}, {@link VersionRange} (by its text), lists, sets, string-keyed maps, optionals and nested
 * records; anything else is {@link UnsupportedOperationException} (and then simply not cached). {@link #schema}
 * describes the shapes, so a changed record never reads old bytes.
 */
final class RecordCodec {
    private RecordCodec() {}

    /** A record type's components and canonical constructor, looked up once per type (reflection is slow cold). */
    private record Shape(RecordComponent[] components, Type[] types, Constructor<?> canonical) {
        static Shape of(Class<?> type) throws NoSuchMethodException {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            Type[] types = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                types[i] = components[i].getGenericType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(raw);
            canonical.setAccessible(true);
            return new Shape(components, types, canonical);
        }
    }

    /** Per encode or decode: record shapes by type, and strings written once and then referred to by number. */
    private static final class Context {
        final Map<Class<?>, Shape> shapes = new java.util.HashMap<>();
        final Map<String, Integer> written = new java.util.HashMap<>();
        final List<String> read = new ArrayList<>();

        Shape shape(Class<?> type) throws NoSuchMethodException {
            Shape s = shapes.get(type);
            if (s == null) {
                s = Shape.of(type);
                shapes.put(type, s);
            }
            return s;
        }
    }

    /** The shape of a record type and everything it contains, e.g. {@code Radar(title:String,...)}. */
    static String schema(Class<?> type) {
        StringBuilder b = new StringBuilder();
        describe(type, b, new java.util.HashSet<>());
        return b.toString();
    }

    private static void describe(Type type, StringBuilder b, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            b.append(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            for (Type t : p.getActualTypeArguments()) {
                describe(t, b, seen);
                b.append(',');
            }
            b.append('>');
            return;
        }
        Class<?> c = (Class<?>) type;
        b.append(c.getName());
        if (c.isRecord() && seen.add(c)) {
            b.append('(');
            for (RecordComponent rc : c.getRecordComponents()) {
                b.append(rc.getName()).append(':');
                describe(rc.getGenericType(), b, seen);
                b.append(';');
            }
            b.append(')');
        } else if (c.isEnum()) {
            b.append(java.util.Arrays.toString(c.getEnumConstants()));
        }
    }

    static byte[] encode(Record value) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(32 * 1024);
            DataOutputStream out = new DataOutputStream(buf);
            write(out, value.getClass(), value, new Context());
            out.flush();
            return buf.toByteArray();
        } catch (IOException | ReflectiveOperationException e) {
            throw new UnsupportedOperationException("cannot encode " + value.getClass().getSimpleName() + ": " + e, e);
        }
    }

    static <T extends Record> T decode(byte[] bytes, Class<T> type) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            T value = type.cast(read(in, type, new Context()));
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return value;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot decode " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static void write(DataOutputStream out, Type type, Object value, Context cx) throws IOException, ReflectiveOperationException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            writePrimitive(out, raw, value);
            return;
        }
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        if (raw == String.class) {
            writeString(out, (String) value, cx);
        } else if (raw == Integer.class || raw == Long.class || raw == Boolean.class || raw == Double.class) {
            writePrimitive(out, raw, value);
        } else if (raw.isEnum()) {
            writeString(out, ((Enum<?>) value).name(), cx);
        } else if (raw == LocalDate.class) {
            out.writeLong(((LocalDate) value).toEpochDay());
        } else if (raw == VersionRange.class) {
            writeString(out, value.toString(), cx);
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) value;
            write(out, argument(type, 0), o.orElse(null), cx);
        } else if (raw == List.class || raw == Set.class || raw == Collection.class) {
            Collection<?> c = (Collection<?>) value;
            out.writeInt(c.size());
            for (Object item : c) {
                write(out, argument(type, 0), item, cx);
            }
        } else if (raw == Map.class && (raw(argument(type, 0)) == String.class || raw(argument(type, 0)).isEnum())) {
            Map<?, ?> m = (Map<?, ?>) value;
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) { // in the map's order: declaration order is meaningful (roles)
                writeString(out, e.getKey() instanceof Enum<?> k ? k.name() : (String) e.getKey(), cx);
                write(out, argument(type, 1), e.getValue(), cx);
            }
        } else if (raw.isRecord()) {
            Shape shape = cx.shape(raw);
            for (int i = 0; i < shape.components().length; i++) {
                write(out, shape.types()[i], shape.components()[i].getAccessor().invoke(value), cx);
            }
        } else {
            throw new UnsupportedOperationException(raw.getName());
        }
    }

    private static Object read(DataInputStream in, Type type, Context cx) throws IOException, ReflectiveOperationException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            return readPrimitive(in, raw);
        }
        if (!in.readBoolean()) {
            return raw == Optional.class ? Optional.empty() : null;
        }
        if (raw == String.class) {
            return readString(in, cx);
        } else if (raw == Integer.class) {
            return readPrimitive(in, int.class);
        } else if (raw == Long.class) {
            return readPrimitive(in, long.class);
        } else if (raw == Boolean.class) {
            return readPrimitive(in, boolean.class);
        } else if (raw == Double.class) {
            return readPrimitive(in, double.class);
        } else if (raw.isEnum()) {
            return enumValue(raw, readString(in, cx));
        } else if (raw == LocalDate.class) {
            return LocalDate.ofEpochDay(in.readLong());
        } else if (raw == VersionRange.class) {
            return VersionRange.parse(readString(in, cx));
        } else if (raw == Optional.class) {
            return Optional.ofNullable(read(in, argument(type, 0), cx));
        } else if (raw == List.class || raw == Collection.class || raw == Set.class) {
            int n = in.readInt();
            Collection<Object> c = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                c.add(read(in, argument(type, 0), cx));
            }
            return c;
        } else if (raw == Map.class) {
            int n = in.readInt();
            Class<?> keyType = raw(argument(type, 0));
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String key = readString(in, cx);
                m.put(keyType.isEnum() ? enumConstant(keyType, key) : key, read(in, argument(type, 1), cx));
            }
            return m;
        } else if (raw.isRecord()) {
            Shape shape = cx.shape(raw);
            Object[] args = new Object[shape.types().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read(in, shape.types()[i], cx);
            }
            return shape.canonical().newInstance(args);
        }
        throw new UnsupportedOperationException(raw.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static void writePrimitive(DataOutputStream out, Class<?> type, Object value) throws IOException {
        if (type == int.class || type == Integer.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class || type == Long.class) {
            out.writeLong((Long) value);
        } else if (type == boolean.class || type == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (type == double.class || type == Double.class) {
            out.writeDouble((Double) value);
        } else {
            throw new UnsupportedOperationException(type.getName());
        }
    }

    private static Object readPrimitive(DataInputStream in, Class<?> type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == boolean.class) {
            return in.readBoolean();
        } else if (type == double.class) {
            return in.readDouble();
        }
        throw new UnsupportedOperationException(type.getName());
    }

    /** A string seen before as its number; a new one as -1 and its UTF-8 bytes. */
    private static void writeString(DataOutputStream out, String s, Context cx) throws IOException {
        Integer known = cx.written.get(s);
        if (known != null) {
            out.writeInt(known);
            return;
        }
        cx.written.put(s, cx.written.size());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(-1);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, Context cx) throws IOException {
        int ref = in.readInt();
        if (ref >= 0) {
            if (ref >= cx.read.size()) {
                throw new IOException("bad string reference " + ref);
            }
            return cx.read.get(ref);
        }
        int n = in.readInt();
        if (ref != -1 || n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        String s = new String(in.readNBytes(n), StandardCharsets.UTF_8);
        cx.read.add(s);
        return s;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new UnsupportedOperationException(type.getTypeName());
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new UnsupportedOperationException("raw " + type.getTypeName());
    }

    /** The constant of an enum by name; an unknown name means the entry came from another engine's shapes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + name, e);
        }
    }
}
