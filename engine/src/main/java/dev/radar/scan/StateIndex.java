package dev.radar.scan;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A compact copy of every stored result ({@code results/NAME.json}) in one file of the output folder,
 * {@code state.idx}, mapped once at the start of a run (its entries stay off the heap) and written anew, atomically,
 * while the summary folds every result in name order during the run: what lets an unchanged repository, and its share
 * of the summary, cost a look-up instead of parsing its JSON result.
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
    private static final int FORMAT = 2;

    /** One result in the loaded index file: the identity of the result file it was made from, and where its bytes are. */
    private record Entry(String fileId, int offset, int length) {}

    private final Path file;
    private final ScanStore store;
    /** Loaded once, read-only afterwards. */
    private final Map<String, Entry> entries = new HashMap<>();
    /** The loaded file, mapped: the entries stay off the heap (tens of megabytes at 10,000 repositories). */
    private ByteBuffer mapped;
    /** Entries found to match their result file during this run. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    /** Repositories whose result this run wrote: read from their files, not the index. */
    private final Set<String> replaced = ConcurrentHashMap.newKeySet();
    private String problem;

    private StateIndex(ScanStore store) {
        this.store = store;
        this.file = store.root().resolve(FILE);
    }

    /** An index with no entries (every result read from its JSON); it still writes the next index. */
    static StateIndex empty(ScanStore store) {
        return new StateIndex(store);
    }

    /** The index of an output folder; empty (and every result read from its JSON) when it is missing or unreadable. */
    static StateIndex load(ScanStore store) {
        StateIndex index = new StateIndex(store);
        if (!Files.exists(index.file)) {
            return index;
        }
        try (FileChannel channel = FileChannel.open(index.file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException("too large");
            }
            ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            index.entries.putAll(parse(buffer));
            index.mapped = buffer;
        } catch (NoSuchFileException e) {
            // gone since: nothing to use
        } catch (IOException | RuntimeException e) {
            index.entries.clear();
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
     * file. Empty when there is no readable result.
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
        byte[] data = trusted(name);
        if (data != null) {
            try {
                RepoResult r = decode(data, rows);
                if (r.schemaVersion() == RepoResult.SCHEMA_VERSION && name.equals(r.name())) {
                    return Optional.of(r);
                }
            } catch (IOException | RuntimeException ignored) {
                // a corrupt entry: read the file
            }
            replaced.add(name);
        }
        return store.readResult(name);
    }

    /** The bytes of a repository's entry when it matches its result file, else null. */
    private byte[] trusted(String name) {
        Entry e = replaced.contains(name) ? null : entries.get(name);
        if (e == null) {
            return null;
        }
        if (!verified.contains(name)) {
            if (!e.fileId().equals(fileId(store.result(name)))) {
                replaced.add(name);
                return null;
            }
            verified.add(name);
        }
        byte[] data = new byte[e.length()];
        mapped.duplicate().position(e.offset()).get(data);
        return data;
    }

    /** Notes that this run wrote a repository's result file: the index's entry for it no longer holds. */
    void stored(RepoResult result) {
        replaced.add(result.name());
    }

    /**
     * Starts writing the next index next to the current one. Each result the summary folds through
     * {@link Writer#next} is appended; {@link Writer#commit} puts the file in place. A failure to write it is not a
     * failure of the scan (the index is a cache): the writer then goes on serving results and writes nothing.
     */
    Writer writer() {
        return new Writer();
    }

    /** The next index, written while the summary folds every result once, in name order. */
    final class Writer {
        private Path tmp;
        private CheckedOutputStream checked;
        private DataOutputStream out;
        private int count;
        private final Pool pool = new Pool();

        private Writer() {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempFile(dir, "." + FILE + ".", ".tmp",
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))
                        : Files.createTempFile(dir, "." + FILE + ".", ".tmp");
                checked = new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), new CRC32());
                out = new DataOutputStream(checked);
                out.write(MAGIC);
                out.writeInt(FORMAT);
            } catch (IOException e) {
                abandon();
            }
        }

        /** The result of a repository ({@link StateIndex#result}), appended to the next index. */
        Optional<RepoResult> next(String name) {
            byte[] data = trusted(name);
            RepoResult r = null;
            String id = null;
            if (data != null) {
                try {
                    r = decode(data, true, pool);
                    id = entries.get(name).fileId();
                    if (r.schemaVersion() != RepoResult.SCHEMA_VERSION || !name.equals(r.name())) {
                        r = null;
                    }
                } catch (IOException | RuntimeException e) {
                    r = null;
                }
            }
            if (r == null) {
                id = fileId(store.result(name));
                r = store.readResult(name).orElse(null);
                if (r == null || id == null || !id.equals(fileId(store.result(name)))) {
                    return Optional.ofNullable(r);
                }
                data = encode(r);
            }
            append(name, id, data);
            return Optional.of(r);
        }

        /**
         * A result this run holds in memory, appended to the next index as the version of its result file this run
         * stored (or, for a resumed repository, found): it is not read back.
         */
        RepoResult next(String name, RepoResult result) {
            String id = fileId(store.result(name));
            if (id != null) {
                append(name, id, encode(result));
            }
            return result;
        }

        private void append(String name, String id, byte[] data) {
            if (out == null) {
                return;
            }
            try {
                out.writeByte(1);
                writeString(out, name);
                writeString(out, id);
                out.writeInt(data.length);
                out.write(data);
                count++;
            } catch (IOException e) {
                abandon();
            }
        }

        /** Puts the written index in place (atomically); false when it could not be written. */
        boolean commit() {
            if (out == null) {
                return false;
            }
            try {
                out.writeByte(0);
                out.writeInt(count);
                out.flush();
                long crc = checked.getChecksum().getValue();
                out.writeLong(crc);
                out.close();
                out = null;
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return true;
            } catch (IOException e) {
                abandon();
                return false;
            }
        }

        /** Drops a next index that was not committed (the run failed before): its temporary file is deleted. */
        void discard() {
            abandon();
        }

        private void abandon() {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException ignored) {
                // being dropped anyway
            }
            out = null;
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // a stale .state.idx.*.tmp is deleted by the next run's lock
            }
        }
    }

    /** Parses a (mapped) index file; throws when anything is off: checksum, format, bounds. */
    static Map<String, Entry> parse(ByteBuffer buffer) throws IOException {
        int size = buffer.limit();
        if (size < MAGIC.length + 4 + 1 + 4 + 8) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.duplicate().position(0).limit(size - 8));
        if (buffer.getLong(size - 8) != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
        ByteBuffer in = buffer.duplicate().position(0).limit(size - 8);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a state index");
        }
        if (in.getInt() != FORMAT) {
            throw new IOException("another format");
        }
        Map<String, Entry> out = new HashMap<>();
        try {
            while (in.get() == 1) {
                String name = readString(in);
                String fileId = readString(in);
                int length = in.getInt();
                if (name == null || fileId == null || length < 0 || length > in.remaining()) {
                    throw new IOException("bad entry");
                }
                out.put(name, new Entry(fileId, in.position(), length));
                in.position(in.position() + length);
            }
            if (in.getInt() != out.size() || in.remaining() != 0) {
                throw new IOException("bad entry count");
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("bad entry");
        }
        return out;
    }

    private static String readString(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad string length");
        }
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
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
        return decode(data, rows, null);
    }

    /**
     * Decodes an entry; with a pool, short texts (teams, ids, versions, coordinates) are shared with earlier results,
     * so the summary, which keeps some of them for every repository, holds each once.
     */
    static RepoResult decode(byte[] data, boolean rows, Pool pool) throws IOException {
        In in = new In(data, pool);
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
        String v = in.pool != null && n <= Pool.LONGEST ? in.pool.get(in.data, in.pos, n)
                : new String(in.data, in.pos, n, StandardCharsets.UTF_8);
        in.pos += n;
        return v;
    }

    /**
     * Short texts read from the index, shared by content. They are looked up by their UTF-8 bytes, so a text seen
     * before (a team, rule id, version, coordinate: most of them) costs neither a new String nor its hash; at 10,000
     * repositories the summary reads a few million. Open addressing over byte arrays; not thread-safe (one per
     * {@link Writer}).
     */
    static final class Pool {
        static final int LONGEST = 64;
        private byte[][] keys = new byte[1 << 12][];
        private String[] values = new String[1 << 12];
        private int size;

        String get(byte[] data, int from, int length) {
            int mask = keys.length - 1;
            for (int i = hash(data, from, length) & mask; ; i = (i + 1) & mask) {
                byte[] k = keys[i];
                if (k == null) {
                    String v = new String(data, from, length, StandardCharsets.UTF_8);
                    keys[i] = java.util.Arrays.copyOfRange(data, from, from + length);
                    values[i] = v;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return v;
                }
                if (k.length == length && java.util.Arrays.equals(k, 0, length, data, from, from + length)) {
                    return values[i];
                }
            }
        }

        private void grow() {
            byte[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                byte[] k = oldKeys[j];
                if (k == null) {
                    continue;
                }
                int i = hash(k, 0, k.length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }

        int size() {
            return size;
        }

        private static int hash(byte[] data, int from, int length) {
            int h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + data[i];
            }
            return h ^ h >>> 16;
        }
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
        private final Pool pool;
        private int pos;

        In(byte[] data, Pool pool) {
            this.data = data;
            this.pool = pool;
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

}
