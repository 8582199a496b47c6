package dev.radar.scan;

import dev.radar.model.RadarEntry;
import dev.radar.policy.PolicySource;
import dev.radar.radar.Radar;
import dev.radar.report.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The configuration half of the incremental key: one digest over the radar text, every policy source, the
 * exceptions files and the tool version, so changing any of them re-evaluates every repository; plus the
 * dates the radar names ({@code since}, {@code effective}), so passing one re-evaluates too.
 */
public record ScanConfig(String digest, List<LocalDate> dateMarks) {

    public ScanConfig {
        dateMarks = List.copyOf(dateMarks);
    }

    /**
     * The key of a configuration.
     *
     * @param exceptionFiles exceptions files applied to every repository ({@code --exceptions}); their content is hashed
     */
    public static ScanConfig of(Radar radar, List<PolicySource> policies, List<Path> exceptionFiles) throws IOException {
        MessageDigest md = Digests.sha256();
        add(md, "radar-scan-key/1");
        add(md, "tool " + Tool.version());
        add(md, "radar " + radar.digest());
        List<PolicySource> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(PolicySource::path));
        for (PolicySource p : sorted) {
            add(md, "policy " + p.path());
            add(md, p.text());
        }
        for (Path f : exceptionFiles) {
            add(md, "exceptions " + f.toString().replace('\\', '/'));
            md.update(Files.readAllBytes(f));
            md.update((byte) 0);
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (RadarEntry e : radar.entries()) {
            if (e.since() != null) {
                dates.add(e.since());
            }
            if (e.effective() != null) {
                dates.add(e.effective());
            }
        }
        return new ScanConfig(Digests.hex(md.digest()), List.copyOf(dates));
    }

    /** Whether a radar date lies after {@code from} and on or before {@code to}: date rules may judge differently. */
    public boolean datePassed(LocalDate from, LocalDate to) {
        for (LocalDate d : dateMarks) {
            if (d.isAfter(from) && !d.isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    private static void add(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
