package dev.radar.check;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase timings of one run, printed to standard error when {@code RADAR_TIMING=1} (or {@code -Dradar.timing=true})
 * is set: where a check's start-up goes (JVM, radar.yaml, rule base, collectors, rules, report). Off by default and
 * then free.
 */
public final class Timings {
    private static final boolean ENABLED = Boolean.getBoolean("radar.timing")
            || (System.getenv("RADAR_TIMING") != null && !System.getenv("RADAR_TIMING").isBlank() && !"0".equals(System.getenv("RADAR_TIMING")));
    private static final List<String> PHASES = new ArrayList<>();
    private static long mainNanos;
    private static long mainUptimeMillis = -1;
    private static long firstPhaseNanos;
    private static long firstPhaseCpu;
    private static long mainCpu;
    private static final java.lang.management.ThreadMXBean THREADS = ENABLED ? java.lang.management.ManagementFactory.getThreadMXBean() : null;

    private Timings() {}

    /** Marks the entry of {@code main}: the JVM's start-up ends here, command-line parsing begins. */
    public static void enteredMain() {
        if (ENABLED) {
            mainNanos = System.nanoTime();
            mainUptimeMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            mainCpu = THREADS.getCurrentThreadCpuTime();
        }
    }

    /** A step that may throw. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs a step, recording its wall time under the phase name when timings are on. */
    public static <T, E extends Exception> T time(String phase, Step<T, E> step) throws E {
        if (!ENABLED) {
            return step.run();
        }
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (firstPhaseNanos == 0 && "main".equals(Thread.currentThread().getName())) {
            firstPhaseNanos = start;
            firstPhaseCpu = cpu;
        }
        try {
            return step.run();
        } finally {
            synchronized (PHASES) {
                long end = System.nanoTime();
                String thread = Thread.currentThread().getName();
                PHASES.add(String.format("%-10s %6.1f ms  (cpu %5.1f ms)  main+%d..%d ms%s", phase, (end - start) / 1e6,
                        (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6, (start - mainNanos) / 1_000_000, (end - mainNanos) / 1_000_000,
                        thread.equals("main") ? "" : " on " + thread));
            }
        }
    }

    /** Prints the recorded phases and the time since the JVM started, when timings are on. */
    public static void print(PrintWriter err) {
        if (!ENABLED) {
            return;
        }
        if (mainUptimeMillis >= 0) {
            err.println(String.format("radar timing: %-10s %6d ms (JVM start to main, uptime incl. the timing beans; main thread cpu %.1f ms)",
                    "jvm", mainUptimeMillis, mainCpu / 1e6));
            if (firstPhaseNanos > 0) {
                err.println(String.format("radar timing: %-10s %6.1f ms  (cpu %5.1f ms)", "cli", (firstPhaseNanos - mainNanos) / 1e6,
                        (firstPhaseCpu - mainCpu) / 1e6));
            }
        }
        synchronized (PHASES) {
            for (String p : PHASES) {
                err.println("radar timing: " + p);
            }
        }
        err.println(String.format("radar timing: %-10s %6d ms (JVM uptime, start-up included)", "total",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        err.flush();
    }
}
