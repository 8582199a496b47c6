package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.LanguageMatcher;
import dev.radar.model.Matcher;
import dev.radar.model.RadarEntry;
import dev.radar.model.Severity;
import dev.radar.radar.Radar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a radar beyond its schema: matchers of different entries that can match the same dependency, entries
 * without matchers, ring moves without a new rationale, exceptions naming unknown entries or rules, and
 * entries no repository uses. Errors make the radar unfit to merge; warnings are for a person to judge.
 */
public final class RadarValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final List<Diagnostic> out = new ArrayList<>();

    private RadarValidator() {}

    /** Every problem found, sorted by file and position. Schema errors stop the other checks (they need a loaded radar). */
    public static List<Diagnostic> validate(ValidationRequest request) {
        RadarValidator v = new RadarValidator();
        v.run(request);
        v.out.sort(Diagnostic.ORDER);
        return List.copyOf(v.out);
    }

    private void run(ValidationRequest request) {
        RadarDocument doc;
        try {
            doc = RadarDocument.parse(request.file(), request.text());
        } catch (ConfigException e) {
            e.problems().forEach(p -> out.add(Diagnostic.of(Severity.ERROR, p)));
            request.exceptions().ifPresent(x -> x.problems().forEach(p -> out.add(Diagnostic.of(Severity.ERROR, p))));
            return;
        }
        overlaps(doc);
        withoutMatchers(doc);
        replacements(doc);
        request.previous().ifPresent(p -> ringMoves(doc, p));
        request.exceptions().ifPresent(x -> exceptions(doc, x, request.ruleIds()));
        request.ruleIds().ifPresent(ids -> standards(doc, ids));
        request.summary().ifPresent(s -> unused(doc, s));
    }

    private void overlaps(RadarDocument doc) {
        Radar radar = doc.radar();
        Map<String, RadarEntry> entries = radar.entries().stream().collect(Collectors.toMap(RadarEntry::id, e -> e));
        List<Matcher> matchers = radar.matchers();
        for (int i = 0; i < matchers.size(); i++) {
            for (int j = i + 1; j < matchers.size(); j++) {
                Matcher a = matchers.get(i);
                Matcher b = matchers.get(j);
                if (a.entryId().equals(b.entryId()) || a.ecosystem() != b.ecosystem() || !patternsMeet(a, b)
                        || a.versions() != null && b.versions() != null && !a.versions().overlaps(b.versions())) {
                    continue;
                }
                report(entries.get(a.entryId()), entries.get(b.entryId()), a.line(), b.file(), b.line(),
                        a.ecosystem().id() + " matcher '" + b.pattern() + "'" + range(b), "'" + a.pattern() + "'" + range(a));
            }
        }
        List<LanguageMatcher> languages = radar.languageMatchers();
        for (int i = 0; i < languages.size(); i++) {
            for (int j = i + 1; j < languages.size(); j++) {
                LanguageMatcher a = languages.get(i);
                LanguageMatcher b = languages.get(j);
                if (!a.entryId().equals(b.entryId()) && a.language().equals(b.language())) {
                    report(entries.get(a.entryId()), entries.get(b.entryId()), a.line(), b.file(), b.line(),
                            "language matcher '" + b.language() + "'", "'" + a.language() + "'");
                }
            }
        }
    }

    private static boolean patternsMeet(Matcher a, Matcher b) {
        if (a.exact() && b.exact()) {
            return a.key().equals(b.key());
        }
        return Patterns.intersect(a.pattern(), b.pattern());
    }

    private static String range(Matcher m) {
        return m.versions() == null ? "" : " " + m.versions();
    }

    private void report(RadarEntry first, RadarEntry second, int firstLine, String file, int line, String what, String other) {
        boolean conflict = first.ring() != second.ring();
        String message = what + " of " + second.id() + " (" + second.ring().id() + ") overlaps " + other + " of " + first.id()
                + " (" + first.ring().id() + ") at line " + firstLine + ": "
                + (conflict ? "a dependency matching both is in two rings at once; "
                        : "a dependency matching both gets two findings; ")
                + "narrow a pattern or give them disjoint version ranges";
        out.add(new Diagnostic(conflict ? Severity.ERROR : Severity.WARNING, file, line, 0, message));
    }

    private void withoutMatchers(RadarDocument doc) {
        Radar radar = doc.radar();
        Set<String> matched = new HashSet<>();
        radar.matchers().forEach(m -> matched.add(m.entryId()));
        radar.languageMatchers().forEach(m -> matched.add(m.entryId()));
        Map<String, int[]> perQuadrant = new HashMap<>(); // quadrant -> {entries, entries without matchers}
        for (RadarEntry e : radar.entries()) {
            int[] n = perQuadrant.computeIfAbsent(e.quadrant(), q -> new int[2]);
            n[0]++;
            if (!matched.contains(e.id())) {
                n[1]++;
            }
        }
        for (RadarEntry e : radar.entries()) {
            if (matched.contains(e.id())) {
                continue;
            }
            int[] n = perQuadrant.get(e.quadrant());
            boolean practices = n[1] * 2 > n[0];
            RadarDocument.EntryDetails d = doc.details(e.id());
            out.add(new Diagnostic(practices ? Severity.INFO : Severity.WARNING, e.file(), d.line(), d.column(), practices
                    ? "entry " + e.id() + " has no matchers: it is shown on the radar but never produces findings (usual for "
                            + doc.quadrantName(e.quadrant()) + ", where most entries have none)"
                    : "entry " + e.id() + " has no matchers, so no repository is ever checked against it; add a 'match' list "
                            + "(see docs/radar-format.md#matchers)"));
        }
    }

    private void replacements(RadarDocument doc) {
        Set<String> ids = doc.entries().stream().map(RadarEntry::id).collect(Collectors.toSet());
        for (RadarEntry e : doc.entries()) {
            if (!e.replacement().isEmpty() && ID.matcher(e.replacement()).matches() && !ids.contains(e.replacement())) {
                RadarDocument.EntryDetails d = doc.details(e.id());
                out.add(new Diagnostic(Severity.WARNING, e.file(), d.line(), d.column(), "replacement '" + e.replacement()
                        + "' of " + e.id() + " looks like an entry id but names no entry; findings will show it as plain text"));
            }
        }
    }

    private void ringMoves(RadarDocument doc, ValidationRequest.Previous previous) {
        Radar before;
        try {
            before = RadarDocument.parse(previous.label(), previous.text()).radar();
        } catch (ConfigException e) {
            out.add(new Diagnostic(Severity.WARNING, doc.file(), 0, 0, "the previous version (" + previous.label()
                    + ") does not load, so ring moves are not checked: " + e.problems().get(0)));
            return;
        }
        Map<String, RadarEntry> old = before.entries().stream().collect(Collectors.toMap(RadarEntry::id, e -> e));
        for (RadarEntry e : doc.entries()) {
            RadarEntry was = old.get(e.id());
            if (was == null || was.ring() == e.ring()) {
                continue;
            }
            RadarDocument.EntryDetails d = doc.details(e.id());
            if (normalise(was.rationale()).equals(normalise(e.rationale()))) {
                out.add(new Diagnostic(Severity.ERROR, e.file(), d.rationaleLine(), d.rationaleColumn(), "entry " + e.id()
                        + " moves from " + was.ring().id() + " to " + e.ring().id() + " (compared with " + previous.label()
                        + ") but its rationale is unchanged: say why it moved"));
            } else if (e.since() != null && e.since().equals(was.since())) {
                out.add(new Diagnostic(Severity.WARNING, e.file(), d.ringLine(), d.ringColumn(), "entry " + e.id() + " moves from "
                        + was.ring().id() + " to " + e.ring().id() + " but 'since' still says " + e.since() + "; set it to the date of the move"));
            }
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private void exceptions(RadarDocument doc, ExceptionRefs refs, Optional<Set<String>> ruleIds) {
        refs.problems().forEach(p -> out.add(Diagnostic.of(Severity.ERROR, p)));
        Set<String> ids = doc.entries().stream().map(RadarEntry::id).collect(Collectors.toSet());
        Map<String, Integer> seen = new HashMap<>();
        for (ExceptionRefs.Ref r : refs.refs()) {
            String name = r.id().isEmpty() ? "an exception" : "exception " + r.id();
            if (!r.id().isEmpty()) {
                Integer first = seen.putIfAbsent(r.id(), r.line());
                if (first != null) {
                    out.add(new Diagnostic(Severity.ERROR, refs.file(), r.line(), r.column(),
                            "duplicate exception id '" + r.id() + "' (first at line " + first + ")"));
                }
            }
            if (!r.entry().isEmpty() && !ids.contains(r.entry())) {
                out.add(new Diagnostic(Severity.ERROR, refs.file(), r.entryLine(), r.entryColumn(), name + " names entry '"
                        + r.entry() + "', which is not in " + doc.file() + suggestion(r.entry(), ids)));
            }
            if (!r.rule().isEmpty() && ruleIds.isPresent() && !ruleIds.get().contains(r.rule())) {
                out.add(new Diagnostic(Severity.ERROR, refs.file(), r.ruleLine(), r.ruleColumn(), name + " names rule '"
                        + r.rule() + "', which the rule base does not have (radar rules lists them)" + suggestion(r.rule(), ruleIds.get())));
            }
        }
    }

    private void standards(RadarDocument doc, Set<String> ruleIds) {
        Map<String, dev.radar.yaml.YamlNode> keys = standardsKeys(doc);
        for (String rule : doc.radar().standards().keySet().stream().sorted().toList()) {
            if (!ruleIds.contains(rule)) {
                dev.radar.yaml.YamlNode key = keys.get(rule);
                out.add(new Diagnostic(Severity.WARNING, doc.file(), key == null ? 0 : key.line(), key == null ? 0 : key.column(),
                        "standards names rule " + rule + ", which the rule base does not have; the override does nothing"
                                + suggestion(rule, ruleIds)));
            }
        }
    }

    /** The key nodes of the standards mapping, for positions. */
    private static Map<String, dev.radar.yaml.YamlNode> standardsKeys(RadarDocument doc) {
        Map<String, dev.radar.yaml.YamlNode> out = new HashMap<>();
        try {
            dev.radar.yaml.YamlNode root = dev.radar.yaml.YamlReader.parse(doc.file(), doc.text());
            dev.radar.yaml.YamlNode standards = root.mapping(new ArrayList<>()).get("standards");
            if (standards != null) {
                standards.entries().forEach(e -> out.put(e.getKey().text(), e.getKey()));
            }
        } catch (dev.radar.yaml.YamlException e) {
            // unreachable: the document was loaded from the same text
        }
        return out;
    }

    private void unused(RadarDocument doc, OrgSummary summary) {
        Map<String, Set<String>> usage = RadarUsage.of(doc.radar(), summary);
        Set<String> matched = new HashSet<>();
        doc.radar().matchers().forEach(m -> matched.add(m.entryId()));
        doc.radar().languageMatchers().forEach(m -> matched.add(m.entryId()));
        for (RadarEntry e : doc.entries()) {
            if (matched.contains(e.id()) && usage.get(e.id()).isEmpty()) {
                RadarDocument.EntryDetails d = doc.details(e.id());
                out.add(new Diagnostic(Severity.WARNING, e.file(), d.line(), d.column(), "entry " + e.id() + " matches nothing in the "
                        + summary.repos().size() + " repositories of " + summary.source()
                        + (e.ring() == dev.radar.model.Ring.HOLD ? ": no repository uses it any more; retire it or check its matchers"
                                : ": check its matchers, or remove it if nobody uses it")));
            }
        }
    }

    /** ", did you mean 'x'?" for a close known name (edit distance at most 2), else empty. */
    static String suggestion(String unknown, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known.stream().sorted().toList()) {
            int d = distance(unknown, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Converts a schema exception into diagnostics, for callers that load a radar themselves. */
    public static List<Diagnostic> of(ConfigException e) {
        return e.problems().stream().map((ConfigProblem p) -> Diagnostic.of(Severity.ERROR, p)).toList();
    }
}
