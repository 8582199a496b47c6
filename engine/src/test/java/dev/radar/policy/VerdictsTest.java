package dev.radar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.ExceptionGrant;
import dev.radar.model.ExceptionOrigin;
import dev.radar.model.Finding;
import dev.radar.model.FindingStatus;
import dev.radar.model.Severity;
import dev.radar.model.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the rule base's verdicts become finding statuses, independent of the order rules fired in. */
class VerdictsTest {

    static ExceptionGrant grant(String id) {
        return new ExceptionGrant(id, "RAD-001", "", List.of("*"), List.of(), null, "r", "a", "", List.of(), null, null,
                ExceptionOrigin.CENTRAL, "exceptions.yaml", 1);
    }

    static Finding finding(String subject) {
        return new Finding("RAD-001", Severity.ERROR, "svc", "pom.xml", 7, "m", "", "", subject, "", FindingStatus.OPEN, "");
    }

    @Test
    void excepted_wins_over_expired_then_the_smallest_exception_id_whatever_the_order() {
        Finding f = finding("maven|a:b");
        List<Verdict> verdicts = List.of(new Verdict(f, FindingStatus.EXCEPTION_EXPIRED, grant("EXC-1")),
                new Verdict(f, FindingStatus.EXCEPTED, grant("EXC-3")), new Verdict(f, FindingStatus.EXCEPTED, grant("EXC-2")));
        for (List<Verdict> order : List.of(verdicts, List.of(verdicts.get(2), verdicts.get(1), verdicts.get(0)))) {
            assertThat(PolicyEngine.apply(List.of(f), order)).singleElement().satisfies(out -> {
                assertThat(out.status()).isEqualTo(FindingStatus.EXCEPTED);
                assertThat(out.exceptionId()).isEqualTo("EXC-2");
            });
        }
    }

    @Test
    void findings_without_a_verdict_stay_open() {
        Finding f = finding("maven|a:b");
        Finding other = finding("maven|c:d");
        assertThat(PolicyEngine.apply(List.of(f, other), List.of(new Verdict(f, FindingStatus.EXCEPTION_EXPIRED, grant("EXC-1")))))
                .extracting(Finding::status).containsExactly(FindingStatus.EXCEPTION_EXPIRED, FindingStatus.OPEN);
    }

    @Test
    void every_exception_rule_carries_complete_metadata() {
        PolicyEngine engine = PolicyEngine.load(Optional.empty());
        assertThat(engine.rules()).containsKeys("EXC-001", "EXC-002", "EXC-003", "EXC-004", "EXC-005", "EXC-006", "EXC-007", "EXC-008");
        assertThat(engine.rules().get("EXC-008").severity()).isEqualTo(Severity.INFO);
        assertThat(engine.rules().get("EXC-002").severity()).isEqualTo(Severity.WARNING);
        assertThat(engine.rules().get("EXC-001").file()).isEqualTo("policies/exceptions/lifecycle.drl");
    }
}
