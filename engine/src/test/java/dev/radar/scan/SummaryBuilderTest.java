package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary's per-entry and per-technology users come in name order, and results must arrive in it. */
class SummaryBuilderTest {

    private static RepoResult repo(String name, String log4jVersion, String leftPadVersion) {
        return new RepoResult(RepoResult.SCHEMA_VERSION, name, "team", List.of(), "/" + name, "main", RepoResult.CHECKED,
                "rev", "cfg", "run", "2026-11-22", true, new RepoResult.Counts(0, 0, 0, 0), 2, 0, null, List.of(),
                List.of(new RepoResult.UsageRow("log4j", "maven", "log4j:log4j", log4jVersion),
                        new RepoResult.UsageRow("log4j", "maven", "log4j:log4j", "1.2.9")),
                List.of(new RepoResult.TechRow("npm", "left-pad", leftPadVersion)));
    }

    private static SummaryBuilder builder() {
        Catalog catalog = new Catalog("radar", "radar.yaml", "cfg", List.of(new Catalog.Entry("log4j", "Log4j 1", "libraries", "hold")),
                List.of(), List.of());
        return new SummaryBuilder(catalog, LocalDate.of(2026, 11, 22), "repos.yaml", Optional.empty());
    }

    @Test
    void users_are_listed_by_name_with_their_versions_in_version_order() {
        SummaryBuilder b = builder();
        for (String name : List.of("repo-00002", "repo-00010", "repo-10000", "repo-9")) {
            b.add(repo(name, "1.2.17", "1.0." + name.length()));
        }
        OrgSummary s = b.build();
        assertThat(s.radarUsage()).singleElement().satisfies(u -> {
            assertThat(u.usedBy()).extracting(OrgSummary.RepoVersions::repo)
                    .containsExactly("repo-00002", "repo-00010", "repo-10000", "repo-9");
            assertThat(u.usedBy().get(0).versions()).containsExactly("1.2.9", "1.2.17");
        });
        assertThat(s.notOnRadar()).singleElement().satisfies(t -> assertThat(t.usedBy()).extracting(OrgSummary.RepoVersions::repo)
                .containsExactly("repo-00002", "repo-00010", "repo-10000", "repo-9"));
    }

    @Test
    void a_result_out_of_name_order_is_refused() {
        SummaryBuilder b = builder();
        b.add(repo("repo-b", "1.2.17", "1.0.0"));
        assertThatThrownBy(() -> b.add(repo("repo-a", "1.2.17", "1.0.0"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of order");
    }
}
