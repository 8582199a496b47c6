package dev.radar.radar;

import dev.radar.model.Ecosystem;
import dev.radar.model.ExceptionPolicy;
import dev.radar.model.LanguageMatcher;
import dev.radar.model.Matcher;
import dev.radar.model.RadarEntry;
import dev.radar.model.RepoKindOverride;
import dev.radar.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded radar: quadrants, entries and their matchers, and per-rule severity overrides.
 *
 * @param standards rule id to severity; an empty Optional means the rule is switched off
 * @param exceptionPolicy {@code policy.exceptions}: durations, approvals and trust for exceptions
 * @param source    where the radar came from, for messages
 * @param digest    a checksum of the radar text ({@link dev.radar.cache.CacheDir#key}: CRC-32, CRC-32C, Adler-32
 *                  and length), for incremental scans; not a SHA-256, which a check would run cold on its main thread
 * @param repoKinds repositories whose kind (service or library) is set in radar.yaml's {@code repos}
 */
public record Radar(
        String title,
        List<String> quadrants,
        List<RadarEntry> entries,
        List<Matcher> matchers,
        List<LanguageMatcher> languageMatchers,
        Map<String, Optional<Severity>> standards,
        String source,
        String digest,
        ExceptionPolicy exceptionPolicy,
        List<RepoKindOverride> repoKinds) {

    public Radar {
        exceptionPolicy = exceptionPolicy == null ? ExceptionPolicy.DEFAULT : exceptionPolicy;
        quadrants = List.copyOf(quadrants);
        entries = List.copyOf(entries);
        matchers = List.copyOf(matchers);
        languageMatchers = List.copyOf(languageMatchers);
        standards = Map.copyOf(standards);
        repoKinds = List.copyOf(repoKinds);
    }

    /** A radar with the default exception policy and no repository kinds. */
    public Radar(String title, List<String> quadrants, List<RadarEntry> entries, List<Matcher> matchers,
            List<LanguageMatcher> languageMatchers, Map<String, Optional<Severity>> standards, String source, String digest) {
        this(title, quadrants, entries, matchers, languageMatchers, standards, source, digest, ExceptionPolicy.DEFAULT, List.of());
    }

    /** The radar's facts for a rule session: entries, matchers, the exception policy, then repository kinds. */
    public List<Object> facts() {
        return facts(null);
    }

    /**
     * As {@link #facts()}, with only the matchers of these ecosystems (every matcher when null): what a rule base
     * that joins each matcher with a dependency of its ecosystem needs for a repository with dependencies in them.
     */
    public List<Object> facts(Set<Ecosystem> ecosystems) {
        List<Object> out = new ArrayList<>(entries.size() + matchers.size() + languageMatchers.size() + repoKinds.size() + 1);
        out.addAll(entries);
        if (ecosystems == null) {
            out.addAll(matchers);
        } else {
            for (Matcher m : matchers) {
                if (ecosystems.contains(m.ecosystem())) {
                    out.add(m);
                }
            }
        }
        out.addAll(languageMatchers);
        out.add(exceptionPolicy);
        out.addAll(repoKinds);
        return out;
    }

    public Optional<RadarEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
