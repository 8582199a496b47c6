package dev.radar.scan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A compact copy of every stored result ({@code results/NAME.json}) in one file of the output folder,
 * {@code state.idx}, loaded once at the start of a run and written (atomically) at its end: what lets an
 * unchanged repository, and its share of the summary, cost a map look-up instead of parsing its JSON result.
 * <p>
 * The per-repository result files stay the state of record (a crash, {@code --resume} and a merge work from them
 * exactly as before); the index is only a cache of them and is never trusted blindly: each entry remembers the
 * identity of the result file it was made from (inode, size, modification time; every result is written to a new
 * file and renamed into place, so a rewritten result is a new inode), and an entry whose file does not match any
 * more is ignored and the JSON read instead. An index that is torn, corrupt (checksum), of another format or
 * written for another repository name is ignored as a whole; the next run's end writes it afresh.
 */
final class StateIndex {
    static final String FILE = "state.idx";

    private static final byte[] MAGIC = "RADAR-STATE-INDEX\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    /** One result: the file it was made from and the encoded result. */
    private record Entry(String fileId, byte[] data, boolean verified) {}

    private final Path file;
    private final ScanStore store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private String problem;

    private StateIndex(ScanStore store) {
        this.store = store;
        this.file = store.root().resolve(FILE);
    }

    /** The index of an output folder; empty (and every result read from its JSON) when it is missing or unreadable. */
    static StateIndex load(ScanStore store) {
        StateIndex index = new StateIndex(store);
        if (!Files.exists(index.file)) {
            return index;
        }
        try {
            index.entries.putAll(parse(index.file));
        } catch (NoSuchFileException e) {
            // gone since: nothing to use
        } catch (IOException | RuntimeException e) {
            index.problem = FILE + " ignored (" + e.getMessage() + "); it is rebuilt from the results";
        }
        return index;
    }

    /** Why the stored index was not used (it is then rebuilt), or null. */
    String problem() {
        return problem;
    }

    int size() {
        return entries.size();
    }

    /**
     * The result of a repository from the index when the entry still matches its result file, else read from the
     * file (and remembered). Empty when there is no readable result.
     */
    Optional<RepoResult> result(String name) {
        return result(name, true);
    }

    /**
     * As {@link #result}, without the finding, usage and technology rows (empty lists) when it comes from the index:
     * what deciding whether a repository is unchanged needs.
     */
    Optional<RepoResult> header(String name) {
        return result(name, false);
    }

    private Optional<RepoResult> result(String name, boolean rows) {
        Entry e = entries.get(name);
        if (e != null) {
            if (e.verified() || e.fileId().equals(fileId(store.result(name)))) {
                try {
                    RepoResult r = decode(e.data(), rows);
                    if (r.schemaVersion() == RepoResult.SCHEMA_VERSION && name.equals(r.name())) {
                        if (!e.verified()) {
                            entries.put(name, new Entry(e.fileId(), e.data(), true));
                        }
                        return Optional.of(r);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // a corrupt entry: read the file
                }
            }
            entries.remove(name);
        }
        String before = fileId(store.result(name));
        Optional<RepoResult> read = store.readResult(name);
        if (read.isPresent() && before != null && before.equals(fileId(store.result(name)))) {
            entries.put(name, new Entry(before, encode(read.get()), true));
        }
        return read;
    }

    /** Notes a result just written to its file by this run. */
    void stored(RepoResult result) {
        String id = fileId(store.result(result.name()));
        if (id == null) {
            entries.remove(result.name());
        } else {
            entries.put(result.name(), new Entry(id, encode(result), true));
        }
    }

    /** Writes the index of the named repositories (others are dropped), atomically. */
    void write(Iterable<String> names) throws IOException {
        Map<String, Entry> keep = new TreeMap<>();
        for (String name : names) {
            Entry e = entries.get(name);
            if (e != null) {
                keep.put(name, e);
            }
        }
        writeAtomically(file, stream -> {
            CheckedOutputStream checked = new CheckedOutputStream(stream, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(keep.size());
            for (Map.Entry<String, Entry> e : keep.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue().fileId());
                out.writeInt(e.getValue().data().length);
                out.write(e.getValue().data());
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            new DataOutputStream(stream).writeLong(crc);
        });
    }

    /** Deletes the index (a run that cannot vouch for it). */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Reads an index file as a stream (no copy of the whole file in memory); throws when anything is off. */
    static Map<String, Entry> parse(Path file) throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + 16) {
            throw new IOException("too short");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a state index");
            }
            if (in.readInt() != FORMAT) {
                throw new IOException("another format");
            }
            int count = in.readInt();
            if (count < 0 || count > size) {
                throw new IOException("bad entry count");
            }
            Map<String, Entry> out = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = readString(in, size);
                String fileId = readString(in, size);
                int length = in.readInt();
                if (name == null || fileId == null || length < 0 || length > size) {
                    throw new IOException("bad entry");
                }
                byte[] data = new byte[length];
                in.readFully(data);
                out.put(name, new Entry(fileId, data, false));
            }
            long computed = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != computed) {
                throw new IOException("checksum mismatch");
            }
            if (raw.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return out;
        } catch (EOFException e) {
            throw new IOException("torn: it ends early");
        }
    }

    /**
     * Identifies a version of a result file: its inode, size and modification time. Null when there is no such
     * file.
     */
    static String fileId(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            return a.fileKey() + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a binary file. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                : Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // --- the encoding of a result ---

    static byte[] encode(RepoResult r) {
        Out out = new Out();
        {
            out.writeInt(r.schemaVersion());
            writeString(out, r.name());
            writeString(out, r.team());
            writeStrings(out, r.tags());
            writeString(out, r.location());
            writeString(out, r.branch());
            writeString(out, r.status());
            writeString(out, r.revision());
            writeString(out, r.config());
            writeString(out, r.runId());
            writeString(out, r.evaluated());
            out.writeBoolean(r.dateSensitive());
            out.writeInt(r.counts().error());
            out.writeInt(r.counts().warning());
            out.writeInt(r.counts().info());
            out.writeInt(r.counts().excepted());
            out.writeInt(r.dependencies());
            out.writeInt(r.problems());
            out.writeBoolean(r.failure() != null);
            if (r.failure() != null) {
                writeString(out, r.failure().stage());
                writeString(out, r.failure().message());
            }
            out.writeInt(r.findings().size());
            for (RepoResult.FindingRow f : r.findings()) {
                writeString(out, f.ruleId());
                writeString(out, f.severity());
                writeString(out, f.status());
                writeString(out, f.entryId());
                writeString(out, f.subject());
                writeString(out, f.file());
                out.writeInt(f.line());
                writeString(out, f.message());
                writeString(out, f.exceptionId());
            }
            out.writeInt(r.usages().size());
            for (RepoResult.UsageRow u : r.usages()) {
                writeString(out, u.entryId());
                writeString(out, u.ecosystem());
                writeString(out, u.coordinate());
                writeString(out, u.version());
            }
            out.writeInt(r.notOnRadar().size());
            for (RepoResult.TechRow t : r.notOnRadar()) {
                writeString(out, t.ecosystem());
                writeString(out, t.coordinate());
                writeString(out, t.version());
            }
            return out.toByteArray();
        }
    }

    static RepoResult decode(byte[] data) throws IOException {
        return decode(data, true);
    }

    static RepoResult decode(byte[] data, boolean rows) throws IOException {
        In in = new In(data);
        int schema = in.readInt();
        String name = readString(in);
        String team = readString(in);
        List<String> tags = readStrings(in);
        String location = readString(in);
        String branch = readString(in);
        String status = readString(in);
        String revision = readString(in);
        String config = readString(in);
        String runId = readString(in);
        String evaluated = readString(in);
        boolean dateSensitive = in.readBoolean();
        RepoResult.Counts counts = new RepoResult.Counts(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int dependencies = in.readInt();
        int problems = in.readInt();
        RepoResult.Failure failure = in.readBoolean() ? new RepoResult.Failure(readString(in), readString(in)) : null;
        if (!rows) {
            return new RepoResult(schema, name, team, tags, location, branch, status, revision, config, runId, evaluated, dateSensitive,
                    counts, dependencies, problems, failure, null, null, null);
        }
        int n = count(in, data);
        List<RepoResult.FindingRow> findings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            findings.add(new RepoResult.FindingRow(readString(in), readString(in), readString(in), readString(in), readString(in),
                    readString(in), in.readInt(), readString(in), readString(in)));
        }
        n = count(in, data);
        List<RepoResult.UsageRow> usages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            usages.add(new RepoResult.UsageRow(readString(in), readString(in), readString(in), readString(in)));
        }
        n = count(in, data);
        List<RepoResult.TechRow> unknown = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unknown.add(new RepoResult.TechRow(readString(in), readString(in), readString(in)));
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return new RepoResult(schema, name, team, tags, location, branch, status, revision, config, runId, evaluated, dateSensitive,
                counts, dependencies, problems, failure, findings, usages, unknown);
    }

    private static int count(In in, byte[] data) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > data.length) {
            throw new IOException("bad count");
        }
        return n;
    }

    private static void writeStrings(Out out, List<String> values) {
        out.writeInt(values.size());
        for (String v : values) {
            writeString(out, v);
        }
    }

    private static List<String> readStrings(In in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("bad count");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readString(in));
        }
        return out;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeString(Out out, String s) {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(In in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length");
        }
        String v = new String(in.data, in.pos, n, StandardCharsets.UTF_8);
        in.pos += n;
        return v;
    }

    /** A growing byte array (no locking, unlike ByteArrayOutputStream and DataOutputStream). */
    private static final class Out {
        private byte[] buf = new byte[1024];
        private int len;

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        void writeInt(int v) {
            ensure(4);
            buf[len++] = (byte) (v >>> 24);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        void writeBoolean(boolean v) {
            ensure(1);
            buf[len++] = (byte) (v ? 1 : 0);
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    /** Reads what {@link Out} wrote; running past the end is an {@link EOFException}. */
    private static final class In {
        private final byte[] data;
        private int pos;

        In(byte[] data) {
            this.data = data;
        }

        int readInt() throws EOFException {
            if (pos + 4 > data.length) {
                throw new EOFException("entry ends early");
            }
            int v = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8 | (data[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        boolean readBoolean() throws IOException {
            if (pos >= data.length) {
                throw new EOFException("entry ends early");
            }
            byte b = data[pos++];
            if (b != 0 && b != 1) {
                throw new IOException("bad boolean");
            }
            return b == 1;
        }

        int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        int available() {
            return data.length - pos;
        }
    }

    private static String readString(DataInputStream in, long bound) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > bound) {
            throw new IOException("bad string length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
