package dev.radar.scan;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code radar merge}: joins the output folders of the shards of one scan into one output folder with the
 * same summary.json a single run over the whole organisation gives (the summary is a function of the
 * per-repository results, the catalog and the date, and each repository lives in exactly one shard).
 * Shards must have run on the same date with the same configuration; a missing or unfinished shard is
 * reported as incomplete, the rest is merged.
 */
public final class ShardMerge {

    private ShardMerge() {}

    /**
     * Merges shard outputs.
     *
     * @throws ConfigException when an input is not a scan output, or the shards do not belong to one scan
     */
    public static ScanOutcome merge(List<Path> inputs, Path output, int historyDays) throws IOException {
        if (inputs.isEmpty()) {
            throw new ConfigException(new ConfigProblem("radar merge", 0, 0, "give at least one shard output folder"));
        }
        List<ScanStore> stores = new ArrayList<>();
        List<RunRecord> runs = new ArrayList<>();
        Catalog catalog = null;
        for (Path in : inputs) {
            if (in.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw problem(in, "the merge output must be another folder than its inputs");
            }
            ScanStore store = new ScanStore(in);
            RunRecord run = store.readRun().orElseThrow(() -> problem(in, "not a scan output folder (no readable run.json)"));
            Catalog c = store.readCatalog().orElseThrow(() -> problem(in, "not a scan output folder (no catalog.json)"));
            if (!runs.isEmpty()) {
                RunRecord first = runs.get(0);
                if (!first.today().equals(run.today())) {
                    throw problem(in, "ran on " + run.today() + ", but " + inputs.get(0) + " on " + first.today()
                            + ": shards of one scan run with the same --today");
                }
                if (!first.config().equals(run.config()) || !catalog.equals(c)) {
                    throw problem(in, "ran with another radar, policies or exceptions than " + inputs.get(0));
                }
            }
            stores.add(store);
            runs.add(run);
            catalog = c;
        }

        List<String> incomplete = new ArrayList<>();
        Map<Integer, Path> seenShards = new HashMap<>();
        int count = Shard.parse(runs.get(0).shard()).count();
        for (int i = 0; i < runs.size(); i++) {
            Shard shard = Shard.parse(runs.get(i).shard());
            if (shard.count() != count) {
                throw problem(inputs.get(i), "is shard " + shard + ", but " + inputs.get(0) + " is one of " + count + " shards");
            }
            Path other = seenShards.put(shard.index(), inputs.get(i));
            if (other != null) {
                throw problem(inputs.get(i), "is shard " + shard + ", and so is " + other);
            }
            if (!runs.get(i).complete()) {
                incomplete.add("shard " + shard + " (" + inputs.get(i) + ") did not finish; its last results are merged");
            }
        }
        for (int k = 1; k <= count; k++) {
            if (!seenShards.containsKey(k)) {
                incomplete.add("shard " + k + "/" + count + " is missing: its repositories are not in the summary");
            }
        }

        Map<String, ScanStore> owner = new TreeMap<>();
        for (int i = 0; i < stores.size(); i++) {
            for (String name : stores.get(i).resultNames()) {
                ScanStore previous = owner.put(name, stores.get(i));
                if (previous != null) {
                    throw problem(inputs.get(i), "repository " + name + " is also in " + previous.root()
                            + ": these folders are not shards of one scan");
                }
            }
        }

        ScanStore out = new ScanStore(output);
        Files.createDirectories(output);
        out.prune(owner.keySet());
        for (var e : owner.entrySet()) {
            out.copyFrom(e.getValue(), e.getKey());
        }
        out.writeCatalog(catalog);
        RunRecord first = runs.get(0);
        LocalDate today = LocalDate.parse(first.today());
        OrgSummary summary = OrgScan.summarize(out, catalog, new TreeSet<>(owner.keySet()), today, first.source(), Optional.empty());
        List<History.Point> trend = History.record(out, summary, historyDays);
        OrgScan.writeOutputs(out, summary, trend);
        int checked = 0;
        int unchanged = 0;
        int resumed = 0;
        int failed = 0;
        for (RunRecord r : runs) {
            checked += r.checked();
            unchanged += r.unchanged();
            resumed += r.resumed();
            failed += r.failed();
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        RunRecord merged = new RunRecord(1, "merge-" + now.replace(":", ""), RunRecord.COMPLETE, runs.stream().map(RunRecord::started)
                .min(String::compareTo).orElse(now), now, first.today(), first.config(), Shard.ALL.toString(), first.source(),
                owner.size(), checked, unchanged, resumed, failed);
        out.writeRun(merged);
        summary.failures().forEach(f -> incomplete.add(f.repo() + ": " + f.stage() + ": " + f.message()));
        return new ScanOutcome(summary, merged, incomplete);
    }

    private static ConfigException problem(Path dir, String message) {
        return new ConfigException(new ConfigProblem(dir.toString().replace('\\', '/'), 0, 0, message));
    }
}
