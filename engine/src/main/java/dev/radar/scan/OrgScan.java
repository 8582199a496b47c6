package dev.radar.scan;

import dev.radar.model.ExceptionGrant;

import dev.radar.check.CheckRequest;
import dev.radar.check.CheckResult;
import dev.radar.check.Checker;
import dev.radar.check.Timings;
import dev.radar.collect.RepoTree;
import dev.radar.model.Dependency;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.LanguageMatcher;
import dev.radar.model.LanguageUsage;
import dev.radar.model.Usage;
import dev.radar.policy.PolicyEngine;
import dev.radar.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The nightly org scan. Each repository of the source (in this shard) is fetched (or fingerprinted, for a
 * folder), skipped when its revision and the configuration are unchanged since its stored result, and
 * otherwise checked with the shared rule base on a bounded pool of workers; its reports and result are
 * written atomically as soon as it is done and the run's journal notes it, so a crash loses at most the
 * repositories in flight and {@code --resume} continues from there. Meanwhile the results are folded, one at a
 * time in name order, into the summary (a result checked in this run straight from memory); at the end it is
 * written as summary.json, the trend point and index.html.
 */
public final class OrgScan {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final PolicyEngine engine;
    private final Checker checker;
    private final GitFetcher fetcher;
    private final Redactor redactor;
    private final List<ExceptionGrant> central;
    /** At most this many finished results wait in memory for the fold; beyond, the fold reads them back. */
    private int holding = 256;

    /**
     * A scanner.
     *
     * @param fetcher clones and fetches git sources; null when the source has folders only
     */
    public OrgScan(PolicyEngine engine, GitFetcher fetcher) {
        this(engine, fetcher, List.of());
    }

    /**
     * A scanner that applies the organisation's central exceptions (each repository's own
     * {@code .radar/exceptions.yaml} is read by the check as well).
     */
    public OrgScan(PolicyEngine engine, GitFetcher fetcher, List<ExceptionGrant> centralExceptions) {
        this.central = List.copyOf(centralExceptions);
        this.engine = engine;
        this.checker = new Checker(engine);
        this.fetcher = fetcher;
        this.redactor = fetcher == null ? Redactor.urlsOnly() : fetcher.redactor();
    }

    /**
     * Loads and initialises the code every org scan runs (the JSON of its state files, the state index, JGit's
     * repository, fetch and tree-reading code, the dashboard) on a throw-away example, touching no file: started by the
     * command line on a second thread while the rule base compiles on the first, so a scan does not pay its class
     * loading on its own critical path. Never fails; a failure here only means the scan loads the code itself.
     */
    public static void warmUp() {
        try {
            RepoResult r = new RepoResult(RepoResult.SCHEMA_VERSION, "warm-up", "", List.of(), "", "", RepoResult.CHECKED, "", "", "",
                    "2026-01-01", false, null, 0, 0, null,
                    List.of(new RepoResult.FindingRow("RAD-000", "info", "open", "", "", "", 0, "", "")),
                    List.of(new RepoResult.UsageRow("e", "maven", "g:a", "1.0")), List.of(new RepoResult.TechRow("maven", "g:b", "2.0")));
            String json = ScanJson.MAPPER.writeValueAsString(r);
            ScanJson.MAPPER.readValue(json, RepoResult.class);
            StateIndex.decode(StateIndex.encode(r));
            RunRecord run = new RunRecord(1, "x", RunRecord.RUNNING, "", null, "2026-01-01", "", "", "", 0, 0, 0, 0, 0);
            ScanJson.MAPPER.readValue(ScanJson.MAPPER.writeValueAsString(run), RunRecord.class);
            Catalog catalog = new Catalog("", "", "", List.of(), List.of(), List.of());
            SummaryBuilder b = new SummaryBuilder(catalog, LocalDate.of(2026, 1, 1), "", Optional.empty());
            b.add(r);
            OrgSummary summary = b.build();
            ScanJson.MAPPER.writeValueAsString(summary);
            Dashboard.html(summary, List.of());
            for (String name : List.of("org.eclipse.jgit.api.Git", "org.eclipse.jgit.storage.file.FileRepositoryBuilder",
                    "org.eclipse.jgit.internal.storage.file.FileRepository", "org.eclipse.jgit.api.FetchCommand",
                    "org.eclipse.jgit.transport.Transport", "org.eclipse.jgit.transport.TransportLocal",
                    "org.eclipse.jgit.transport.TransportHttp", "org.eclipse.jgit.transport.FetchProcess",
                    "org.eclipse.jgit.transport.BasePackFetchConnection", "org.eclipse.jgit.transport.UploadPack",
                    "org.eclipse.jgit.transport.PackParser", "org.eclipse.jgit.lib.RefUpdate",
                    "org.eclipse.jgit.revwalk.RevWalk", "org.eclipse.jgit.treewalk.TreeWalk",
                    "org.eclipse.jgit.treewalk.CanonicalTreeParser", "org.eclipse.jgit.util.FS",
                    "org.eclipse.jgit.internal.storage.file.FileSnapshot")) {
                Class.forName(name, true, OrgScan.class.getClassLoader());
            }
        } catch (Exception | LinkageError e) {
            // a warm-up only
        }
    }

    /** Sets how many finished results may wait in memory for the fold (tests: 0 reads every one back). */
    OrgScan holdingAtMost(int results) {
        this.holding = results;
        return this;
    }

    /** The date of the interrupted run in an output folder, for {@code --resume} without {@code --today}. */
    public static Optional<LocalDate> interruptedRunDate(Path output) {
        return new ScanStore(output).readRun().filter(r -> !r.complete()).map(r -> LocalDate.parse(r.today()));
    }

    /** Runs the scan; see the class comment. */
    public ScanOutcome run(ScanRequest request, ScanListener listener) throws IOException {
        ScanStore store = new ScanStore(request.output());
        try (var lock = store.lock()) {
            return run(request, listener, store);
        }
    }

    private ScanOutcome run(ScanRequest request, ScanListener listener, ScanStore store) throws IOException {
        List<RepoSpec> repos = request.source().repos().stream()
                .filter(r -> request.shard().contains(r.name()))
                .sorted(Comparator.comparing(RepoSpec::name))
                .toList();
        ScanListener events = synchronizedListener(listener);
        request.source().warnings().forEach(events::note);

        Optional<RunRecord> previous = store.readRun();
        boolean resuming = false;
        Set<String> done = Set.of();
        Set<String> journalled = Set.of();
        if (request.resume()) {
            RunRecord p = previous.orElse(null);
            if (p != null && !p.complete() && p.config().equals(request.config().digest()) && p.today().equals(request.today().toString())
                    && p.shard().equals(request.shard().toString())) {
                resuming = true;
                journalled = store.journalled(p.runId());
                // a crash between a repository's result and its journal line: the result names the run that wrote it
                Set<String> finished = new TreeSet<>(journalled);
                finished.addAll(store.resultsOf(p.runId(), repos.stream().map(RepoSpec::name).filter(n -> !finished.contains(n)).toList()));
                done = finished;
                events.note("resuming run " + p.runId() + ": " + done.size() + " of " + repos.size() + " repositories already done");
            } else {
                events.note(p == null || p.complete() ? "nothing to resume: the last run completed; starting a new run"
                        : "cannot resume run " + p.runId() + ": it ran with another configuration, date or shard; starting a new run");
            }
        }
        String runId = resuming ? previous.get().runId() : newRunId();
        String started = resuming ? previous.get().started() : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        RunRecord running = new RunRecord(1, runId, RunRecord.RUNNING, started, null, request.today().toString(),
                request.config().digest(), request.shard().toString(), request.source().description(), repos.size(), 0, 0, 0, 0);
        store.writeRun(running);
        Catalog catalog = Catalog.of(request.radar(), engine.rules().values(), request.config(), request.exceptions());
        store.writeCatalog(catalog);
        store.openJournal(runId, resuming);
        // --full re-evaluates every repository: the index would only be verified and set aside, so it is not read
        StateIndex index = request.full() ? StateIndex.empty(store) : StateIndex.load(store);
        if (index.problem() != null) {
            events.note(index.problem());
        }

        Run run = new Run(request, store, index, runId, events, repos);
        Set<String> names = new LinkedHashSet<>();
        repos.forEach(r -> names.add(r.name()));
        StateIndex.Writer nextIndex = index.writer(); // the next state.idx, written as the results are folded
        OrgSummary summary;
        try {
            // the results are folded into the summary in name order while the workers go on: no pass over every
            // result once the last repository is done, and the results checked now are not read back from disk
            SummaryBuilder builder = new SummaryBuilder(catalog, request.today(), request.source().description(),
                    Optional.of(request.shard()));
            try {
                Set<String> finished = done;
                Set<String> journal = journalled;
                Timings.time("scan repos", () -> {
                    run.execute(finished, journal, (name, result) -> builder.add(result != null ? nextIndex.next(name, result)
                            : nextIndex.next(name).orElseGet(() -> missing(name, catalog, request.today()))));
                    return null;
                });
            } finally {
                store.closeJournal();
            }
            store.prune(names);
            OrgSummary folded = Timings.time("summary", builder::build);
            summary = folded;
            List<History.Point> trend = Timings.time("history", () -> request.shard().isAll()
                    ? History.record(store, folded, request.historyDays())
                    : History.read(store, request.today(), request.historyDays(), false));
            Timings.time("outputs", () -> {
                writeOutputs(store, folded, trend);
                return null;
            });
            Timings.time("index", () -> {
                nextIndex.commit();
                return null;
            });
        } finally {
            nextIndex.discard(); // after a failure: no temporary file left behind (a no-op once committed)
        }
        RunRecord finished = new RunRecord(1, runId, RunRecord.COMPLETE, started, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                request.today().toString(), request.config().digest(), request.shard().toString(), request.source().description(),
                repos.size(), run.count(ScanListener.Outcome.CHECKED), run.count(ScanListener.Outcome.UNCHANGED),
                run.count(ScanListener.Outcome.RESUMED), run.count(ScanListener.Outcome.FAILED));
        store.writeRun(finished);
        List<String> incomplete = new ArrayList<>(request.source().warnings());
        summary.failures().forEach(f -> incomplete.add(f.repo() + ": " + f.stage() + ": " + f.message()));
        return new ScanOutcome(summary, finished, incomplete);
    }

    /** Reads the results of the named repositories in name order and folds them into the summary. */
    static OrgSummary summarize(ScanStore store, Catalog catalog, Set<String> names, LocalDate today, String source,
            Optional<Shard> shard) {
        return summarize(store::readResult, catalog, names, today, source, shard);
    }

    /** As above, with the results read by {@code results} (the state index, or the store's files). */
    static OrgSummary summarize(java.util.function.Function<String, Optional<RepoResult>> results, Catalog catalog, Set<String> names,
            LocalDate today, String source, Optional<Shard> shard) {
        SummaryBuilder builder = new SummaryBuilder(catalog, today, source, shard);
        for (String name : new TreeSet<>(names)) {
            builder.add(results.apply(name).orElseGet(() -> missing(name, catalog, today)));
        }
        return builder.build();
    }

    /** What the summary shows for a repository without a readable result. */
    private static RepoResult missing(String name, Catalog catalog, LocalDate today) {
        return new RepoResult(RepoResult.SCHEMA_VERSION, name, "", List.of(), "", "", RepoResult.FAILED, "", catalog.config(), "",
                today.toString(), false, null, 0, 0, new RepoResult.Failure("scan", "no result was stored for this repository"),
                null, null, null);
    }

    static void writeOutputs(ScanStore store, OrgSummary summary, List<History.Point> trend) throws IOException {
        ScanJson.write(store.root().resolve(ScanStore.SUMMARY), summary);
        String html = Dashboard.html(summary, trend);
        ScanOutputException.write(store.root().resolve(ScanStore.INDEX), w -> w.write(html));
    }

    private static String newRunId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return RUN_ID.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
    }

    private static ScanListener synchronizedListener(ScanListener listener) {
        return new ScanListener() {
            @Override
            public synchronized void started(int total) {
                listener.started(total);
            }

            @Override
            public synchronized void repository(RepoResult result, Outcome outcome, int done, int total) {
                listener.repository(result, outcome, done, total);
            }

            @Override
            public synchronized void note(String message) {
                listener.note(message);
            }
        };
    }

    /** Checks that may wait for a check worker. */
    static final int CHECK_QUEUE = 1024;

    /** Takes each repository's result, in name order, as the scan finishes them. */
    @FunctionalInterface
    interface Fold {
        /**
         * @param result the repository's whole result, or null when it is to be read from the state index or the
         *               store (an unchanged repository, whose rows the scan did not read)
         */
        void add(String name, RepoResult result) throws IOException;
    }

    /** One run's workers and bookkeeping. */
    private final class Run {
        /** The fold reads this repository's result from the state index or its file. */
        private static final Object STORED = new Object();

        private final ScanRequest request;
        private final ScanStore store;
        private final StateIndex index;
        private final String runId;
        private final ScanListener events;
        private final List<RepoSpec> repos;
        private final AtomicInteger finished = new AtomicInteger();
        private final Map<ScanListener.Outcome, AtomicInteger> counts = new HashMap<>();
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();
        private final String todayText;
        /** Position of each repository in name order. */
        private final Map<String, Integer> position = new HashMap<>();
        /** Per position, once finished: the result (or {@link #STORED}) until the fold takes it. */
        private final AtomicReferenceArray<Object> ready;
        /** Whole results waiting in {@link #ready}. */
        private final AtomicInteger held = new AtomicInteger();
        /** Writes checked repositories' reports and results, each repository's in order. */
        private ThreadPoolExecutor write;

        Run(ScanRequest request, ScanStore store, StateIndex index, String runId, ScanListener events, List<RepoSpec> repos) {
            this.request = request;
            this.store = store;
            this.index = index;
            this.runId = runId;
            this.events = events;
            this.repos = repos;
            this.todayText = request.today().toString();
            this.ready = new AtomicReferenceArray<>(repos.size());
            for (int i = 0; i < repos.size(); i++) {
                if (position.put(repos.get(i).name(), i) != null) {
                    throw new IllegalArgumentException("two repositories are named " + repos.get(i).name());
                }
            }
            for (ScanListener.Outcome o : ScanListener.Outcome.values()) {
                counts.put(o, new AtomicInteger());
            }
        }

        int count(ScanListener.Outcome outcome) {
            return counts.get(outcome).get();
        }

        /**
         * Scans every repository on the pools and, on this thread meanwhile, hands each result to {@code fold} in name
         * order as soon as it and every repository before it are done.
         */
        void execute(Set<String> done, Set<String> journalled, Fold fold) throws IOException {
            boolean completed = false;
            events.started(repos.size());
            ExecutorService prepare = Executors.newFixedThreadPool(request.fetchJobs(), threads("radar-fetch"));
            // a queued check is a name and a folder (the repository is read when its check starts), so the queue can let
            // the fetchers run well ahead: a fetcher that waits for a check slot holds up every unchanged repository
            // behind it, which is most of a nightly run
            ThreadPoolExecutor check = bounded(request.jobs(), CHECK_QUEUE, "radar-check");
            // a checked repository's files are written on threads of their own: creating and renaming files waits on
            // the file system (journal, writeback) far longer than it computes, and the check workers go on meanwhile
            write = bounded(request.jobs() * 2, request.jobs() * 4, "radar-write");
            try {
                for (RepoSpec spec : repos) {
                    if (done.contains(spec.name())) {
                        RepoResult stored = index.result(spec.name()).orElse(null);
                        if (stored != null) {
                            finish(stored, ScanListener.Outcome.RESUMED, !journalled.contains(spec.name()), true);
                            continue;
                        }
                    }
                    prepare.execute(() -> guarded(spec, () -> prepare(spec, check)));
                }
                for (int i = 0; i < repos.size() && fatal.get() == null; i++) {
                    Object result = await(i);
                    if (result == null) {
                        break; // a fatal error stopped the run
                    }
                    if (result != STORED) {
                        held.decrementAndGet();
                    }
                    fold.add(repos.get(i).name(), result == STORED ? null : (RepoResult) result);
                }
                completed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("scan interrupted", e);
            } finally {
                if (!completed) {
                    // whatever stops this thread (a failing fold, an error) stops the run: the work in flight is
                    // interrupted and must not be recorded as failed
                    fatal.compareAndSet(null, new CancellationException("the scan stopped"));
                }
                prepare.shutdownNow();
                check.shutdownNow();
                write.shutdownNow();
                // after a fatal error, work in flight stops (interrupted) before the journal closes: nothing is
                // written once the run has ended (a fetch that ignores the interrupt gets 30 s in all)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                for (ExecutorService pool : List.of(prepare, check, write)) {
                    try {
                        pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            Throwable f = fatal.get();
            if (f instanceof Error e) {
                throw e;
            }
            if (f instanceof ScanOutputException e) {
                throw e;
            }
            if (f != null) {
                throw new IOException("scan aborted: " + f.getMessage(), f);
            }
        }

        /** Waits until the repository at this position is finished and takes its result; null after a fatal error. */
        private Object await(int i) throws InterruptedException {
            synchronized (ready) {
                Object r;
                while ((r = ready.getAndSet(i, null)) == null) {
                    if (fatal.get() != null) {
                        return null;
                    }
                    ready.wait(200);
                }
                return r;
            }
        }

        /** Fetch or fingerprint; hand the repository to a check worker unless its stored result still holds. */
        private void prepare(RepoSpec spec, ThreadPoolExecutor check) throws IOException {
            RepoResult previous = request.full() ? null : index.header(spec.name()).orElse(null);
            Path dir;
            String revision;
            boolean cached = false;
            try {
                if (spec.isGit()) {
                    if (fetcher == null) {
                        throw new FetchException("no git fetcher configured");
                    }
                    String remote = fetcher.remoteCommit(spec);
                    if (reusable(previous, remote)) {
                        unchanged(previous, spec);
                        return;
                    }
                    GitFetcher.Checkout checkout = fetcher.sync(spec, remote);
                    dir = checkout.dir();
                    revision = checkout.commit();
                    cached = checkout.cached();
                } else {
                    dir = spec.folder();
                    if (!Files.isDirectory(dir)) {
                        throw new FetchException("no such folder: " + spec.location());
                    }
                    revision = TreeFingerprint.of(dir);
                }
            } catch (FetchException e) {
                failed(spec, spec.isGit() ? "fetch" : "read", e.getMessage(), "");
                return;
            } catch (IOException e) {
                failed(spec, "read", String.valueOf(e.getMessage()), "");
                return;
            }
            if (reusable(previous, revision)) {
                unchanged(previous, spec);
                return;
            }
            Path checkoutDir = dir;
            String rev = revision;
            boolean inCache = cached;
            check.execute(() -> guarded(spec, () -> {
                if (spec.isGit()) {
                    checkCommit(spec, checkoutDir, rev, inCache);
                } else {
                    checkFolder(spec, checkoutDir, rev);
                }
            }));
        }

        /**
         * Checks a commit from a git folder's objects: the cached clone's (one that cannot be read is cloned afresh
         * once), or a local repository's, read in place.
         */
        private void checkCommit(RepoSpec spec, Path gitDir, String commit, boolean cached) throws IOException {
            GitTree git;
            try {
                git = GitTree.open(gitDir, commit);
            } catch (IOException first) {
                if (!cached) {
                    failed(spec, "check", "cannot read commit " + commit + " of " + spec.location() + ": " + first.getMessage(), commit);
                    return;
                }
                if (fatal.get() != null) {
                    return; // the run is stopping: a clone that failed to open now is not discarded for it
                }
                GitFetcher.discard(gitDir);
                try {
                    GitFetcher.Checkout again = fetcher.sync(spec, null);
                    git = GitTree.open(again.dir(), commit = again.commit());
                } catch (FetchException | IOException e) {
                    failed(spec, "check", "cannot read the cached clone: " + first.getMessage() + "; cloning it again failed: "
                            + e.getMessage(), commit);
                    return;
                }
            }
            try (GitTree tree = git) {
                check(spec, commit, gitDir, tree.tree());
            }
        }

        private void checkFolder(RepoSpec spec, Path dir, String revision) throws IOException {
            RepoTree tree;
            try {
                tree = RepoTree.walk(dir);
            } catch (IOException e) {
                failed(spec, "check", "cannot read the repository: " + e.getMessage(), revision);
                return;
            }
            check(spec, revision, dir, tree);
        }

        private void check(RepoSpec spec, String revision, Path location, RepoTree tree) throws IOException {
            CheckResult result = checker.run(new CheckRequest(location, spec.name(), request.radar(), request.today(), central), tree);
            CatalogInfo info = spec.team().isEmpty() || spec.tags().isEmpty() ? CatalogInfo.read(tree) : CatalogInfo.NONE;
            RepoResult r = result(spec, revision, result, tree, info);
            Report report = result.report(); // the write holds the report and result only, not the collected facts
            write.execute(() -> guarded(spec, () -> {
                store.writeChecked(r, report);
                index.stored(r);
                finish(r, ScanListener.Outcome.CHECKED, true, true);
            }));
        }

        private boolean reusable(RepoResult previous, String revision) {
            if (previous == null || !previous.checked() || !revision.equals(previous.revision())
                    || !request.config().digest().equals(previous.config())) {
                return false;
            }
            if (previous.evaluated().equals(todayText)) {
                return true; // the common case of a nightly rerun on the same day, without parsing a date per repository
            }
            LocalDate evaluated;
            try {
                evaluated = LocalDate.parse(previous.evaluated());
            } catch (RuntimeException e) {
                return false;
            }
            if (evaluated.equals(request.today())) {
                return true;
            }
            return !previous.dateSensitive() && evaluated.isBefore(request.today())
                    && !request.config().datePassed(evaluated, request.today());
        }

        /** The stored result stands; repos.yaml may still have moved the repository to another team or branch. */
        private void unchanged(RepoResult header, RepoSpec spec) throws IOException {
            boolean teamFromList = !spec.team().isEmpty() && !spec.team().equals(header.team());
            boolean tagsFromList = !spec.tags().isEmpty() && !spec.tags().equals(header.tags());
            if (teamFromList || tagsFromList || !spec.location().equals(header.location()) || !spec.branch().equals(header.branch())) {
                RepoResult p = index.result(spec.name())
                        .orElseThrow(() -> new IOException("the stored result of " + spec.name() + " cannot be read"));
                RepoResult current = new RepoResult(p.schemaVersion(), p.name(), teamFromList ? spec.team() : p.team(),
                        tagsFromList ? spec.tags() : p.tags(), spec.location(), spec.branch(), p.status(), p.revision(), p.config(),
                        p.runId(), p.evaluated(), p.dateSensitive(), p.counts(), p.dependencies(), p.problems(), p.failure(),
                        p.findings(), p.usages(), p.notOnRadar());
                ScanJson.write(store.result(spec.name()), current);
                index.stored(current);
                finish(current, ScanListener.Outcome.UNCHANGED, true, true);
                return;
            }
            finish(header, ScanListener.Outcome.UNCHANGED, true, false);
        }

        private void failed(RepoSpec spec, String stage, String message, String revision) throws IOException {
            if (fatal.get() != null) {
                return; // the run is stopping and this failed with it (interrupted): not a result; --resume redoes it
            }
            RepoResult r = new RepoResult(RepoResult.SCHEMA_VERSION, spec.name(), spec.team(), spec.tags(), spec.location(),
                    spec.branch(), RepoResult.FAILED, revision, request.config().digest(), runId, request.today().toString(), false,
                    null, 0, 0, new RepoResult.Failure(stage, redactor.redact(message)), null, null, null);
            store.writeFailed(r);
            index.stored(r);
            finish(r, ScanListener.Outcome.FAILED, true, true);
        }

        /**
         * A repository is done: journalled, counted, reported, and handed to the fold.
         *
         * @param whole whether {@code result} has its rows (an unchanged repository's header has none)
         */
        private void finish(RepoResult result, ScanListener.Outcome outcome, boolean journal, boolean whole) throws IOException {
            if (journal) {
                store.journal(result.name());
            }
            counts.get(outcome).incrementAndGet();
            events.repository(result, outcome, finished.incrementAndGet(), repos.size());
            Object slot = STORED;
            if (whole && held.incrementAndGet() <= holding) {
                slot = result;
            } else if (whole) {
                held.decrementAndGet(); // the fold is behind: it reads this one back (memory stays flat)
            }
            synchronized (ready) {
                ready.set(position.get(result.name()), slot);
                ready.notifyAll();
            }
        }

        /** Runs one step of one repository; a bug fails that repository, an Error (out of memory) stops the run. */
        private void guarded(RepoSpec spec, Step step) {
            if (fatal.get() != null) {
                return;
            }
            try {
                step.run();
            } catch (Error | ScanOutputException e) {
                fatal.compareAndSet(null, e); // no output can be stored: stop rather than record repositories as failed
            } catch (Exception e) {
                if (fatal.get() != null) {
                    return; // the run is stopping and this failed with it (interrupted): not a result; --resume redoes it
                }
                try {
                    failed(spec, "scan", "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), "");
                } catch (Throwable again) { // an Error too: the repository would never finish and the fold wait forever
                    fatal.compareAndSet(null, again);
                }
            }
        }

        private RepoResult result(RepoSpec spec, String revision, CheckResult check, RepoTree tree, CatalogInfo info) {
            Report report = check.report();
            Map<dev.radar.model.Severity, Integer> c = report.counts();
            List<RepoResult.FindingRow> findings = new ArrayList<>();
            boolean dateSensitive = tree.contains(".radar/exceptions.yaml") || tree.contains(".radar/exceptions.yml");
            Map<String, Dependency> bySite = new HashMap<>();
            for (Dependency d : check.facts().dependencies()) {
                bySite.putIfAbsent(d.key() + "\n" + d.file() + "\n" + d.line(), d);
            }
            TreeSet<RepoResult.TechRow> unknown = new TreeSet<>(Comparator.comparing(RepoResult.TechRow::ecosystem)
                    .thenComparing(RepoResult.TechRow::coordinate).thenComparing(RepoResult.TechRow::version));
            for (Finding f : report.findings()) {
                findings.add(new RepoResult.FindingRow(f.ruleId(), f.severity().id(), f.status().id(), f.entryId(), f.subject(), f.file(),
                        f.line(), f.message(), f.exceptionId()));
                dateSensitive |= f.status() != FindingStatus.OPEN || f.ruleId().startsWith("EXC-");
                if ("RAD-003".equals(f.ruleId())) {
                    Dependency d = bySite.get(f.subject() + "\n" + f.file() + "\n" + f.line());
                    if (d != null) {
                        unknown.add(new RepoResult.TechRow(d.ecosystem().id(), d.coordinate(), version(d)));
                    }
                }
            }
            TreeSet<RepoResult.UsageRow> usages = new TreeSet<>(Comparator.comparing(RepoResult.UsageRow::entryId)
                    .thenComparing(RepoResult.UsageRow::ecosystem).thenComparing(RepoResult.UsageRow::coordinate)
                    .thenComparing(RepoResult.UsageRow::version));
            for (Usage u : check.usages()) {
                Dependency d = u.dependency();
                usages.add(new RepoResult.UsageRow(u.entryId(), d.ecosystem().id(), d.coordinate(), version(d)));
            }
            for (LanguageUsage l : check.facts().languages()) {
                for (LanguageMatcher m : request.radar().languageMatchers()) {
                    if (m.language().equals(l.language())) {
                        usages.add(new RepoResult.UsageRow(m.entryId(), "language", l.language(), ""));
                    }
                }
            }
            String team = !spec.team().isEmpty() ? spec.team() : info.owner();
            List<String> tags = !spec.tags().isEmpty() ? spec.tags() : info.tags();
            return new RepoResult(RepoResult.SCHEMA_VERSION, spec.name(), team, tags, spec.location(), spec.branch(), RepoResult.CHECKED,
                    revision, request.config().digest(), runId, request.today().toString(), dateSensitive,
                    new RepoResult.Counts(c.get(dev.radar.model.Severity.ERROR), c.get(dev.radar.model.Severity.WARNING),
                            c.get(dev.radar.model.Severity.INFO), report.excepted()),
                    report.dependencies(), report.problems().size(), null, findings, List.copyOf(usages), List.copyOf(unknown));
        }
    }

    private static String version(Dependency d) {
        return !d.version().isEmpty() ? d.version() : d.declaredVersion();
    }

    /** One step of a repository's work. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /**
     * A pool of daemon threads whose queue holds at most {@code queue} tasks: a task given to a full pool waits for a
     * free slot, so memory stays flat however many repositories there are.
     */
    private static ThreadPoolExecutor bounded(int threads, int queue, String name) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), threads(name),
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the scan stopped");
                    }
                    try {
                        pool.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted", e);
                    }
                });
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
