package dev.radar.collect;

import static dev.radar.collect.CollectorFixture.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoModCollectorTest {
    @TempDir
    Path dir;

    @Test
    void require_lines_and_blocks_keep_indirect_as_transitive_and_apply_replacements() {
        RepoFacts facts = new CollectorFixture(dir).file("go.mod", """
                module example.com/app

                go 1.22

                toolchain go1.22.3

                require github.com/single/line v1.0.0

                require (
                	github.com/gin-gonic/gin v1.9.1
                	github.com/stretchr/testify v1.8.4 // indirect
                	golang.org/x/net v0.0.0-20230522175609-2e198f4a06a1
                	github.com/old/thing v2.0.0+incompatible
                	example.com/local/lib v0.0.0-00010101000000-000000000000
                	github.com/forked/pkg v1.2.0 // indirect; keep
                )

                replace example.com/local/lib => ../lib

                replace (
                	github.com/forked/pkg v1.2.0 => github.com/me/pkg v1.2.1-fix
                	github.com/not/required => github.com/x/y v1.0.0
                )

                exclude github.com/bad/mod v1.0.0

                retract v1.0.1
                """).file("go.work", "go 1.22\n\nuse ./app\n").collect(new GoModCollector());

        assertThat(facts.dependencies()).allSatisfy(d -> assertThat(d.ecosystem()).isEqualTo(Ecosystem.GO));
        assertThat(in(facts, "go.mod")).extracting(CollectorFixture::row).containsExactly(
                "|github.com/single/line|v1.0.0|v1.0.0|7",
                "|github.com/gin-gonic/gin|v1.9.1|v1.9.1|10",
                "|github.com/stretchr/testify|v1.8.4|v1.8.4|11",
                "|golang.org/x/net|v0.0.0-20230522175609-2e198f4a06a1|v0.0.0-20230522175609-2e198f4a06a1|12",
                "|github.com/old/thing|v2.0.0+incompatible|v2.0.0+incompatible|13",
                "|example.com/local/lib|v0.0.0-00010101000000-000000000000|v0.0.0-00010101000000-000000000000|14",
                "|github.com/forked/pkg|v1.2.0|v1.2.1-fix|15");
        assertThat(in(facts, "go.mod")).extracting(Dependency::direct).containsExactly(true, true, false, true, true, true, false);
        assertThat(in(facts, "go.mod")).extracting(Dependency::scope)
                .containsExactly("compile", "compile", "indirect", "compile", "compile", "replaced-local", "replaced");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_require_with_an_empty_module_path_is_a_problem_at_its_line() {
        // Found by fuzzing: `"" v1.0.0` in a require block made a dependency without a name.
        RepoFacts facts = new CollectorFixture(dir).file("go.mod", "module m\n\nrequire (\n\t\"\" v1.0.0\n\tgithub.com/ok/ok v1.2.3\n)\n")
                .collect(new GoModCollector());
        assertThat(facts.dependencies()).extracting(Dependency::name).containsExactly("github.com/ok/ok");
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("require directive without a module path");
        });
    }

    @Test
    void go_mod_files_of_vendored_modules_are_not_this_repositorys_declarations() {
        RepoFacts facts = new CollectorFixture(dir)
                .file("go.mod", "module example.com/app\n\ngo 1.16\n\nrequire github.com/acme/lib v1.4.0\n")
                .file("vendor/modules.txt", "# github.com/acme/lib v1.4.0\n## explicit\ngithub.com/acme/lib\n")
                .file("vendor/github.com/acme/lib/go.mod", "module github.com/acme/lib\n\nrequire github.com/other/dep v0.9.0\n")
                .file("tools/vendor/example.com/x/go.mod", "module example.com/x\n\nrequire example.com/y v1.0.0\n")
                .collect(new GoModCollector());

        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::file)
                .containsExactly(tuple("github.com/acme/lib", "go.mod"));
    }
}
