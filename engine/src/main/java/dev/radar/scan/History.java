package dev.radar.scan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trend over past runs: one point per day in {@code history/YYYY-MM-DD.json} of the output folder (a
 * later run on the same day replaces that day's point), kept for a configurable number of days.
 */
public final class History {

    /** The organisation's totals on one day. */
    public record Point(String today, int repos, int checked, int failed, int compliant, BigDecimal compliance, int error,
            int warning, int info, int excepted) {}

    private History() {}

    /** Records the summary's totals as today's point, drops points older than {@code keepDays}, returns the trend. */
    static List<Point> record(ScanStore store, OrgSummary summary, int keepDays) throws IOException {
        OrgSummary.Totals t = summary.totals();
        Point point = new Point(summary.today(), t.repos(), t.checked(), t.failed(), t.compliant(), t.compliance(), t.error(),
                t.warning(), t.info(), t.excepted());
        ScanJson.write(store.root().resolve(ScanStore.HISTORY).resolve(summary.today() + ".json"), point);
        return read(store, LocalDate.parse(summary.today()), keepDays, true);
    }

    /** The points within {@code keepDays} days before {@code today}, oldest first; older ones are deleted when asked. */
    static List<Point> read(ScanStore store, LocalDate today, int keepDays, boolean prune) throws IOException {
        List<Point> out = new ArrayList<>();
        LocalDate oldest = today.minusDays(Math.max(0, keepDays - 1L));
        for (Path f : store.list(ScanStore.HISTORY)) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".json") || name.startsWith(".")) {
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(name.substring(0, name.length() - ".json".length()));
            } catch (DateTimeParseException e) {
                continue;
            }
            if (day.isBefore(oldest)) {
                if (prune) {
                    Files.deleteIfExists(f);
                }
                continue;
            }
            if (day.isAfter(today)) {
                continue;
            }
            try {
                out.add(ScanJson.read(f, Point.class));
            } catch (IOException | RuntimeException e) {
                // a damaged point is left out of the chart, not fatal
            }
        }
        out.sort(Comparator.comparing(Point::today));
        return out;
    }
}
