package dev.radar.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule base compiled to the Drools executable model: the generated classes, the model classes to instantiate,
 * and where each rule was written. The built-in one is generated at build time into the jar; user policies are
 * compiled at run time and kept in the {@link PolicyCache}.
 *
 * @param build   the engine build the classes were generated for (a hash of the engine's classes)
 * @param key     the content hash of the DRL sources and the build: a model is used only for the same key
 * @param sources the DRL files compiled, relative to their policy folder
 * @param models  class names of the generated {@code org.drools.model.Model}s
 * @param rules   every rule with the DRL file it comes from
 * @param classes generated class files by binary class name; empty when the classes are on the class path
 * @param check   {@link #check(String, List)} of the sources, or empty: how the built-in rule base is matched to the
 *                DRL beside it on every run, where a SHA-256 costs tens of milliseconds of a check's start-up
 */
record CompiledPolicies(String build, String key, List<String> sources, List<String> models, List<RuleSource> rules,
        Map<String, byte[]> classes, String check) {

    private static final String INDEX_HEADER = "radar-compiled-policies 1";
    private static final byte[] MAGIC = "RADARKB2".getBytes(StandardCharsets.US_ASCII);
    private static final int SUM = 16;

    public CompiledPolicies {
        sources = List.copyOf(sources);
        models = List.copyOf(models);
        rules = List.copyOf(rules);
        classes = java.util.Collections.unmodifiableMap(new TreeMap<>(classes));
        check = check == null ? "" : check;
    }

    CompiledPolicies(String build, String key, List<String> sources, List<String> models, List<RuleSource> rules,
            Map<String, byte[]> classes) {
        this(build, key, sources, models, rules, classes, "");
    }

    /** The same rule base with its {@link #check} set. */
    CompiledPolicies withCheck(String sourcesCheck) {
        return new CompiledPolicies(build, key, sources, models, rules, classes, sourcesCheck);
    }

    /**
     * Where a rule is written.
     *
     * @param pkg  the DRL package
     * @param name the rule name
     * @param path the DRL file, relative to its policy folder ({@code radar/rings.drl})
     * @param line the line of the {@code rule} keyword
     */
    public record RuleSource(String pkg, String name, String path, int line) {}

    /** The same rule base with its classes left out (they are on the class path). */
    public CompiledPolicies withoutClasses() {
        return new CompiledPolicies(build, key, sources, models, rules, Map.of(), check);
    }

    /** The text index: key, model classes and rule origins, one per line, tab-separated. */
    public String index() {
        StringBuilder b = new StringBuilder(INDEX_HEADER).append('\n');
        b.append("build\t").append(build).append('\n');
        b.append("key\t").append(key).append('\n');
        if (!check.isEmpty()) {
            b.append("check\t").append(check).append('\n');
        }
        for (String src : sources) {
            b.append("source\t").append(escape(src)).append('\n');
        }
        for (String m : models) {
            b.append("model\t").append(m).append('\n');
        }
        for (RuleSource r : rules) {
            b.append("rule\t").append(escape(r.pkg())).append('\t').append(escape(r.name())).append('\t')
                    .append(escape(r.path())).append('\t').append(r.line()).append('\n');
        }
        return b.toString();
    }

    /**
     * Reads a text index written by {@link #index()}.
     *
     * @throws IllegalArgumentException when the text is not a complete index
     */
    public static CompiledPolicies parseIndex(String text, Map<String, byte[]> classes) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(INDEX_HEADER)) {
            throw new IllegalArgumentException("not a compiled-policies index");
        }
        String build = null;
        String key = null;
        String check = "";
        List<String> sources = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<RuleSource> rules = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            switch (f[0]) {
                case "build" -> build = f[1];
                case "key" -> key = f[1];
                case "check" -> check = f[1];
                case "source" -> sources.add(unescape(f[1]));
                case "model" -> models.add(f[1]);
                case "rule" -> {
                    if (f.length != 5) {
                        throw new IllegalArgumentException("bad rule line " + (i + 1));
                    }
                    rules.add(new RuleSource(unescape(f[1]), unescape(f[2]), unescape(f[3]), Integer.parseInt(f[4])));
                }
                default -> throw new IllegalArgumentException("unknown line " + (i + 1));
            }
        }
        if (build == null || key == null) {
            throw new IllegalArgumentException("index without build or key");
        }
        return new CompiledPolicies(build, key, sources, models, rules, classes, check);
    }

    /** The whole rule base as one self-checking blob: magic, index, classes, and a {@link dev.radar.cache.CacheDir#checksum} of all of it. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buf);
            out.write(MAGIC);
            byte[] index = index().getBytes(StandardCharsets.UTF_8);
            out.writeInt(index.length);
            out.write(index);
            out.writeInt(classes.size());
            for (var e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            byte[] body = buf.toByteArray();
            buf.write(dev.radar.cache.CacheDir.checksum(body, body.length));
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a blob written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when it is truncated, corrupt or of another format
     */
    public static CompiledPolicies fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length + SUM || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a compiled rule base");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - SUM);
        if (!Arrays.equals(dev.radar.cache.CacheDir.checksum(body, body.length), Arrays.copyOfRange(bytes, bytes.length - SUM, bytes.length))) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, MAGIC.length, body.length - MAGIC.length));
            byte[] index = in.readNBytes(in.readInt());
            int n = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                classes.put(name, in.readNBytes(in.readInt()));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return parseIndex(new String(index, StandardCharsets.UTF_8), classes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable compiled rule base: " + e.getMessage(), e);
        }
    }

    /**
     * What a rule base is keyed on: the engine build and every source's path and text, in one text. {@link
     * PolicyCompiler#key} hashes it with SHA-256, {@link #check(String, List)} with the cache's checksum.
     */
    static String keyText(String build, List<PolicySource> sources) {
        StringBuilder b = new StringBuilder("radar-policies/1\n").append(build).append('\n');
        for (PolicySource s : sources) {
            b.append(s.path()).append('\0').append(s.text()).append('\0');
        }
        return b.toString();
    }

    /**
     * A cheap check of the same content as {@link PolicyCompiler#key}: {@code crc32:} and the cache's checksum of
     * {@link #keyText} ({@link dev.radar.cache.CacheDir#key}: CRC-32, CRC-32C, Adler-32 and length, native code with no
     * warm-up). It matches the jar's built-in rule base to the DRL shipped beside it on every run, guarding against a
     * partial build, not against tampering (whoever can edit the jar can edit both).
     */
    static String check(String build, List<PolicySource> sources) {
        return "crc32:" + dev.radar.cache.CacheDir.key(keyText(build, sources));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
