package dev.radar.governance;

import dev.radar.model.Dependency;
import dev.radar.model.LanguageMatcher;
import dev.radar.model.LanguageUsage;
import dev.radar.model.Matcher;
import dev.radar.radar.Radar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which repositories use each radar entry, judged the way the radar rules judge: a dependency the entry's
 * matcher admits (ecosystem, pattern and version range) or a language its language matcher names.
 */
public final class RadarUsage {
    private RadarUsage() {}

    /**
     * Entry id to the names of the repositories that use it, for every entry of the radar (empty sets for unused
     * ones). Counts recorded in the summary's {@code usage} object are added for entries it names.
     */
    public static Map<String, Set<String>> of(Radar radar, OrgSummary summary) {
        Map<String, Set<String>> out = new TreeMap<>();
        radar.entries().forEach(e -> out.put(e.id(), new TreeSet<>()));
        Map<String, List<Matcher>> exact = new HashMap<>();
        List<Matcher> globs = new ArrayList<>();
        for (Matcher m : radar.matchers()) {
            if (m.exact()) {
                exact.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
            } else {
                globs.add(m);
            }
        }
        for (OrgSummary.RepoRecord repo : summary.repos()) {
            for (Dependency d : repo.dependencies()) {
                for (Matcher m : exact.getOrDefault(d.key(), List.of())) {
                    if (m.admits(d)) {
                        out.get(m.entryId()).add(repo.name());
                    }
                }
                for (Matcher m : globs) {
                    if (m.admits(d)) {
                        out.get(m.entryId()).add(repo.name());
                    }
                }
            }
            for (LanguageUsage l : repo.languages()) {
                for (LanguageMatcher m : radar.languageMatchers()) {
                    if (m.language().equals(l.language().toLowerCase(Locale.ROOT))) {
                        out.get(m.entryId()).add(repo.name());
                    }
                }
            }
        }
        summary.usage().forEach((entry, repos) -> {
            if (out.containsKey(entry)) {
                out.get(entry).addAll(repos);
            }
        });
        return out;
    }
}
