package dev.radar.report;

import dev.radar.exceptions.ExceptionReview;
import dev.radar.exceptions.GrantStatus;
import dev.radar.model.Approver;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.Finding;
import dev.radar.model.PathGlob;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exceptions with their status on a day ({@code radar exceptions list|expiring|validate}), as an aligned table with
 * each exception's problems below it, as JSON with a {@code schemaVersion}, or as CSV (RFC 4180 quoting, LF line endings, one row per exception).
 */
public final class ExceptionListing {

    /** The output formats of {@code radar exceptions}. */
    public enum Format { TABLE, JSON, CSV }

    public static final List<String> CSV_COLUMNS = List.of("id", "status", "days_left", "expires", "granted", "origin", "entry",
            "rule", "repos", "paths", "versions", "reason", "adr", "ticket", "approvers", "file", "line", "problems");

    private ExceptionListing() {}

    public static void write(Format format, List<ExceptionReview> reviews, LocalDate today, Writer out) throws IOException {
        switch (format) {
            case TABLE -> writeTable(reviews, today, out);
            case JSON -> writeJson(reviews, today, out);
            case CSV -> writeCsv(reviews, out);
        }
    }

    public static void writeTable(List<ExceptionReview> reviews, LocalDate today, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "STATUS", "DAYS LEFT", "EXPIRES", "ORIGIN", "COVERS", "FILE"});
        for (ExceptionReview r : reviews) {
            ExceptionGrant g = r.grant();
            rows.add(new String[] {g.id(), r.status().id(), g.expires() == null ? "-" : String.valueOf(r.daysLeft()),
                date(g.expires()), g.origin().id(), g.scopeText(), g.file() + ":" + g.line()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 2 && n > 0;
                String cell = number ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i];
                line.append(i == row.length - 1 ? cell : String.format("%-" + width[i] + "s  ", cell));
            }
            out.write(line.toString().stripTrailing() + "\n");
            if (n > 0) {
                for (Finding f : reviews.get(n - 1).problems()) {
                    out.write(String.format("    %-7s  %-7s  %s%n", f.severity().id(), f.ruleId(), f.message()));
                }
            }
        }
        Map<GrantStatus, Integer> counts = new EnumMap<>(GrantStatus.class);
        for (GrantStatus s : GrantStatus.values()) {
            counts.put(s, 0);
        }
        reviews.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.write("\n" + reviews.size() + (reviews.size() == 1 ? " exception: " : " exceptions: ")
                + counts.get(GrantStatus.VALID) + " valid, " + counts.get(GrantStatus.EXPIRING) + " expiring, "
                + counts.get(GrantStatus.EXPIRED) + " expired, " + counts.get(GrantStatus.INVALID) + " invalid (today: " + today + ")\n");
    }

    public static void writeJson(List<ExceptionReview> reviews, LocalDate today, Writer out) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExceptionReview r : reviews) {
            ExceptionGrant g = r.grant();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("status", r.status().id());
            m.put("daysLeft", g.expires() == null ? null : r.daysLeft());
            m.put("origin", g.origin().id());
            m.put("entry", g.entry());
            m.put("rule", g.rule());
            m.put("repos", g.repos());
            m.put("paths", g.paths().stream().map(PathGlob::toString).toList());
            m.put("versions", g.versions() == null ? null : g.versions().toString());
            m.put("reason", g.reason());
            m.put("adr", g.adr());
            m.put("ticket", g.ticket());
            m.put("approvers", g.approvers().stream().map(a -> Json.ordered("name", a.name(), "role", a.role())).toList());
            m.put("granted", g.granted() == null ? null : g.granted().toString());
            m.put("expires", g.expires() == null ? null : g.expires().toString());
            m.put("file", g.file());
            m.put("line", g.line());
            m.put("problems", r.problems().stream()
                    .map(f -> Json.ordered("ruleId", f.ruleId(), "severity", f.severity().id(), "message", f.message())).toList());
            rows.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", Report.SCHEMA_VERSION);
        root.put("today", today.toString());
        root.put("exceptions", rows);
        Json.write(out, root);
        out.write("\n");
    }

    public static void writeCsv(List<ExceptionReview> reviews, Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS) + "\n");
        for (ExceptionReview r : reviews) {
            ExceptionGrant g = r.grant();
            List<String> cells = List.of(g.id(), r.status().id(), g.expires() == null ? "" : String.valueOf(r.daysLeft()),
                    iso(g.expires()), iso(g.granted()), g.origin().id(), g.entry(), g.rule(), String.join(" ", g.repos()),
                    g.paths().stream().map(PathGlob::toString).collect(Collectors.joining(" ")),
                    g.versions() == null ? "" : g.versions().toString(), g.reason(), g.adr(), g.ticket(),
                    g.approvers().stream().map(Approver::name).collect(Collectors.joining(" ")),
                    g.file(), String.valueOf(g.line()),
                    r.problems().stream().map(f -> f.ruleId() + ": " + f.message()).collect(Collectors.joining("; ")));
            out.write(cells.stream().map(ExceptionListing::csv).collect(Collectors.joining(",")) + "\n");
        }
    }

    private static String date(LocalDate d) {
        return d == null ? "-" : d.toString();
    }

    private static String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break, doubling quotes. */
    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
