package dev.radar.collect;

import static dev.radar.collect.CollectorFixture.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsCollectorTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', textBlock = """
            requests==2.31.0 -> |requests|==2.31.0|2.31.0|1
            requests[security,socks]>=2.8.1 ; python_version < "3.8" -> |requests|>=2.8.1||1
            Django (>=3.2,<4) -> |Django|>=3.2,<4||1
            numpy===1.26.0 -> |numpy|===1.26.0|1.26.0|1
            flask~=2.0 -> |flask|~=2.0||1
            pkg==1.0.* -> |pkg|==1.0.*||1
            zope.interface >= 5.0, != 5.1 -> |zope.interface|>= 5.0, != 5.1||1
            name @ https://example.com/name-1.0.tar.gz -> |name|https://example.com/name-1.0.tar.gz||1
            pip>=23 --hash=sha256:abc -> |pip|>=23||1
            -e git+https://github.com/acme/tool.git@v1#egg=acme-tool -> |acme-tool|||1
            --editable=git+https://github.com/acme/x.git#egg=x_pkg&subdirectory=s -> |x_pkg|||1
            git+https://github.com/acme/lib.git#egg=acme_lib -> |acme_lib|||1
            https://example.com/dl/v1/fast_kernels-1.2.0+cu12-cp311-cp311-linux_x86_64.whl; platform_system == "Linux" -> |fast_kernels|https://example.com/dl/v1/fast_kernels-1.2.0+cu12-cp311-cp311-linux_x86_64.whl||1
            https://example.com/models/tiny_model-3.1.0-py3-none-any.whl#sha256=abc -> |tiny_model|https://example.com/models/tiny_model-3.1.0-py3-none-any.whl#sha256=abc||1
            uvicorn  # the server -> |uvicorn|||1
            """)
    void a_requirement_line_gives_name_without_extras_and_the_specifier_as_written(String line, String expected) {
        RepoFacts facts = new CollectorFixture(dir).file("requirements.txt", line.strip() + "\n").collect(new RequirementsCollector());

        assertThat(in(facts, "requirements.txt")).extracting(CollectorFixture::row).containsExactly(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --index-url https://pypi.example.com/simple
            --extra-index-url=https://pypi.example.com/simple
            -i https://pypi.example.com/simple
            --find-links ./wheels
            -e .
            ./local/package
            https://example.com/archive/tool.tar.gz
            "# only a comment"
            --require-hashes
            """)
    void option_comment_and_path_lines_are_not_dependencies(String line) {
        RepoFacts facts = new CollectorFixture(dir).file("requirements.txt", line + "\n").collect(new RequirementsCollector());

        assertThat(facts.dependencies()).isEmpty();
    }

    @Test
    void continuations_with_hashes_count_once_at_their_first_line_and_includes_are_read_as_their_own_files() {
        RepoFacts facts = new CollectorFixture(dir)
                .file("requirements.txt", """
                        # pinned with hashes
                        cryptography==41.0.3 \\
                            --hash=sha256:aaa \\
                            --hash=sha256:bbb
                        attrs[tests]==23.1.0 ; python_version >= "3.7" \\
                            --hash=sha256:ccc
                        -r base.txt
                        -c constraints.txt
                        --requirement missing.txt
                        """)
                .file("base.txt", "six==1.16.0\n")
                .file("constraints.txt", "\nurllib3<2\n")
                .collect(new RequirementsCollector());

        assertThat(in(facts, "requirements.txt")).extracting(CollectorFixture::row).containsExactly(
                "|cryptography|==41.0.3|41.0.3|2", "|attrs|==23.1.0|23.1.0|5");
        assertThat(in(facts, "base.txt")).extracting(CollectorFixture::row).containsExactly("|six|==1.16.0|1.16.0|1");
        assertThat(in(facts, "base.txt")).extracting(Dependency::scope).containsExactly("runtime");
        assertThat(in(facts, "constraints.txt")).extracting(CollectorFixture::row).containsExactly("|urllib3|<2||2");
        assertThat(in(facts, "constraints.txt")).extracting(Dependency::scope).containsExactly("constraint");
        assertThat(facts.dependencies()).allSatisfy(d -> assertThat(d.ecosystem()).isEqualTo(Ecosystem.PYPI));
        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("requirements.txt");
            assertThat(p.line()).isEqualTo(9);
        });
    }

    @Test
    void files_in_a_subfolder_of_a_requirements_folder_count_like_its_own_files() {
        RepoFacts facts = new CollectorFixture(dir)
                .file("requirements/constraints.txt", "django<5\n")
                .file("requirements/app/base.txt", "django==4.2.7\n    # via -r requirements/app/base.in\n")
                .file("requirements/app/docs.in", "-c ../constraints.txt\nsphinx\n")
                .file("requirements/sandbox/releases/v2.txt", "numpy==1.26.4\n")
                .file("docs/app/notes.txt", "hello world\n")
                .collect(new RequirementsCollector());

        assertThat(facts.dependencies()).extracting(d -> d.file() + ":" + d.name() + ":" + d.line()).containsExactlyInAnyOrder(
                "requirements/constraints.txt:django:1",
                "requirements/app/base.txt:django:1",
                "requirements/app/docs.in:sphinx:2",
                "requirements/sandbox/releases/v2.txt:numpy:1");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void pip_tools_in_files_count_but_other_in_files_do_not() {
        RepoFacts facts = new CollectorFixture(dir)
                .file("requirements/dev.in", "pytest\n")
                .file("tools/base.in", "black\n")
                .file("tools/base.txt", "black==23.7.0\n")
                .file("MANIFEST.in", "include README.md\n")
                .file("src/config.h.in", "#define VERSION 1\n")
                .file("notes.txt", "hello world\n")
                .collect(new RequirementsCollector());

        assertThat(facts.dependencies()).extracting(d -> d.file() + ":" + d.name())
                .containsExactlyInAnyOrder("requirements/dev.in:pytest", "tools/base.in:black");
    }

    @Test
    void a_long_run_of_continuation_lines_is_read_in_linear_time() {
        // Bug: each continuation re-ran the comment regex over the whole growing logical line, so 200,000
        // continuation lines took minutes (quadratic); the fuzzer's one-second limit calls such an input a hang.
        String text = "requests==2.31.0 \\\n" + "  --hash=sha256:aa \\\n".repeat(200_000) + "  --hash=sha256:bb\nflask\n";
        RepoFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new CollectorFixture(dir).file("requirements.txt", text).collect(new RequirementsCollector()));
        assertThat(facts.dependencies()).extracting(Dependency::name, Dependency::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requests", 1), org.assertj.core.groups.Tuple.tuple("flask", 200_003));
    }
}
