package dev.radar.collect;

import static dev.radar.collect.CollectorFixture.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.radar.model.Dependency;
import dev.radar.model.FileProblem;
import dev.radar.model.RepoFacts;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyprojectCollectorTest {
    @TempDir
    Path dir;

    @Test
    void pep_621_dependencies_optional_dependencies_and_groups_are_listed_at_each_string() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [build-system]
                requires = ["hatchling"]

                [project]
                name = "demo"
                dependencies = [
                    "httpx[http2] >=0.24,<1.0 ; python_version >= '3.8'",
                    # a comment between entries
                    "pydantic==2.5.0",
                    "rich",
                ]

                [project.optional-dependencies]
                cli = ["typer>=0.9", "click (>=8)"]
                docs = [
                    "mkdocs >= 1.5",
                ]

                [dependency-groups]
                test = [
                    {include-group = "lint"},
                    "pytest>=7",
                ]
                lint = ["ruff==0.1.6"]

                [tool.uv]
                dev-dependencies = ["mypy>=1.0"]
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|httpx|>=0.24,<1.0||7",
                "|pydantic|==2.5.0|2.5.0|9",
                "|rich|||10",
                "|typer|>=0.9||14",
                "|click|>=8||14",
                "|mkdocs|>= 1.5||16",
                "|pytest|>=7||22",
                "|ruff|==0.1.6|0.1.6|24",
                "|mypy|>=1.0||27");
        assertThat(in(facts, "pyproject.toml")).extracting(Dependency::scope).containsExactly(
                "runtime", "runtime", "runtime", "optional", "optional", "optional", "dev", "dev", "dev");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void poetry_2_tool_poetry_dependencies_only_enrich_the_project_dependencies_and_are_not_rows_of_their_own() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [project]
                name = "svc"
                dependencies = [
                    "torch (>=2.3)",
                    "httpx (>=0.27,<0.29)",
                ]

                [tool.poetry.dependencies]
                torch = { source = "cpu-wheels" }

                [tool.poetry.group.dev.dependencies]
                pytest = "^8.0"

                [[tool.poetry.source]]
                name = "cpu-wheels"
                url = "https://wheels.example.com/cpu"
                priority = "explicit"
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|torch|>=2.3||4", "|httpx|>=0.27,<0.29||5", "|pytest|^8.0||12");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void rye_dev_dependencies_are_dev_rows_like_uv_ones() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [project]
                name = "client"
                dependencies = ["anyio>=3.5.0, <5"]

                [tool.rye]
                managed = true
                dev-dependencies = [
                    "pyright==1.1.350",
                    "respx",
                ]

                [tool.rye.scripts]
                lint = "ruff check ."
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|anyio|>=3.5.0, <5||3", "|pyright|==1.1.350|1.1.350|8", "|respx|||9");
        assertThat(in(facts, "pyproject.toml")).extracting(Dependency::scope).containsExactly("runtime", "dev", "dev");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void poetry_tables_and_groups_resolve_through_poetry_lock_which_also_lists_transitive_packages() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [tool.poetry]
                name = "svc"

                [tool.poetry.dependencies]
                python = "^3.10"
                requests = "^2.31"
                uvicorn = {version = "^0.23", extras = ["standard"]}
                "zope.interface" = "6.0"
                mylib = {git = "https://github.com/acme/mylib.git", tag = "v1"}

                [tool.poetry.group.dev.dependencies]
                pytest = "^7.4"

                [tool.poetry.dev-dependencies]
                black = "23.7.0"
                """).file("poetry.lock", """
                # This file is automatically @generated by Poetry 1.6.1 and should not be changed by hand.

                [[package]]
                name = "requests"
                version = "2.31.0"
                description = "Python HTTP for Humans."
                optional = false
                python-versions = ">=3.7"

                [package.dependencies]
                urllib3 = ">=1.21.1,<3"

                [[package]]
                name = "urllib3"
                version = "2.0.4"

                [[package]]
                name = "uvicorn"
                version = "0.23.2"

                [[package]]
                name = "pytest"
                version = "7.4.0"

                [[package]]
                name = "zope-interface"
                version = "6.0"

                [metadata]
                lock-version = "2.0"
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|requests|^2.31|2.31.0|6",
                "|uvicorn|^0.23|0.23.2|7",
                "|zope.interface|6.0|6.0|8",
                "|mylib|||9",
                "|pytest|^7.4|7.4.0|12",
                "|black|23.7.0|23.7.0|15");
        assertThat(in(facts, "pyproject.toml")).extracting(Dependency::scope)
                .containsExactly("runtime", "runtime", "runtime", "runtime", "dev", "dev");
        assertThat(in(facts, "poetry.lock")).extracting(CollectorFixture::locked).containsExactly(
                "requests|2.31.0|3|", "urllib3|2.0.4|13|requests", "uvicorn|0.23.2|17|", "pytest|7.4.0|21|", "zope-interface|6.0|25|");
        assertThat(in(facts, "poetry.lock")).allSatisfy(d -> assertThat(d.direct()).isFalse());
        assertThat(in(facts, "poetry.lock")).filteredOn(d -> d.name().equals("pytest")).extracting(Dependency::scope).containsExactly("dev");
    }

    @Test
    void pdm_editable_entries_give_their_egg_name_and_local_paths_without_one_are_skipped_without_a_problem() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [project]
                name = "app"
                dependencies = ["-e file:///${PROJECT_ROOT}/libs/core#egg=app-core"]

                [tool.pdm.dev-dependencies]
                dev = [
                    "pytest>=8",
                    "-e git+https://github.com/acme/tool.git@main#egg=acme-tool",
                    "-e ./sub-package",
                ]

                [dependency-groups]
                local = ["--editable=file:///${PROJECT_ROOT}/../sibling#egg=sibling"]
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|app-core|||3",
                "|pytest|>=8||7",
                "|acme-tool|||8",
                "|sibling|||13");
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void a_name_locked_at_two_versions_resolves_each_declaration_to_the_version_its_range_admits() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [project]
                name = "svc"
                dependencies = [
                    "numpy>=1.24; python_version < '3.12'",
                    "numpy>=2.1.0; python_version >= '3.12'",
                    "scipy~=1.11",
                ]
                """).file("uv.lock", """
                version = 1
                requires-python = ">=3.9"

                [[package]]
                name = "numpy"
                version = "1.26.4"
                source = { registry = "https://pypi.org/simple" }
                resolution-markers = ["python_full_version < '3.12'"]

                [[package]]
                name = "numpy"
                version = "2.1.3"
                source = { registry = "https://pypi.org/simple" }
                resolution-markers = ["python_full_version >= '3.12'"]

                [[package]]
                name = "scipy"
                version = "1.11.4"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "scipy"
                version = "1.14.1"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "svc"
                version = "0.1.0"
                source = { editable = "." }
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|numpy|>=1.24|1.26.4|4",
                "|numpy|>=2.1.0|2.1.3|5",
                "|scipy|~=1.11|1.11.4|6");
    }

    @Test
    void poetry_carets_tildes_and_pep_440_compatible_and_excluding_ranges_pick_the_locked_version_they_admit() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", """
                [tool.poetry.dependencies]
                python = ">=3.8"
                numpy = { version = "^1.26", python = ">=3.9" }
                pandas = "~2.2"
                scipy = [
                    { version = "^1.13", python = ">=3.10" },
                    { version = "^1.10", python = "<3.9" },
                ]

                [tool.poetry.group.dev.dependencies]
                attrs = "!=23.1.0"
                pillow = "~=10.3"
                """).file("poetry.lock", """
                [[package]]
                name = "attrs"
                version = "23.1.0"

                [[package]]
                name = "attrs"
                version = "23.2.0"

                [[package]]
                name = "numpy"
                version = "1.24.4"

                [[package]]
                name = "numpy"
                version = "1.26.4"

                [[package]]
                name = "pandas"
                version = "2.0.3"

                [[package]]
                name = "pandas"
                version = "2.2.2"

                [[package]]
                name = "pillow"
                version = "9.5.0"

                [[package]]
                name = "pillow"
                version = "10.4.0"

                [[package]]
                name = "scipy"
                version = "1.9.3"

                [[package]]
                name = "scipy"
                version = "1.13.1"
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|numpy|^1.26|1.26.4|3",
                "|pandas|~2.2|2.2.2|4",
                "|scipy|^1.13 || ^1.10|1.13.1|5",
                "|attrs|!=23.1.0|23.2.0|11",
                "|pillow|~=10.3|10.4.0|12");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", textBlock = """
            ^1.2 -> 1.2.0 1.9.9
            ^0.2.3 -> 0.2.3 0.2.9
            ^0.0.3 -> 0.0.3
            ^0 -> 0.0.3 0.2.3 0.2.9
            ~1.2 -> 1.2.0
            ~1 -> 1.2.0 1.9.9
            ~=1.2 -> 1.2.0 1.9.9
            ~=1.2.0 -> 1.2.0
            ==1.* -> 1.2.0 1.9.9
            !=1.2.0 -> 0.0.3 0.2.3 0.2.9 1.9.9 2.0.0
            1.9.9 -> 1.9.9
            * -> 0.0.3 0.2.3 0.2.9 1.2.0 1.9.9 2.0.0
            >=0.2.5,<1.9 -> 0.2.9 1.2.0
            ^0.2 || >=2 -> 0.2.3 0.2.9 2.0.0
            ~=1 -> unreadable
            https://example.com/x-1.0.tar.gz -> unreadable
            >=1 , -> 1.2.0 1.9.9 2.0.0
            """)
    void a_python_range_admits_the_locked_versions_pep_440_and_poetry_give_it(String range, String admitted) {
        PythonSpecifier specifier = PythonSpecifier.parse(range);
        String actual = specifier == null ? "unreadable"
                : String.join(" ", Stream.of("0.0.3", "0.2.3", "0.2.9", "1.2.0", "1.9.9", "2.0.0").filter(specifier::admits).toList());

        assertThat(actual).isEqualTo(admitted);
    }

    @Test
    void a_uv_workspace_member_resolves_to_its_locked_editable_version_and_the_virtual_root_to_nothing() {
        RepoFacts facts = new CollectorFixture(dir.resolve("uvws")).file("pyproject.toml", """
                [project]
                name = "mono"
                version = "0.1.0"
                dependencies = ["shared", "httpx>=0.27"]

                [dependency-groups]
                dev = ["mono[cli]"]

                [tool.uv.sources]
                shared = { workspace = true }
                """).file("libs/shared/pyproject.toml", """
                [project]
                name = "shared"
                version = "1.4.0"
                dependencies = ["mono-tools"]
                """).file("uv.lock", """
                version = 1

                [[package]]
                name = "httpx"
                version = "0.27.2"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "mono"
                version = "0.1.0"
                source = { virtual = "." }
                dependencies = [{ name = "httpx" }, { name = "shared" }]

                [[package]]
                name = "mono-tools"
                source = { editable = "libs/tools" }

                [[package]]
                name = "shared"
                version = "1.4.0"
                source = { editable = "libs/shared" }
                """).collect(new PyprojectCollector());

        assertThat(in(facts, "pyproject.toml")).extracting(CollectorFixture::row).containsExactly(
                "|shared||1.4.0|4", "|httpx|>=0.27|0.27.2|4", "|mono|||7");
        assertThat(in(facts, "libs/shared/pyproject.toml")).extracting(CollectorFixture::row).containsExactly("|mono-tools|||4");
        assertThat(in(facts, "uv.lock")).extracting(Dependency::name).containsExactly("httpx");
    }

    @Test
    void broken_toml_is_a_problem_with_its_line() {
        RepoFacts facts = new CollectorFixture(dir).file("pyproject.toml", "[project]\ndependencies = [\"a\"\nname = \n")
                .collect(new PyprojectCollector());

        assertThat(facts.dependencies()).isEmpty();
        assertThat(facts.problems()).singleElement().satisfies(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void values_of_the_wrong_type_are_problems_at_their_lines_not_a_crash() {
        // Found by fuzzing: tomlj's getArray/getTable threw TomlInvalidTypeException out of the collector.
        RepoFacts facts = new CollectorFixture(dir.resolve("typed")).file("pyproject.toml", """
                [project]
                name = "shop"
                dependencies = "requests"
                [tool.uv]
                dev-dependencies = ["pytest>=8"]
                """).file("poetry.lock", """
                package = 3
                """).collect(new PyprojectCollector());
        assertThat(facts.problems()).extracting(p -> p.file() + ":" + p.line() + " " + p.message()).containsExactlyInAnyOrder(
                "poetry.lock:1 'package' should be an array, found long; ignored",
                "pyproject.toml:3 'project.dependencies' should be an array, found string; ignored");
        assertThat(facts.dependencies()).extracting(d -> d.name()).containsExactly("pytest");
    }

    @Test
    void an_invalid_escape_in_a_quoted_key_is_a_problem_naming_its_line() {
        RepoFacts facts = new CollectorFixture(dir.resolve("escape")).file("pyproject.toml", """
                [project]
                name = "svc"
                dependencies = ["requests==2.31.0"]

                [tool."bad\\>key"]
                x = 1
                """).collect(new PyprojectCollector());

        assertThat(facts.problems()).extracting(FileProblem::file, FileProblem::line).containsExactly(
                org.assertj.core.api.Assertions.tuple("pyproject.toml", 5));
        assertThat(facts.problems().get(0).message()).contains("Invalid escape sequence");
    }
}
