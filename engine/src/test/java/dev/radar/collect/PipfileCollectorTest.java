package dev.radar.collect;

import static dev.radar.collect.CollectorFixture.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipfileCollectorTest {
    @TempDir
    Path dir;

    @Test
    void pipfile_packages_resolve_through_pipfile_lock_which_also_lists_locked_packages() {
        RepoFacts facts = new CollectorFixture(dir).file("Pipfile", """
                [[source]]
                url = "https://pypi.org/simple"
                verify_ssl = true
                name = "pypi"

                [packages]
                requests = "*"
                django = {version = "==4.2.5", extras = ["bcrypt"]}

                [dev-packages]
                pytest = ">=7"
                """).file("Pipfile.lock", """
                {
                    "_meta": {"hash": {"sha256": "x"}, "pipfile-spec": 6},
                    "default": {
                        "requests": {"hashes": ["sha256:a"], "version": "==2.31.0"},
                        "django": {"version": "==4.2.5"},
                        "certifi": {"version": "==2023.7.22"}
                    },
                    "develop": {
                        "pytest": {"version": "==7.4.0"}
                    }
                }
                """).collect(new PipfileCollector());

        assertThat(in(facts, "Pipfile")).extracting(CollectorFixture::row).containsExactly(
                "|requests|*|2.31.0|7", "|django|==4.2.5|4.2.5|8", "|pytest|>=7|7.4.0|11");
        assertThat(in(facts, "Pipfile")).extracting(Dependency::scope).containsExactly("runtime", "runtime", "dev");
        assertThat(in(facts, "Pipfile.lock")).extracting(CollectorFixture::row).containsExactly(
                "|requests|2.31.0|2.31.0|4", "|django|4.2.5|4.2.5|5", "|certifi|2023.7.22|2023.7.22|6", "|pytest|7.4.0|7.4.0|9");
        assertThat(in(facts, "Pipfile.lock")).allSatisfy(d -> assertThat(d.direct()).isFalse());
    }

    @Test
    void custom_package_categories_are_read_from_the_pipfile_and_its_lock_and_settings_tables_are_not() {
        RepoFacts facts = new CollectorFixture(dir).file("Pipfile", """
                [packages]
                requests = "*"

                [docs]
                sphinx = "*"
                furo = "==2024.1.29"

                [scripts]
                serve = "python -m http.server"

                [pipenv]
                allow_prereleases = false

                [requires]
                python_version = "3.12"
                """).file("Pipfile.lock", """
                {
                    "_meta": {"hash": {"sha256": "x"}, "pipfile-spec": 6},
                    "default": {"requests": {"version": "==2.31.0"}},
                    "docs": {
                        "sphinx": {"version": "==7.2.6"},
                        "furo": {"version": "==2024.1.29"}
                    }
                }
                """).collect(new PipfileCollector());

        assertThat(in(facts, "Pipfile")).extracting(CollectorFixture::row).containsExactly(
                "|requests|*|2.31.0|2", "|sphinx|*|7.2.6|5", "|furo|==2024.1.29|2024.1.29|6");
        assertThat(in(facts, "Pipfile")).extracting(Dependency::scope).containsExactly("runtime", "dev", "dev");
        assertThat(in(facts, "Pipfile.lock")).extracting(CollectorFixture::row).containsExactly(
                "|requests|2.31.0|2.31.0|3", "|sphinx|7.2.6|7.2.6|5", "|furo|2024.1.29|2024.1.29|6");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_packages_value_that_is_not_a_table_is_a_problem_at_its_line() {
        // Found by fuzzing: tomlj's getTable threw TomlInvalidTypeException out of the collector.
        RepoFacts facts = new CollectorFixture(dir.resolve("typed")).file("Pipfile", """
                packages = "requests"
                [dev-packages]
                pytest = "*"
                """).collect(new PipfileCollector());
        assertThat(facts.problems()).extracting(p -> p.line() + " " + p.message())
                .containsExactly("1 'packages' should be a table, found string; ignored");
        assertThat(facts.dependencies()).extracting(d -> d.name()).containsExactly("pytest");
    }

    @Test
    void a_package_without_a_name_is_a_problem_at_its_line_in_the_pipfile_and_the_lock() {
        RepoFacts facts = new CollectorFixture(dir.resolve("nameless")).file("Pipfile", """
                [packages]
                "" = "*"
                requests = "*"
                """).file("Pipfile.lock", """
                {
                    "default": {
                        "": {"version": "==1.0"},
                        "requests": {"version": "==2.31.0"}
                    }
                }
                """).collect(new PipfileCollector());

        assertThat(facts.dependencies()).extracting(Dependency::file, Dependency::name)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("Pipfile.lock", "requests"),
                        org.assertj.core.api.Assertions.tuple("Pipfile", "requests"));
        assertThat(facts.problems()).extracting(FileProblem::file, FileProblem::line, FileProblem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("Pipfile", 2, "Pipfile: a package has no name; ignored"),
                        org.assertj.core.api.Assertions.tuple("Pipfile.lock", 3, "Pipfile.lock: a package in default has no name; ignored"));
    }
}
