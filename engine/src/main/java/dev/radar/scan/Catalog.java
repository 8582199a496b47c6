package dev.radar.scan;

import dev.radar.model.RadarEntry;
import dev.radar.model.RuleInfo;
import dev.radar.radar.Radar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the summary needs to know about the configuration a scan ran with: the radar's entries, the rules'
 * titles and the exceptions. Stored as {@code catalog.json} so {@code radar merge} can build the summary
 * from shard outputs alone.
 *
 * @param config the digest of radar, policies and exceptions ({@link ScanConfig#digest()})
 */
public record Catalog(String title, String radarSource, String config, List<Entry> entries, List<Rule> rules,
        List<ExceptionInfo> exceptions) {

    public Catalog {
        entries = List.copyOf(entries);
        rules = List.copyOf(rules);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** The catalog of a loaded radar and rule base. */
    public static Catalog of(Radar radar, Collection<RuleInfo> rules, ScanConfig config, List<ExceptionInfo> exceptions) {
        List<Entry> entries = new ArrayList<>();
        for (RadarEntry e : radar.entries()) {
            entries.add(new Entry(e.id(), e.name(), e.quadrant(), e.ring().id()));
        }
        List<Rule> ruleRows = new ArrayList<>();
        for (RuleInfo r : rules) {
            ruleRows.add(new Rule(r.id(), r.title(), r.severity().id()));
        }
        ruleRows.sort(java.util.Comparator.comparing(Rule::id));
        return new Catalog(radar.title(), radar.source(), config.digest(), entries, ruleRows, exceptions);
    }

    public Entry entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    public String ruleTitle(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).map(Rule::title).findFirst().orElse(id);
    }

    /** A radar entry as the dashboard shows it. */
    public record Entry(String id, String name, String quadrant, String ring) {}

    /** A rule's id, title and default severity. */
    public record Rule(String id, String title, String severity) {}
}
