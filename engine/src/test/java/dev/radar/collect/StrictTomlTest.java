package dev.radar.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** The TOML fast path reads manifests exactly as tomlj does (keys, order, values, types, positions) or gives them back. */
class StrictTomlTest {

    /** A Cargo workspace root: members, inherited dependencies, profiles, patch, a lint table. */
    static final String CARGO_WORKSPACE = """
            # The workspace root.
            [package]
            name = "ripgrep"
            version = "14.1.0"  #:version
            authors = ["Andrew Gallant <jamslam@gmail.com>"]
            description = \"""
            ripgrep is a line-oriented search tool that recursively searches the current
            directory for a regex pattern while respecting gitignore rules.
            \"""
            documentation = "https://github.com/BurntSushi/ripgrep"
            keywords = ["regex", "grep", "egrep", "search", "pattern"]
            categories = ["command-line-utilities", "text-processing"]
            license = "Unlicense OR MIT"
            exclude = [
              "HomebrewFormula",
              "/.github/",
              "/ci/",
            ]
            build = "build.rs"
            autotests = false
            edition = "2021"
            rust-version = "1.72"

            [[bin]]
            bench = false
            path = "crates/core/main.rs"
            name = "rg"

            [[test]]
            name = "integration"
            path = "tests/tests.rs"

            [workspace]
            members = [
              "crates/globset",
              "crates/grep",
              "crates/cli",
            ]
            resolver = "2"

            [workspace.package]
            edition = "2021"
            license = 'MIT OR Apache-2.0'

            [workspace.dependencies]
            serde = { version = "1.0.193", features = ["derive"] }
            anyhow = "1.0"
            grep = { version = "0.3.1", path = "crates/grep" }
            "quoted-name" = "0.1"

            [dependencies]
            anyhow.workspace = true
            bstr = "1.7.0"
            grep = { workspace = true }
            lexopt = "0.3.0"
            log = "0.4.5"
            serde = { workspace = true, optional = true }
            textwrap = { version = "0.16.0", default-features = false }

            [target.'cfg(all(target_env = "musl", target_pointer_width = "64"))'.dependencies.jemallocator]
            version = "0.5.0"

            [target."cfg(windows)".dependencies]
            winapi-util = "0.1.6"

            [target.'cfg(unix)'.dependencies]
            libc = { version = "0.2", default-features = false, features = [] }

            [dev-dependencies]
            serde = "1.0.77"
            serde_derive = "1.0.77"
            walkdir = "2"

            [features]
            default = []
            pcre2 = ["grep/pcre2"]

            [profile.release]
            debug = 1
            opt-level = 3
            lto = "fat"

            [profile.deb]
            inherits = "release"
            debug = false

            [package.metadata.deb]
            features = ["pcre2"]
            section = "utils"
            assets = [
              ["target/release/rg", "usr/bin/", "755"],
              ["COPYING", "usr/share/doc/ripgrep/", "644"],
            ]
            extended-description = \"""\\
            ripgrep (rg) recursively searches your current directory for a regex pattern.
            By default, ripgrep will respect your .gitignore and automatically skip hidden
            files/directories and binary files.
            \"""

            [patch.crates-io]
            regex = { git = "https://github.com/rust-lang/regex", branch = "master" }

            [workspace.lints.rust]
            unsafe_code = "forbid"
            """;

    /** A member crate: inherited fields, dotted keys, target tables with inline tables, examples and benches. */
    static final String CARGO_CRATE = """
            [package]
            name = "grep-searcher"
            version.workspace = true
            edition.workspace = true
            license.workspace = true
            readme = "README.md"
            keywords = ["regex", "grep", "egrep", "search", "pattern"]

            [dependencies]
            bstr = { version = "1.6.2", default-features = false, features = ["std"] }
            encoding_rs = "0.8.33"
            encoding_rs_io = "0.1.7"
            grep-matcher = { version = "0.1.7", path = "../matcher" }
            log = "0.4.20"
            memchr = "2.6.3"
            memmap = { package = "memmap2", version = "0.9.0" }
            serde = { version = "1", optional = true }

            [target.'cfg(target_os = "linux")'.dependencies]
            libc = "0.2"

            [target.'cfg(windows)'.dependencies.windows-sys]
            version = "0.52"
            features = [
                "Win32_Foundation",   # handles
                "Win32_System_Console",
            ]

            [build-dependencies]
            cc = { version = "1.0", features = ["parallel"] }

            [dev-dependencies]
            grep-regex = { version = "0.1.12", path = "../regex" }
            regex = "1.9.5"

            [features]
            simd-accel = ["encoding_rs/simd-accel"]
            # This feature is DEPRECATED. Runtime dispatch is used for SIMD now.
            avx-accel = []

            [[example]]
            name = "search-stdin"
            required-features = ["serde"]

            [[bench]]
            name = "bench"
            harness = false

            [lib]
            name = "grep_searcher"
            bench = false
            test = true
            """;

    /** A PEP 621 project: long arrays with comments and trailing commas, optional dependencies, groups, tool tables. */
    static final String PYPROJECT = """
            [build-system]
            requires = ["pdm-backend"]
            build-backend = "pdm.backend"

            [project]
            name = "fastapi"
            dynamic = ["version"]
            description = "FastAPI framework, high performance, easy to learn, fast to code, ready for production"
            readme = "README.md"
            requires-python = ">=3.8"
            license = { text = "MIT" }
            authors = [
                { name = "Sebastián Ramírez", email = "tiangolo@gmail.com" },
                { name = "Emoji 😀 Author" }, { name = "Same line" },
            ]
            classifiers = [
                "Intended Audience :: Information Technology",
                "Programming Language :: Python :: 3 :: Only",
                "Framework :: Pydantic :: 2",
            ]
            dependencies = [
                "starlette>=0.40.0,<0.42.0",
                # a comment between entries
                "pydantic>=1.7.4,!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0",
                "typing-extensions>=4.8.0", # a trailing comment
                'legacy-literal ; python_version < "3.9"',
            ]

            [project.urls]
            Homepage = "https://github.com/fastapi/fastapi"
            "Bug Tracker" = "https://github.com/fastapi/fastapi/issues"

            [project.optional-dependencies]

            standard = [
                "fastapi-cli[standard] >=0.0.5",
                # For the test client
                "httpx >=0.23.0",
                "jinja2 >=2.11.2",
            ]

            all = ["fastapi-cli[standard] >=0.0.5", "httpx >=0.23.0",
                "itsdangerous >=1.1.0"]

            [project.scripts]
            fastapi = "fastapi.cli:main"

            [dependency-groups]
            dev = [
                { include-group = "tests" },
                "playwright >=1.57.0",
            ]
            tests = ["pytest >=7.1.3", "coverage[toml] >= 6.5.0"]

            [tool.pdm]
            version = { source = "file", path = "fastapi/__init__.py" }
            distribution = true

            [tool.pdm.build]
            source-includes = [
                "tests/",
                "docs_src/",
                "requirements*.txt",
            ]

            [tool.pdm.dev-dependencies]
            lint = ["ruff>=0.6.4"]

            [tool.uv]
            dev-dependencies = [
              "mypy ==1.8.0",
            ]

            [tool.mypy]
            strict = true

            [[tool.mypy.overrides]]
            module = "fastapi.concurrency"
            warn_unused_ignores = false
            ignore_missing_imports = true

            [[tool.mypy.overrides]]
            module = "fastapi.tests.*"
            ignore_missing_imports = true
            check_untyped_defs = true

            [tool.pytest.ini_options]
            addopts = [
              "--strict-config",
              "--strict-markers",
              "--ignore=docs_src",
            ]
            xfail_strict = true
            junit_family = "xunit2"
            filterwarnings = [
                "error",
                'ignore:starlette.middleware.wsgi is deprecated.*:DeprecationWarning',
                # see https://trio.readthedocs.io/en/stable/history.html#trio-0-22-0-2022-09-28
                "ignore::trio.TrioDeprecationWarning",
            ]
            timeout = 30.5
            retries = -1

            [tool.coverage.run]
            parallel = true
            data_file = "coverage/.coverage"
            source = [
                "docs_src",
                "tests",
                "fastapi"
            ]
            context = '${CONTEXT}'
            dynamic_context = "test_function"
            omit = ['docs_src/response_model/tutorial003_04.py']

            [tool.coverage.report]
            show_missing = true
            sort = "-Cover"
            exclude_lines = [
                "pragma: no cover",
                '@overload',
                'if __name__ == "__main__":',
                "if TYPE_CHECKING:",
            ]

            [tool.ruff.lint]
            select = [
                "E",  # pycodestyle errors
                "W",  # pycodestyle warnings
            ]
            ignore = [
                "E501",  # line too long, handled by black
            ]

            [tool.ruff.lint.per-file-ignores]
            "__init__.py" = ["F401"]
            "docs_src/dependencies/tutorial007.py" = ["F821"]

            [tool.ruff.lint.isort]
            known-third-party = ["fastapi", "pydantic", "starlette"]

            [tool.ruff.lint.pyupgrade]
            # Preserve types, even if a file imports `from __future__ import annotations`.
            keep-runtime-typing = true

            [tool.inline-snapshot]
            default-flags=["fix"]
            """;

    /** Poetry: dependency tables with inline tables, arrays of constraints, groups, a script and a multi-line literal. */
    static final String POETRY = """
            [tool.poetry]
            name = "poetry-demo"
            version = "0.1.0"
            description = "A \\"quoted\\" description\\twith escapes\\\\"
            authors = ["Sébastien Eustace <sebastien@eustace.io>"]
            packages = [{ include = "poetry_demo" }, { include = "tests", format = "sdist" }]

            [tool.poetry.dependencies]
            python = "^3.9"
            requests = { version = "^2.31", extras = ["socks"] }
            django = [
              { version = "<4.0", python = "<3.10" },
              { version = "^4.2", python = ">=3.10" },
            ]
            my-package = { path = "../my-package/", develop = true }
            flask = { git = "https://github.com/pallets/flask.git", rev = "38eb5d3b" }
            numpy.version = "^1.26"
            numpy.optional = true

            [tool.poetry.dev-dependencies]
            pytest = "^7.0"

            [tool.poetry.group.test.dependencies]
            pytest-mock = "*"

            [tool.poetry.group.docs]
            optional = true

            [tool.poetry.group.docs.dependencies]
            mkdocs = "*"

            [tool.poetry.extras]
            socks = ["requests"]

            [tool.poetry.scripts]
            demo = 'poetry_demo.cli:main'

            [tool.black]
            line-length = 88
            include = '\\.pyi?$'
            extend-exclude = '''
            /(
              # directories
              \\.eggs
              | build
            )/
            '''

            [build-system]
            requires = ["poetry-core>=1.0.0"]
            build-backend = "poetry.core.masonry.api"
            """;

    /** A Gradle version catalog: versions, libraries with module or group/name, version refs, bundles, plugins. */
    static final String CATALOG = """
            [versions]
            kotlin = "1.9.22"
            okio = "3.7.0"
            jackson = { strictly = "[2.15, 2.17[", prefer = "2.16.1" }

            [libraries]
            kotlin-stdlib = { module = "org.jetbrains.kotlin:kotlin-stdlib", version.ref = "kotlin" }
            okio = { group = "com.squareup.okio", name = "okio", version.ref = "okio" }
            jackson-databind = { module = "com.fasterxml.jackson.core:jackson-databind", version = { ref = "jackson" } }
            junit = "junit:junit:4.13.2"
            assertj = { module = "org.assertj:assertj-core", version = "3.25.1" }

            [bundles]
            testing = ["junit", "assertj"]

            [plugins]
            kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version.ref = "kotlin" }
            spotless = "com.diffplug.spotless:6.25.0"
            """;

    /** A poetry.lock (read through the same parser by the Python collector): arrays of tables with sub-tables. */
    static final String POETRY_LOCK = """
            # This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

            [[package]]
            name = "certifi"
            version = "2024.2.2"
            description = "Python package for providing Mozilla's CA Bundle."
            optional = false
            python-versions = ">=3.6"
            files = [
                {file = "certifi-2024.2.2-py3-none-any.whl", hash = "sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1"},
                {file = "certifi-2024.2.2.tar.gz", hash = "sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f"},
            ]

            [[package]]
            name = "requests"
            version = "2.31.0"
            description = "Python HTTP for Humans."
            optional = false
            python-versions = ">=3.7"
            files = []

            [package.dependencies]
            certifi = ">=2017.4.17"
            PySocks = {version = ">=1.5.6,<1.5.7 || >1.5.7", optional = true, markers = "extra == \\"socks\\""}

            [package.extras]
            socks = ["PySocks (>=1.5.6,!=1.5.7)"]
            use-chardet-on-py3 = ["chardet (>=3.0.2,<6)"]

            [package.source]
            type = "legacy"
            url = "https://pypi.example.org/simple"
            reference = "internal"

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.9"
            content-hash = "8f1d54ac32e6b6a6d7f5b1e0b1e0f0a7e4cf6ecb0d1a6f6f2b1a3c4e5d6f7a8b"
            """;

    static List<String> fixtures() {
        return List.of(CARGO_WORKSPACE, CARGO_CRATE, PYPROJECT, POETRY, CATALOG, POETRY_LOCK);
    }

    static Stream<String> shapes() {
        List<String> out = new ArrayList<>(fixtures());
        for (String f : fixtures()) {
            out.add(f.replace("\n", "\r\n"));
        }
        out.addAll(List.of("", "# only a comment", "a = 1", "\n\n\ta=true\n", "[a]", "[a.b]\n[a]\nx = 1\n", "[[a]]\n[a.b]\n[[a]]\n",
                "[x.y]\n[x.z]\n[x]\n", "a = [ ]\nb = [\n]\nc = [ # nothing\n]\n", "a = [[1, 2], [\"x\"], []]\n",
                "a = {}\nb = { c = { d = 1 } }\n", "a = {x.y = 1, x.z = 2}\n", "\"a.b\".c = 1\n'd' . \"e\" = 2\n",
                "n = [0, -0, +7, -12, 123456789012345678]\nf = [0.0, -1.5, +3.25, 10.125]\n", "s = \"\"\n l = ''\n",
                "a = \"\"\"\"\"\"\nb = ''''''\nc = \"\"\"x\"y\"\"z\"\"\"\n", "k = \"😀\" # 😀\nm = [\"😀\", \"é\", 1]\n",
                "a = 1#x\nb = [1,2,]#y\n", "1 = 1\n2.3 = 4\ntrue = false\n-a_b = 'x'\n"));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void the_fast_path_reads_what_tomlj_reads_with_the_same_positions(String text) {
        TomlParseResult fast = StrictToml.parse(text);
        assertThat(fast).as("fast path for:%n%s", text).isNotNull();
        assertSameAsTomlj(text, fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "d = 1979-05-27\n", "t = 07:32:00\n", "d = 1979-05-27T07:32:00Z\n", "h = 0xff\n", "o = 0o17\n", "b = 0b11\n",
        "e = 1e3\n", "f = 1.5E-3\n", "i = inf\n", "n = nan\n", "u = 1_000\n", "z = 01\n", "big = 12345678901234567890\n",
        "s = \"\\u00e9\"\n", "s = \"\\U0001F600\"\n", "s = \"\\e\"\n", "s = \"\\x41\"\n", "s = \"a\u0001b\"\n", "s = \"\"\"x\ry\"\"\"\n",
        "s = \"\"\"x\"\"\"\"\"\n", "s = '''x''''\n", "a = 1\na = 2\n", "[a]\n[a]\n", "[a]\nb = 1\n[a.b]\n", "a.b = 1\n[a]\n",
        "a.b = 1\n[a.c]\n", "a = {b = 1}\n[a.c]\n", "a = {b = 1}\na.c = 2\n", "[a.b]\n[a]\nb.c = 1\n", "a = [1]\n[[a]]\n",
        "[a]\n[[a]]\n", "[[a]]\n[a]\n", "a = { b = 1, }\n", "a = {\nb = 1 }\n", "a = { b = [1,\n2] }\n", "a = { b = [1, # c\n2] }\n",
        "a = [1 2]\n", "a = [,]\n", "a = [1,,2]\n", "a =\n1\n", "a = 1 b = 2\n", "[a] x\n", "[[a] ]\n", "[ [a]]\n", "[a\n",
        "\"\" = 1\n", "a = \"x\n", "a = 'x\n", "a = \"\"\"x\n", "a\r= 1\n", "a = 1\rb = 2\n", "# bad \u0007 comment\n",
        "\uFEFFa = 1\n", "a = trueish\n", "a = \"\ud83d\"\n", "a = 1.\n", "a = .5\n", "a = -\n", "a = +.5\n", "a = 1.2.3\n",
    })
    void anything_outside_the_subset_goes_to_tomlj(String text) throws SafeToml.Refused {
        assertThat(StrictToml.parse(text)).isNull();
        TomlParseResult viaSafe = SafeToml.parse(text);
        assertThat(viaSafe.getClass().getName()).startsWith("org.tomlj.");
    }

    @Test
    void errors_still_come_from_tomlj_with_their_lines() throws SafeToml.Refused {
        TomlParseResult result = SafeToml.parse("[dependencies]\nserde = \"1\"\nserde = \"2\"\n");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).position().line()).isEqualTo(3);
    }

    @Test
    void random_edits_of_the_fixtures_are_read_as_tomlj_reads_them_or_given_back() {
        // A guard for the strictness: whatever the fast path accepts, tomlj parses without errors to the same tree.
        Random random = new Random(11);
        String alphabet = "\n\r\t #=[]{},.\"'\\abtrue09-_+:\u00e9\ud83d\ude00";
        List<String> fixtures = fixtures();
        int accepted = 0;
        int rounds = 3000;
        for (int round = 0; round < rounds; round++) {
            String text = RandomEdits.of(random, fixtures.get(round % fixtures.size()), alphabet);
            TomlParseResult fast = StrictToml.parse(text);
            if (fast != null) {
                accepted++;
                assertSameAsTomlj(text, fast);
            }
        }
        assertThat(accepted).as("edits the fast path still accepts").isGreaterThan(rounds / 4);
    }

    /** Deep equality with tomlj: keys in order, values and their types, positions of every key path and element. */
    static void assertSameAsTomlj(String text, TomlParseResult fast) {
        TomlParseResult toml = Toml.parse(text);
        assertThat(toml.errors()).as("tomlj errors for a text the fast path accepted:%n%s", text).isEmpty();
        assertThat(fast.errors()).isEmpty();
        assertTable(text, "", toml, fast);
        assertThat(fast.keyPathSet(true)).as("key paths of:%n%s", text).isEqualTo(toml.keyPathSet(true));
        assertThat(fast.keyPathSet(false)).isEqualTo(toml.keyPathSet(false));
        for (List<String> path : toml.keyPathSet(true)) {
            assertThat(fast.inputPositionOf(path)).as("position of %s in:%n%s", path, text).isEqualTo(toml.inputPositionOf(path));
        }
        assertThat(new ArrayList<>(fast.dottedKeySet(true))).isEqualTo(new ArrayList<>(toml.dottedKeySet(true)));
        assertThat(fast.toJson()).isEqualTo(toml.toJson());
        assertThat(fast.toMap().keySet()).isEqualTo(toml.toMap().keySet());
        assertThat(fast.inputPositionOf(List.of())).isEqualTo(toml.inputPositionOf(List.of()));
        assertThat(fast.get(List.of("no", "such", "key"))).isNull();
    }

    private static void assertTable(String text, String at, TomlTable expected, TomlTable actual) {
        assertThat(new ArrayList<>(actual.keySet())).as("keys of '%s' in:%n%s", at, text).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(actual.size()).isEqualTo(expected.size());
        for (String key : expected.keySet()) {
            String path = at.isEmpty() ? key : at + " > " + key;
            assertThat(actual.inputPositionOf(List.of(key))).as("position of '%s' in:%n%s", path, text)
                    .isEqualTo(expected.inputPositionOf(List.of(key)));
            assertValue(text, path, expected.get(List.of(key)), actual.get(List.of(key)));
        }
    }

    private static void assertValue(String text, String at, Object expected, Object actual) {
        if (expected instanceof TomlTable t) {
            assertThat(actual).as("'%s' in:%n%s", at, text).isInstanceOf(TomlTable.class);
            assertTable(text, at, t, (TomlTable) actual);
        } else if (expected instanceof TomlArray a) {
            assertThat(actual).as("'%s' in:%n%s", at, text).isInstanceOf(TomlArray.class);
            TomlArray fast = (TomlArray) actual;
            assertThat(fast.size()).as("size of '%s' in:%n%s", at, text).isEqualTo(a.size());
            assertThat(fast.isEmpty()).isEqualTo(a.isEmpty());
            for (int i = 0; i < a.size(); i++) {
                assertThat(fast.inputPositionOf(i)).as("position of '%s'[%d] in:%n%s", at, i, text).isEqualTo(a.inputPositionOf(i));
                assertValue(text, at + "[" + i + "]", a.get(i), fast.get(i));
            }
        } else {
            assertThat(actual).as("'%s' in:%n%s", at, text).isEqualTo(expected);
            assertThat(actual.getClass()).as("type of '%s' in:%n%s", at, text).isEqualTo(expected.getClass());
        }
    }
}
