package dev.radar.governance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.LanguageUsage;
import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What governance tools read from an org scan's summary.json: per repository its name, team, recorded
 * dependencies and languages, and optionally a precomputed usage count per radar entry. Unknown keys are
 * ignored, so a richer summary works too; the shape is documented in docs/governance.md.
 *
 * @param usage entry id to the repositories that use it, when the summary records it (empty otherwise)
 */
public record OrgSummary(List<RepoRecord> repos, Map<String, Set<String>> usage, String source) {

    /** One repository as the org scan recorded it. */
    public record RepoRecord(String name, String team, List<Dependency> dependencies, List<LanguageUsage> languages) {
        public RepoRecord {
            team = team == null || team.isBlank() ? "" : team;
            dependencies = List.copyOf(dependencies);
            languages = List.copyOf(languages);
        }

        /** The recorded facts, ready for a rule session (only dependencies and languages are known). */
        public RepoFacts facts() {
            return new RepoFacts(name, dependencies, languages, List.of(), List.of(), List.of());
        }
    }

    public OrgSummary {
        repos = List.copyOf(repos);
        usage = java.util.Collections.unmodifiableMap(new TreeMap<>(usage));
    }

    /** Reads a summary file; malformed JSON or a wrong shape is a {@link ConfigException} at its line and column. */
    public static OrgSummary read(Path file) {
        String name = file.toString().replace('\\', '/');
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read summary: " + e.getMessage()));
        }
    }

    public static OrgSummary parse(String file, String text) {
        JsonNode root;
        try {
            root = GovernanceJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(new ConfigProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("repos").isArray() && !root.path("usage").isObject()) {
            throw new ConfigException(new ConfigProblem(file, 1, 1,
                    "a summary is an object with a 'repos' list (and optionally a 'usage' object); see docs/governance.md"));
        }
        List<RepoRecord> repos = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root.path("repos")) {
            String repo = r.path("name").asText("");
            if (repo.isBlank()) {
                problems.add(new ConfigProblem(file, 0, 0, "repos[" + index + "] has no 'name'"));
                index++;
                continue;
            }
            List<Dependency> deps = new ArrayList<>();
            for (JsonNode d : r.path("dependencies")) {
                Optional<Ecosystem> eco = Ecosystem.byId(d.path("ecosystem").asText(""));
                String depName = d.hasNonNull("name") ? d.path("name").asText() : d.path("coordinate").asText("");
                if (eco.isEmpty() || depName.isBlank()) {
                    problems.add(new ConfigProblem(file, 0, 0, "repos[" + index + "] (" + repo + "): a dependency needs a known 'ecosystem' ("
                            + Ecosystem.ids() + ") and a 'name', found " + d));
                    continue;
                }
                String version = d.path("version").asText("");
                deps.add(new Dependency(repo, eco.get(), d.path("group").asText(""), depName, version, version,
                        d.path("scope").asText(""), d.path("direct").asBoolean(true), d.path("file").asText(""),
                        d.path("line").asInt(0), List.of()));
            }
            List<LanguageUsage> languages = new ArrayList<>();
            for (JsonNode l : r.path("languages")) {
                String language = l.isTextual() ? l.asText() : l.path("language").asText("");
                if (!language.isBlank()) {
                    languages.add(new LanguageUsage(repo, language.toLowerCase(Locale.ROOT), l.path("files").asInt(1),
                            l.path("bytes").asLong(0), l.path("sample").asText("")));
                }
            }
            repos.add(new RepoRecord(repo, r.path("team").asText(""), deps, languages));
            index++;
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, Set<String>> usage = new TreeMap<>();
        root.path("usage").properties().forEach(e -> {
            Set<String> users = new TreeSet<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> users.add(v.asText()));
            } else if (e.getValue().isInt()) {
                for (int i = 0; i < e.getValue().asInt(); i++) {
                    users.add("#" + i); // only a count is known
                }
            }
            usage.put(e.getKey(), users);
        });
        return new OrgSummary(repos, usage, file);
    }
}
