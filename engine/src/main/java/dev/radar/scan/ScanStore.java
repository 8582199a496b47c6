package dev.radar.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.radar.report.Report;
import dev.radar.report.ReportFormats;
import dev.radar.report.ReportWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output folder of a scan, which is also its state:
 * <pre>
 * summary.json  index.html  catalog.json  run.json  journal.log
 * repos/NAME.json  repos/NAME.sarif     per-repository reports
 * results/NAME.json                     per-repository results ({@link RepoResult}): the incremental state
 * history/YYYY-MM-DD.json               one trend point per day
 * </pre>
 * Every file is written atomically; a repository's result is written after its reports, so a crash leaves
 * either the old result or the new one with its reports.
 */
final class ScanStore {
    static final String SUMMARY = "summary.json";
    static final String INDEX = "index.html";
    static final String CATALOG = "catalog.json";
    static final String RUN = "run.json";
    static final String JOURNAL = "journal.log";
    static final String REPOS = "repos";
    static final String RESULTS = "results";
    static final String HISTORY = "history";
    static final String LOCK = ".radar-scan.lock";

    private static final ReportWriter JSON = ReportFormats.byName("json").orElseThrow();
    private static final ReportWriter SARIF = ReportFormats.byName("sarif").orElseThrow();

    private final Path root;
    private BufferedWriter journal;

    ScanStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path result(String name) {
        return root.resolve(RESULTS).resolve(name + ".json");
    }

    Path reportJson(String name) {
        return root.resolve(REPOS).resolve(name + ".json");
    }

    Path reportSarif(String name) {
        return root.resolve(REPOS).resolve(name + ".sarif");
    }

    /** The stored result of a repository; empty when there is none or it cannot be read (it is then redone). */
    Optional<RepoResult> readResult(String name) {
        Path f = result(name);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            RepoResult r = ScanJson.read(f, RepoResult.class);
            return r.schemaVersion() == RepoResult.SCHEMA_VERSION && name.equals(r.name()) ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A stored result without its finding, usage and technology rows (empty lists), read from the top of the file
     * only: all an unchanged repository costs. Empty when there is no readable result.
     */
    Optional<RepoResult> readHeader(String name) {
        Path f = result(name);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (JsonParser p = ScanJson.MAPPER.getFactory().createParser(f.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            ObjectNode header = ScanJson.MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if ("findings".equals(field)) {
                    break; // the rows come last
                }
                p.nextToken();
                header.set(field, ScanJson.MAPPER.readTree(p));
            }
            RepoResult r = ScanJson.MAPPER.treeToValue(header, RepoResult.class);
            return r.schemaVersion() == RepoResult.SCHEMA_VERSION && name.equals(r.name()) ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A checked repository: its JSON and SARIF reports, then its result. */
    void writeChecked(RepoResult result, Report report) throws IOException {
        ScanOutputException.write(reportJson(result.name()), w -> JSON.write(report, w));
        ScanOutputException.write(reportSarif(result.name()), w -> SARIF.write(report, w));
        ScanJson.write(result(result.name()), result);
    }

    /** A repository that could not be scanned: no report is left that could pass for tonight's. */
    void writeFailed(RepoResult result) throws IOException {
        delete(reportJson(result.name()));
        delete(reportSarif(result.name()));
        ScanJson.write(result(result.name()), result);
    }

    /** Copies a repository's files from another output folder (a shard) into this one. */
    void copyFrom(ScanStore other, String name) throws IOException {
        for (Path[] pair : new Path[][] {
            {other.reportJson(name), reportJson(name)}, {other.reportSarif(name), reportSarif(name)}, {other.result(name), result(name)}}) {
            if (Files.isRegularFile(pair[0])) {
                byte[] bytes = Files.readAllBytes(pair[0]);
                ScanOutputException.write(pair[1], w -> w.write(new String(bytes, StandardCharsets.UTF_8)));
            }
        }
    }

    /** Names of every stored result, sorted. */
    List<String> resultNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : names(root.resolve(RESULTS))) {
            if (n.endsWith(".json") && !n.startsWith(".")) {
                out.add(n.substring(0, n.length() - ".json".length()));
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The names in a folder, unsorted; none when it does not exist. */
    private static String[] names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new String[0];
        }
        String[] names = dir.toFile().list();
        if (names == null) {
            throw new IOException("cannot list " + dir);
        }
        return names;
    }

    /** Removes results and reports of repositories that are no longer in the scan (renamed, deleted, other shard). */
    void prune(Set<String> keep) throws IOException {
        for (String name : resultNames()) {
            if (!keep.contains(name)) {
                delete(result(name));
                delete(reportJson(name));
                delete(reportSarif(name));
            }
        }
    }

    Optional<RunRecord> readRun() {
        try {
            Path f = root.resolve(RUN);
            return Files.isRegularFile(f) ? Optional.of(ScanJson.read(f, RunRecord.class)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void writeRun(RunRecord run) throws IOException {
        ScanJson.write(root.resolve(RUN), run);
    }

    Optional<Catalog> readCatalog() throws IOException {
        Path f = root.resolve(CATALOG);
        return Files.isRegularFile(f) ? Optional.of(ScanJson.read(f, Catalog.class)) : Optional.empty();
    }

    void writeCatalog(Catalog catalog) throws IOException {
        ScanJson.write(root.resolve(CATALOG), catalog);
    }

    /**
     * Repositories the journal says run {@code runId} finished. The journal is appended one line per repository
     * after its result is written; a line torn by a crash does not count.
     */
    Set<String> journalled(String runId) throws IOException {
        Path f = root.resolve(JOURNAL);
        Set<String> done = new HashSet<>();
        if (!Files.isRegularFile(f)) {
            return done;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("run " + runId)) {
            return done;
        }
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab > 0 && line.endsWith("\tdone")) {
                done.add(line.substring(0, tab));
            }
        }
        return done;
    }

    /** Starts the journal of a run: a fresh file for a new run, appended to for a resumed one. */
    synchronized void openJournal(String runId, boolean resume) throws IOException {
        Path f = root.resolve(JOURNAL);
        try {
            Files.createDirectories(root);
            if (resume && Files.isRegularFile(f)) {
                journal = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                journal.write("\n"); // a line torn by the crash stays on its own line
            } else {
                // a new journal replaces the old one in one rename: a crash leaves one or the other, never a mix
                ScanOutputException.write(f, w -> w.write("run " + runId + "\n"));
                journal = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            journal.flush();
        } catch (ScanOutputException e) {
            throw e;
        } catch (IOException e) {
            throw new ScanOutputException(f, e);
        }
    }

    /** Notes a finished repository: one line, written and flushed at once, so a crash cannot tear it into another. */
    synchronized void journal(String name) throws IOException {
        try {
            journal.write(name + "\tdone\n");
            journal.flush();
        } catch (IOException e) {
            throw new ScanOutputException(root.resolve(JOURNAL), e);
        }
    }

    /**
     * Repositories whose stored result was written by run {@code runId}: finished by it even when a crash came
     * between the result and its journal line.
     */
    Set<String> resultsOf(String runId, Iterable<String> names) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            readHeader(name).filter(r -> runId.equals(r.runId())).ifPresent(r -> out.add(name));
        }
        return out;
    }

    /**
     * Takes the output folder for this process: a second scan writing the same folder at the same time would mix
     * two runs. The lock is the operating system's, so a killed scan never leaves it behind. Temporary files a
     * killed run left behind ({@code .NAME.*.tmp}, never read) are deleted.
     *
     * @throws ScanOutputException when the folder cannot be written
     * @throws ScanLockedException when another process holds the lock
     */
    Closeable lock() throws IOException {
        Path f = root.resolve(LOCK);
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ScanOutputException(f, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ScanLockedException("another radar scan is writing " + root + " (it holds " + f.getFileName()
                    + "); wait for it to finish or use another --output");
        }
        for (String folder : new String[] {"", REPOS, RESULTS, HISTORY}) {
            Path dir = folder.isEmpty() ? root : root.resolve(folder);
            for (String name : names(dir)) { // names only: tens of thousands of reports need no Path each
                Path p = dir.resolve(name);
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return channel;
    }

    private void delete(Path f) throws IOException {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new ScanOutputException(f, e);
        }
    }

    synchronized void closeJournal() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** All files below a sub-folder, for cleaning up after a run. */
    List<Path> list(String folder) throws IOException {
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }
}
