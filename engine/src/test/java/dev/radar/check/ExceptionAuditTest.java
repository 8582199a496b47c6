package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.exceptions.ExceptionLoader;
import dev.radar.exceptions.ExceptionReview;
import dev.radar.exceptions.GrantStatus;
import dev.radar.model.ExceptionOrigin;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exceptions judged on their own ({@code radar exceptions}): the same rules as a check, without a repository. */
class ExceptionAuditTest {

    private static final String RADAR = """
            quadrants: [platforms]
            entries:
              - id: mongodb
                name: MongoDB
                quadrant: platforms
                ring: hold
                rationale: One operational stack.
            policy:
              exceptions:
                trusted-approvers: [alice, bob]
            """;
    private static final String APPROVED = """
                repos: [payments-api]
                reason: r
                adr: a
                approvers: [{name: alice, role: staff-engineer}, {name: bob, role: engineering-manager}]
            """;

    static PolicyEngine engine;
    static Radar radar;

    @BeforeAll
    static void load() {
        engine = PolicyEngine.load(Optional.empty());
        radar = RadarLoader.parse("radar.yaml", RADAR);
    }

    static List<ExceptionReview> review(String exceptions, LocalDate today) {
        var grants = ExceptionLoader.parse("exceptions.yaml", exceptions, ExceptionOrigin.CENTRAL, "");
        return new ExceptionAudit(engine).review(radar, grants, today);
    }

    @Test
    void each_exception_gets_its_status_and_the_problems_at_its_line() {
        List<ExceptionReview> reviews = review("exceptions:\n"
                + "  - id: VALID\n    entry: mongodb\n" + APPROVED + "    granted: 2026-11-01\n    expires: 2027-01-29\n"
                + "  - id: EXPIRING\n    entry: mongodb\n" + APPROVED + "    granted: 2026-09-10\n    expires: 2026-12-06\n"
                + "  - id: EXPIRED\n    entry: mongodb\n" + APPROVED + "    granted: 2026-09-01\n    expires: 2026-11-21\n"
                + "  - id: INVALID\n    entry: mongo\n" + APPROVED + "    granted: 2026-11-01\n    expires: 2027-01-29\n",
                LocalDate.of(2026, 11, 22));
        assertThat(reviews).extracting(r -> r.grant().id() + " " + r.status().id() + " " + r.daysLeft())
                .containsExactly("VALID valid 68", "EXPIRING expiring 14", "EXPIRED expired -1", "INVALID invalid 68");
        assertThat(reviews.get(2).problems()).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("exception EXPIRED (mongodb in payments-api) expired on 2026-11-21"));
        assertThat(reviews.get(3).problems()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("EXC-007");
            assertThat(f.line()).isEqualTo(reviews.get(3).grant().line());
        });
        assertThat(reviews).filteredOn(ExceptionReview::fails).extracting(r -> r.status()).containsExactly(GrantStatus.EXPIRED,
                GrantStatus.INVALID);
    }

    @Test
    void nothing_is_stale_without_a_repository_to_cover() {
        List<ExceptionReview> reviews = review("exceptions:\n  - id: VALID\n    entry: mongodb\n" + APPROVED
                + "    granted: 2026-11-01\n    expires: 2027-01-29\n", LocalDate.of(2026, 11, 22));
        assertThat(reviews).singleElement().satisfies(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void expiring_within_a_window_counts_from_today_to_the_last_valid_day() {
        List<ExceptionReview> reviews = review("exceptions:\n  - id: E\n    entry: mongodb\n" + APPROVED
                + "    granted: 2026-11-01\n    expires: 2026-12-22\n", LocalDate.of(2026, 11, 22));
        assertThat(reviews.get(0).expiresWithin(30)).isTrue();
        assertThat(reviews.get(0).expiresWithin(29)).isFalse();
    }
}
