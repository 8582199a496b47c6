package dev.radar.cli;

import dev.radar.scan.OrgSummary;
import dev.radar.scan.RepoResult;
import dev.radar.scan.ScanListener;
import dev.radar.scan.ScanOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scan progress on stderr: a one-line bar with done/total, percentage and ETA on a terminal; one plain log
 * line per repository when stderr is not a terminal or {@code CI=true} (CI logs keep every line).
 */
final class Progress implements ScanListener {

    /** How progress is shown. */
    enum Mode {
        AUTO, BAR, LINES, NONE;

        /** AUTO becomes BAR on an interactive terminal outside CI, LINES otherwise. */
        Mode resolve() {
            if (this != AUTO) {
                return this;
            }
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            return System.console() != null && !ci ? BAR : LINES;
        }
    }

    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final Mode mode;
    private final String command;
    private long start;
    private long lastDraw;
    private boolean barShown;

    Progress(PrintWriter err, Mode mode, String command) {
        this.err = err;
        this.mode = mode;
        this.command = command;
    }

    @Override
    public void started(int total) {
        start = System.nanoTime();
        if (mode == Mode.LINES) {
            err.println("radar " + command + ": " + total + " repositories");
            err.flush();
        }
    }

    @Override
    public void note(String message) {
        if (mode == Mode.NONE) {
            return;
        }
        clearBar();
        err.println("radar " + command + ": " + message);
        err.flush();
    }

    @Override
    public void repository(RepoResult result, Outcome outcome, int done, int total) {
        switch (mode) {
            case LINES -> {
                String width = String.valueOf(total);
                err.printf(Locale.ROOT, "[%" + width.length() + "d/%s] %s: %s%n", done, width, result.name(), describe(result, outcome));
                err.flush();
            }
            case BAR -> {
                if (outcome == Outcome.FAILED) {
                    clearBar();
                    err.println("radar " + command + ": " + result.name() + ": " + describe(result, outcome));
                }
                long now = System.nanoTime();
                if (done == total || now - lastDraw > REDRAW_NANOS || outcome == Outcome.FAILED) {
                    lastDraw = now;
                    drawBar(done, total, result.name(), now);
                }
            }
            default -> { }
        }
    }

    private void drawBar(int done, int total, String name, long now) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double elapsed = (now - start) / 1e9;
        String eta = done == 0 || done == total ? "" : "  ETA " + clock(elapsed / done * (total - done));
        String label = name.length() > 30 ? name.substring(0, 29) + "…" : name;
        err.print("\r\033[2K[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + "  "
                + (total == 0 ? 100 : done * 100 / total) + "%" + eta + "  " + label);
        err.flush();
        barShown = true;
    }

    /** The scan stopped on an error: take the bar off the line so the error message stands alone. */
    void abandon() {
        clearBar();
        err.flush();
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[2K");
            barShown = false;
        }
    }

    private static String describe(RepoResult r, Outcome outcome) {
        return switch (outcome) {
            case FAILED -> "NOT SCANNED (" + (r.failure() == null ? "" : r.failure().stage() + ": " + r.failure().message()) + ")";
            case CHECKED, UNCHANGED, RESUMED -> counts(r) + (outcome == Outcome.CHECKED ? "" : " (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
        };
    }

    private static String counts(RepoResult r) {
        var c = r.counts();
        return c.error() + " error(s), " + c.warning() + " warning(s), " + c.info() + " info" + (r.problems() > 0 ? ", incomplete" : "");
    }

    /** CPU time of this process so far, in nanoseconds, or -1 when the JVM cannot tell. */
    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The closing lines: what happened, the time and CPU time it took, and where the dashboard is. */
    void done(ScanOutcome outcome, Path output, long nanos, long cpuNanos) {
        if (mode == Mode.BAR) {
            clearBar();
        }
        OrgSummary.Totals t = outcome.summary().totals();
        var run = outcome.run();
        err.printf(Locale.ROOT, "radar %s: %d repositories (%d checked, %d unchanged, %d resumed, %d not scanned) in %.1f s%s%n",
                command, t.repos(), run.checked(), run.unchanged(), run.resumed(), t.failed(), nanos / 1e9,
                cpuNanos < 0 ? "" : String.format(Locale.ROOT, " (%.1f s CPU)", cpuNanos / 1e9));
        err.printf(Locale.ROOT, "radar %s: %d of %d compliant (%s); %d open errors, %d warnings%n", command, t.compliant(), t.checked(),
                t.compliance() == null ? "-" : t.compliance().toPlainString() + "%", t.error(), t.warning());
        err.println("radar " + command + ": dashboard " + output.resolve("index.html") + ", summary " + output.resolve("summary.json"));
        err.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
