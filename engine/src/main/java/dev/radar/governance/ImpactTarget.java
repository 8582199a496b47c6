package dev.radar.governance;

import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One repository whose findings a radar change may alter: a folder to collect, or facts an org scan recorded.
 *
 * @param team the owning team, or empty when unknown
 * @param dir  the repository folder (collected twice over: once per radar), or null
 * @param recorded facts recorded by an org scan (dependencies and languages only), or null
 */
public record ImpactTarget(String repo, String team, Path dir, RepoFacts recorded) {

    public ImpactTarget {
        team = team == null ? "" : team;
    }

    /** A local repository folder; its team is read from CODEOWNERS (the first owner of the {@code *} pattern) when not given. */
    public static ImpactTarget folder(String repo, String team, Path dir) {
        return new ImpactTarget(repo, team == null || team.isBlank() ? codeOwner(dir) : team, dir, null);
    }

    /** A repository as an org scan's summary recorded it. */
    public static ImpactTarget recorded(OrgSummary.RepoRecord record) {
        return new ImpactTarget(record.name(), record.team(), null, record.facts());
    }

    /** The owner of {@code *} in CODEOWNERS ({@code @acme/payments} gives {@code acme/payments}), else empty. */
    static String codeOwner(Path dir) {
        for (String candidate : List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")) {
            Path f = dir.resolve(candidate);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                String owner = "";
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 2 && parts[0].equals("*")) {
                        owner = parts[1].startsWith("@") ? parts[1].substring(1) : parts[1];
                    }
                }
                return owner.toLowerCase(Locale.ROOT); // the last matching line wins, as in GitHub
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }
}
