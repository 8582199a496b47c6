package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radar deps}: the inventory rows, as the corpus conventions (docs/collectors.md) count them. */
class DepsCommandTest {

    @TempDir
    Path dir;

    @Test
    void npm_peer_and_optional_entries_are_listed_only_when_asked_and_still_judged_by_check() throws Exception {
        Files.writeString(dir.resolve("package.json"), """
                {
                  "name": "date-picker",
                  "dependencies": { "left-pad": "1.3.0" },
                  "devDependencies": { "moment": "2.30.1" },
                  "peerDependencies": { "moment": ">=2" },
                  "optionalDependencies": { "fsevents": "2.3.3" }
                }
                """);

        var inventory = CliScenariosIT.run("deps", dir.toString());
        assertThat(inventory.exit()).isZero();
        assertThat(inventory.out().lines().skip(1).map(l -> l.split("\t")[2] + "@" + l.split("\t")[6] + " " + l.split("\t")[7]))
                .containsExactly("left-pad@3 prod", "moment@4 dev");

        var all = CliScenariosIT.run("deps", dir.toString(), "--peer-and-optional");
        assertThat(all.out().lines().skip(1).map(l -> l.split("\t")[2] + "@" + l.split("\t")[6] + " " + l.split("\t")[7]))
                .containsExactly("left-pad@3 prod", "moment@4 dev", "moment@5 peer", "fsevents@6 optional");

        // moment is on hold in the bundled radar: the check judges the peer entry too
        var check = CliScenariosIT.run("check", dir.toString(), "--radar", Path.of("..", "radar.yaml").toString());
        assertThat(check.out()).containsPattern("(?m)^ +5 +error +RAD-001 +moment >=2 is on hold");
    }
}
