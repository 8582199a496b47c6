package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rules join wildcard patterns to dependencies on {@link Matcher#groupKey} when a pattern has one: that is only right
 * if every dependency such a pattern recognises has that same {@link Dependency#groupKey}.
 */
class MatcherGroupKeyTest {

    private static Matcher matcher(Ecosystem ecosystem, String pattern) {
        return new Matcher("e", ecosystem, pattern, null, "radar.yaml", 1);
    }

    private static Dependency dependency(Ecosystem ecosystem, String group, String name) {
        return new Dependency("r", ecosystem, group, name, "1.0", "1.0", "compile", true, "pom.xml", 1, List.of());
    }

    @Test
    void a_pattern_with_a_literal_group_keys_on_it_and_others_do_not() {
        assertThat(matcher(Ecosystem.MAVEN, "org.springframework.boot:*").groupKey()).isEqualTo("maven|org.springframework.boot");
        assertThat(matcher(Ecosystem.MAVEN, "jakarta.*:*").groupKey()).isEmpty();
        assertThat(matcher(Ecosystem.MAVEN, "com.fasterxml.jackson*:*").groupKey()).isEmpty();
        assertThat(matcher(Ecosystem.MAVEN, "*:log4j").groupKey()).isEmpty();
        assertThat(matcher(Ecosystem.MAVEN, "org.mongodb:mongodb-driver-sync").groupKey()).as("exact: joined on key").isEmpty();
        assertThat(matcher(Ecosystem.NPM, "@types/*").groupKey()).isEmpty();
        assertThat(dependency(Ecosystem.MAVEN, "org.mongodb", "bson").groupKey()).isEqualTo("maven|org.mongodb");
        assertThat(dependency(Ecosystem.NPM, "", "left-pad").groupKey()).isEmpty();
    }

    @Test
    void whatever_a_keyed_pattern_recognises_has_its_group_key() {
        Random r = new Random(9);
        String[] pieces = {"a", "b", "ab", ".", "-", ":", "*", "?", "org", "x:y", ""};
        int keyed = 0;
        int recognised = 0;
        for (int i = 0; i < 200_000; i++) {
            Ecosystem ecosystem = r.nextBoolean() ? Ecosystem.MAVEN : Ecosystem.values()[r.nextInt(Ecosystem.values().length)];
            String pattern = random(r, pieces, 4);
            String group = random(r, pieces, 2).replace("*", "").replace("?", "");
            String name = random(r, pieces, 2).replace("*", "").replace("?", "");
            if (name.isBlank() || pattern.isBlank()) {
                continue;
            }
            Matcher m = matcher(ecosystem, pattern);
            Dependency d = dependency(ecosystem, group, name);
            if (!m.groupKey().isEmpty()) {
                keyed++;
                if (m.recognises(d)) {
                    recognised++;
                    assertThat(d.groupKey()).as("pattern %s, coordinate %s", pattern, d.coordinate()).isEqualTo(m.groupKey());
                }
            }
        }
        assertThat(keyed).isGreaterThan(10_000);
        assertThat(recognised).isGreaterThan(100);
    }

    private static String random(Random r, String[] pieces, int most) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(most) + 1; k > 0; k--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }
}
