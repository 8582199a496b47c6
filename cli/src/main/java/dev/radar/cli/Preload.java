package dev.radar.cli;

import dev.radar.policy.PolicyEngine;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Start-up overlap for {@code radar check}: the built-in rule base is loaded on a second thread while picocli
 * builds and parses the command line on the main one (both take tens of milliseconds, and CI runners have two or
 * more cores). Started only by {@link Main#main} when the arguments ask for a check without {@code --policies};
 * everything else loads synchronously, with the same results and errors. For {@code radar scan}, the code every
 * org scan runs (its JSON, state index, JGit and dashboard code) is loaded on a second thread while the rule base
 * compiles ({@link dev.radar.scan.OrgScan#warmUp}).
 */
final class Preload {
    private static volatile FutureTask<PolicyEngine> builtIn;
    /** The radar of this check, handed over by the main thread once parsed (see {@link #radarLoaded}). */
    private static final java.util.concurrent.CompletableFuture<dev.radar.radar.Radar> RADAR = new java.util.concurrent.CompletableFuture<>();

    private Preload() {}

    /** Starts loading the built-in rule base when these arguments will need it; true when it did. */
    static boolean start(String... args) {
        if (args.length > 0 && args[0].equals("scan")) {
            Thread t = new Thread(dev.radar.scan.OrgScan::warmUp, "radar-preload");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
            return false;
        }
        if (args.length == 0 || !args[0].equals("check")) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("--policies") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        FutureTask<PolicyEngine> task = new FutureTask<>(() -> dev.radar.check.Timings.time("rule base", () -> PolicyEngine.load(Optional.empty())));
        Thread t = new Thread(() -> {
            task.run();
            dev.radar.check.Timings.time("warm-up", () -> {
                warmUp(task);
                return null;
            });
        }, "radar-preload");
        t.setDaemon(true);
        t.start();
        builtIn = task;
        return true;
    }

    /**
     * After the rule base is handed over: writes an empty JSON report (Jackson's first use is slow, and every check
     * writes a report at its end) and computes one SHA-256 (findings' fingerprints); then, unless the main thread has
     * already begun evaluating, runs one rule session on the radar's entries alone (a session's first creation,
     * insertions and firing load and compile much of Drools), so the main thread finds that code ready. A session warmed while the main thread evaluates would
     * only compete with it for a core. Failures are irrelevant: the real run reports its own.
     */
    private static void warmUp(FutureTask<PolicyEngine> task) {
        try {
            PolicyEngine engine = task.get();
            dev.radar.report.Report empty = dev.radar.report.Report.of("warm-up", java.time.LocalDate.of(2026, 1, 1), "", java.util.List.of(),
                    java.util.List.copyOf(engine.rules().values()), 0, java.util.List.of());
            new dev.radar.report.JsonWriter().write(empty, java.io.Writer.nullWriter());
            // findings' fingerprints are SHA-256: the first use loads the security providers (about 30 ms cold)
            java.security.MessageDigest.getInstance("SHA-256").digest(new byte[64]);
            dev.radar.radar.Radar radar = RADAR.get(2, java.util.concurrent.TimeUnit.SECONDS);
            if (!evaluating) {
                judgeRadarAlone(engine, radar);
            }
        } catch (Exception | LinkageError e) {
            // a warm-up only
        }
    }

    /** Set once the main thread asks for the rule base to evaluate (see {@link #warmUp}). */
    private static volatile boolean evaluating;

    /** The main thread is about to evaluate: a warm-up not yet begun is skipped. */
    static void evaluating() {
        evaluating = true;
    }

    /**
     * Runs one rule session on the radar's entries alone (no repository): a session's first creation, insertions and
     * firing load and compile much of Drools, which the first real session would otherwise pay. Never fails.
     */
    static void judgeRadarAlone(PolicyEngine engine, dev.radar.radar.Radar radar) {
        try {
            java.util.List<Object> facts = new java.util.ArrayList<>(radar.facts());
            facts.add(new dev.radar.model.Today(java.time.LocalDate.of(2026, 1, 1)));
            engine.run(facts, radar.standards());
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only
        }
    }

    /**
     * For {@code radar scan}, once the rule base is built: {@link #judgeRadarAlone} on a second thread while the scan
     * reads which repositories changed, so the first repositories checked do not each pay Drools' first session (about
     * 200 ms per check worker, measured on a 1,000-repository rescan).
     */
    static void warmUpScan(PolicyEngine engine, dev.radar.radar.Radar radar) {
        Thread t = new Thread(() -> judgeRadarAlone(engine, radar), "radar-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Hands the check's parsed radar to the preload thread, which then judges its entries alone (no repository) while
     * the main thread collects the repository: the first real session finds the rule network's code for those facts
     * loaded and compiled.
     */
    static void radarLoaded(dev.radar.radar.Radar radar) {
        RADAR.complete(radar);
    }

    /** The built-in rule base: the preloaded one when {@link #start} began loading it, else loaded now. */
    static PolicyEngine builtInPolicies() {
        FutureTask<PolicyEngine> task = builtIn;
        if (task == null) {
            return PolicyEngine.load(Optional.empty());
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PolicyEngine.load(Optional.empty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the same ConfigException a synchronous load throws
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
