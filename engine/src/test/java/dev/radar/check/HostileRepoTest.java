package dev.radar.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.radar.collect.RepoTree;
import dev.radar.model.FileProblem;
import dev.radar.model.Finding;
import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import dev.radar.report.JsonWriter;
import dev.radar.report.Report;
import dev.radar.report.TextWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A repository is written by anyone who can push to it: every hostile file below goes through {@link Checker} the
 * way {@code radar check} runs it. Each must end in a finding naming the file (or be ignored, for links and
 * devices), never read outside the repository, never reach the network, never hang, and never lose the rest of the
 * repository: every repository here also holds {@code service/pom.xml} with a hold-listed dependency, whose finding
 * must still be reported. The guarantees are listed in docs/security.md.
 */
class HostileRepoTest {

    static final String SECRET = "s3cr3t-outside-the-repo";
    static final Duration LIMIT = Duration.ofSeconds(30);

    static PolicyEngine engine;
    static Radar radar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        engine = PolicyEngine.load(Optional.empty());
        radar = RadarLoader.load(Path.of(HostileRepoTest.class.getResource("/rules/radar.yaml").toURI()));
    }

    /** A repository with one good POM declaring log4j:log4j (on hold), so a lost repository shows. */
    Path repo() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        write(repo.resolve("service/pom.xml"), pom("<version>1.0</version>", "log4j", "log4j", "1.2.17"));
        return repo;
    }

    /** A file outside the repository that no check may read. */
    Path secret() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        return write(outside.resolve("secret.txt"), SECRET);
    }

    static String pom(String version, String group, String artifact, String depVersion) {
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>svc</artifactId>\n  "
                + version + "\n  <dependencies>\n    <dependency>\n      <groupId>" + group + "</groupId>\n      <artifactId>" + artifact
                + "</artifactId>\n      <version>" + depVersion + "</version>\n    </dependency>\n  </dependencies>\n</project>\n";
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Runs the check with a time limit, and renders every report format that could carry a leaked value. */
    static Checked check(Path repo) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            CheckResult result = new Checker(engine).run(new CheckRequest(repo, "repo", radar, LocalDate.of(2026, 11, 22)));
            StringWriter json = new StringWriter();
            new JsonWriter().write(result.report(), json);
            StringWriter text = new StringWriter();
            new TextWriter().write(result.report(), text);
            return new Checked(result, json + "\n" + text + "\n" + result.facts());
        });
    }

    record Checked(CheckResult result, String everything) {
        Report report() {
            return result.report();
        }

        List<FileProblem> problems() {
            return result.report().problems();
        }

        Optional<FileProblem> problem(String file) {
            return problems().stream().filter(p -> p.file().equals(file)).findFirst();
        }

        /** The rest of the repository was checked: service/pom.xml's hold-listed log4j was found. */
        void checkedTheRest() {
            assertThat(report().findings()).extracting(Finding::ruleId, Finding::file).contains(org.assertj.core.groups.Tuple.tuple(
                    "RAD-001", "service/pom.xml"));
        }
    }

    // ---- XML ------------------------------------------------------------------------------------

    /** The XML file kinds the collectors read, each with the root element they recognise. */
    static String xmlDocument(String kind, String doctype, String body) {
        return switch (kind) {
            case "pom.xml" -> "<?xml version=\"1.0\"?>\n" + doctype + "\n" + pom("<version>" + body + "</version>", "com.acme", "lib", "1");
            case "logback.xml" -> "<?xml version=\"1.0\"?>\n" + doctype + "\n<configuration>\n  <root level=\"" + body + "\"/>\n</configuration>\n";
            case "log4j2.xml" -> "<?xml version=\"1.0\"?>\n" + doctype + "\n<Configuration status=\"" + body + "\">\n</Configuration>\n";
            case "bom.xml" -> "<?xml version=\"1.0\"?>\n" + doctype + "\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">\n"
                    + "  <components><component type=\"library\"><name>" + body + "</name><version>1</version>"
                    + "<purl>pkg:maven/com.acme/x@1</purl></component></components>\n</bom>\n";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pom.xml", "logback.xml", "log4j2.xml", "bom.xml"})
    void hostile_xml_with_an_external_entity_reads_no_file_outside_the_repository(String kind) throws IOException {
        Path repo = repo();
        Path secret = secret();
        String doctype = "<!DOCTYPE r [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>";
        write(repo.resolve("app/" + kind), xmlDocument(kind, doctype, "&leak;"));

        Checked c = check(repo);

        assertThat(c.everything()).doesNotContain(SECRET);
        c.checkedTheRest();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pom.xml", "logback.xml", "log4j2.xml", "bom.xml"})
    void hostile_xml_with_an_external_dtd_never_connects(String kind) throws IOException {
        Path repo = repo();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            String doctype = "<!DOCTYPE r SYSTEM \"" + url + "/x.dtd\" [<!ENTITY % p SYSTEM \"" + url + "/p.dtd\"> %p;]>";
            write(repo.resolve("app/" + kind), xmlDocument(kind, doctype, "&ext;"));

            Checked c = check(repo);

            listener.setSoTimeout(200);
            assertThatNoConnection(listener);
            c.checkedTheRest();
        }
    }

    private static void assertThatNoConnection(ServerSocket listener) throws IOException {
        try (var accepted = listener.accept()) {
            throw new AssertionError("the check connected to " + listener.getLocalPort() + " from " + accepted.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody connected
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pom.xml", "logback.xml", "log4j2.xml", "bom.xml"})
    void hostile_xml_with_nested_internal_entities_is_not_expanded(String kind) throws IOException {
        Path repo = repo();
        StringBuilder doctype = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        write(repo.resolve("app/" + kind), xmlDocument(kind, doctype.append("]>").toString(), "&l10;"));

        Checked c = check(repo);

        assertThat(c.everything()).doesNotContain("lollollollollollollollollollollollollollollollollol");
        c.checkedTheRest();
    }

    // ---- YAML, JSON, TOML -----------------------------------------------------------------------

    static String yamlBomb() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            b.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "k8s/deployment.yaml, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n'",
        "docker-compose.yml, 'services: {web: {image: nginx}}\n'",
        ".github/workflows/ci.yml, 'on: push\njobs: {b: {runs-on: x, steps: [{uses: actions/checkout@v4}]}}\n'",
        "api/openapi.yaml, 'openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\n'",
        "src/main/resources/application.yml, 'server: {port: 8080}\n'",
        ".radar/exceptions.yaml, 'exceptions: []\n'"})
    void yaml_alias_bomb_is_refused_with_a_finding_naming_the_file(String file, String document) throws IOException {
        Path repo = repo();
        write(repo.resolve(file), document.replace("\\n", "\n") + yamlBomb());

        Checked c = check(repo);

        assertThat(c.problem(file)).as("problems: %s", c.problems()).hasValueSatisfying(p -> assertThat(p.message()).contains("alias"));
        c.checkedTheRest();
    }

    @Test
    void yaml_alias_that_contains_itself_is_refused_not_a_stack_overflow() throws IOException {
        Path repo = repo();
        write(repo.resolve("docker-compose.yml"), "services: &s\n  web:\n    image: nginx\n    loop: *s\n");

        Checked c = check(repo);

        assertThat(c.problem("docker-compose.yml")).as("problems: %s", c.problems()).isPresent();
        c.checkedTheRest();
    }

    @Test
    void deeply_nested_yaml_json_and_toml_are_findings_naming_the_file() throws IOException {
        Path repo = repo();
        int depth = 100_000;
        write(repo.resolve("docker-compose.yml"), "services: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        write(repo.resolve("k8s/deep.yaml"), "apiVersion: apps/v1\nkind: Deployment\nspec: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n");
        write(repo.resolve("web/package.json"), "{\"dependencies\": " + "[".repeat(depth) + "]".repeat(depth) + "}\n");
        write(repo.resolve("web/package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": " + "{\"a\":".repeat(depth) + "1"
                + "}".repeat(depth) + "}\n");
        write(repo.resolve("api/openapi.json"), "{\"openapi\": \"3.0.3\", \"paths\": " + "[".repeat(depth) + "]".repeat(depth) + "}\n");
        write(repo.resolve("rust/Cargo.toml"), "[package]\nname = \"x\"\nversion = \"1\"\n[dependencies]\nserde = " + "[".repeat(depth)
                + "]".repeat(depth) + "\n");
        write(repo.resolve("py/pyproject.toml"), "[project]\nname = \"x\"\ndependencies = " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        write(repo.resolve("build.gradle"), "dependencies { implementation libs.a }\n");
        write(repo.resolve("gradle/libs.versions.toml"), "[libraries]\na = " + "{ x = ".repeat(depth) + "1" + " }".repeat(depth) + "\n");

        Checked c = check(repo);

        assertThat(c.problems()).extracting(FileProblem::file).contains("docker-compose.yml", "k8s/deep.yaml", "web/package.json",
                "web/package-lock.json", "api/openapi.json", "rust/Cargo.toml", "py/pyproject.toml", "gradle/libs.versions.toml");
        c.checkedTheRest();
    }

    @Test
    void huge_json_string_and_number_are_findings_naming_the_file() throws IOException {
        Path repo = repo();
        write(repo.resolve("web/package.json"), "{\"dependencies\": {\"x\": \"" + "1".repeat(9 * 1024 * 1024) + "\"}}\n");
        write(repo.resolve("ui/package.json"), "{\"version\": " + "9".repeat(5_000) + "}\n");

        Checked c = check(repo);

        assertThat(c.problem("web/package.json")).as("problems: %s", c.problems()).isPresent();
        assertThat(c.problem("ui/package.json")).as("problems: %s", c.problems()).isPresent();
        c.checkedTheRest();
    }

    // ---- size, encoding ---------------------------------------------------------------------------

    @Test
    void file_over_the_size_cap_is_skipped_with_a_finding() throws IOException {
        Path repo = repo();
        Path big = write(repo.resolve("web/package.json"), "{}");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(RepoTree.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }

        Checked c = check(repo);

        assertThat(c.problem("web/package.json")).as("problems: %s", c.problems())
                .hasValueSatisfying(p -> assertThat(p.message()).contains("16 MiB limit"));
        c.checkedTheRest();
    }

    @Test
    void binary_and_invalid_utf8_build_files_are_findings_not_crashes() throws IOException {
        Path repo = repo();
        byte[] binary = new byte[4096];
        new java.util.Random(9).nextBytes(binary);
        write(repo.resolve("a/pom.xml"), binary);
        write(repo.resolve("b/package.json"), new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        write(repo.resolve("c/requirements.txt"), new byte[] {'f', 'l', 'a', 's', 'k', (byte) 0xFF, (byte) 0xFE, '\n'});
        write(repo.resolve("d/go.mod"), binary);

        Checked c = check(repo);

        for (String file : List.of("a/pom.xml", "b/package.json", "c/requirements.txt", "d/go.mod")) {
            assertThat(c.problem(file)).as("%s in %s", file, c.problems()).hasValueSatisfying(p -> assertThat(p.message()).contains("UTF-8"));
        }
        c.checkedTheRest();
    }

    @Test
    void nul_bytes_in_build_files_do_not_crash_the_check() throws IOException {
        Path repo = repo();
        write(repo.resolve("a/pom.xml"), "<project>\u0000</project>\n");
        write(repo.resolve("b/package.json"), "{\"dependencies\": {\"left\u0000pad\": \"1.0.0\"}}\n");
        write(repo.resolve("c/requirements.txt"), "flask==2.0\u0000\nrequests==2.31\n");
        write(repo.resolve("d/docker-compose.yml"), "services:\n  web:\n    image: \"nginx\u0000\"\n");
        write(repo.resolve("e/Dockerfile"), "FROM alpine\u0000:3\n");

        Checked c = check(repo);

        assertThat(c.problem("a/pom.xml")).isPresent();
        c.checkedTheRest();
    }

    // ---- links and special files ------------------------------------------------------------------

    @Test
    void symlinked_build_files_leaving_the_repository_are_never_read() throws IOException {
        Path repo = repo();
        Path secret = secret();
        Path outsidePom = write(tmp.resolve("outside/pom.xml"), pom("<version>" + SECRET + "</version>", "org.mongodb", "mongo", "3"));
        Files.createSymbolicLink(repo.resolve("pom.xml"), outsidePom);
        Files.createDirectories(repo.resolve("web"));
        Files.createSymbolicLink(repo.resolve("web/package.json"), Path.of("../../outside/secret.txt"));
        Files.createSymbolicLink(repo.resolve("requirements.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(repo.resolve("linked"), tmp.resolve("outside"));
        Files.createDirectories(repo.resolve(".radar"));
        write(tmp.resolve("outside/exceptions.yaml"), "exceptions:\n  - id: " + SECRET + "\n");
        Files.createSymbolicLink(repo.resolve(".radar/exceptions.yaml"), tmp.resolve("outside/exceptions.yaml"));

        Checked c = check(repo);

        assertThat(c.everything()).doesNotContain(SECRET).doesNotContain("root:x:0").doesNotContain("org.mongodb");
        assertThat(c.problems()).extracting(FileProblem::file, FileProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple("pom.xml", "not read: a symbolic link, and links are never followed (they could point outside the repository)"),
                org.assertj.core.groups.Tuple.tuple("web/package.json", "not read: a symbolic link, and links are never followed (they could point outside the repository)"),
                org.assertj.core.groups.Tuple.tuple("requirements.txt", "not read: a symbolic link, and links are never followed (they could point outside the repository)"));
        assertThat(c.problem(".radar/exceptions.yaml")).hasValueSatisfying(p -> assertThat(p.message()).contains("symbolic link"));
        assertThat(c.result().facts().dependencies()).allSatisfy(d -> assertThat(d.file()).isEqualTo("service/pom.xml"));
        assertThat(secret).exists();
        c.checkedTheRest();
    }

    @Test
    void symlinked_exceptions_folder_leaving_the_repository_is_never_read() throws IOException {
        Path repo = repo();
        write(tmp.resolve("outside/radar/exceptions.yaml"), "exceptions:\n  - id: " + SECRET + "\n");
        Files.createSymbolicLink(repo.resolve(".radar"), tmp.resolve("outside/radar"));

        Checked c = check(repo);

        assertThat(c.everything()).doesNotContain(SECRET);
        c.checkedTheRest();
    }

    @Test
    void directory_symlink_loops_are_not_followed() throws IOException {
        Path repo = repo();
        Files.createSymbolicLink(repo.resolve("loop"), Path.of("."));
        Files.createDirectories(repo.resolve("a/b"));
        Files.createSymbolicLink(repo.resolve("a/b/up"), Path.of("../.."));
        Files.createSymbolicLink(repo.resolve("a/self"), repo.resolve("a/self"));

        Checked c = check(repo);

        assertThat(c.result().facts().dependencies()).extracting(d -> d.file()).containsOnly("service/pom.xml");
        assertThat(c.problems()).as("links no collector wants are not problems").isEmpty();
        c.checkedTheRest();
    }

    @Test
    void a_named_pipe_called_package_json_does_not_hang_the_check() throws Exception {
        Path repo = repo();
        Files.createDirectories(repo.resolve("web"));
        mkfifo(repo.resolve("web/package.json"));
        Files.createDirectories(repo.resolve(".radar"));
        mkfifo(repo.resolve(".radar/exceptions.yaml"));
        mkfifo(repo.resolve("pom.xml"));

        Checked c = check(repo);

        c.checkedTheRest();
    }

    static void mkfifo(Path at) throws Exception {
        Process p = new ProcessBuilder("mkfifo", at.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void file_names_with_control_characters_are_refused_with_a_finding() throws IOException {
        Path repo = repo();
        write(repo.resolve("evil\n::error file=x::pwned/pom.xml"), pom("<version>1</version>", "org.mongodb", "mongo", "3"));

        Checked c = check(repo);

        assertThat(c.result().facts().dependencies()).extracting(d -> d.file()).containsOnly("service/pom.xml");
        assertThat(c.problems()).anySatisfy(p -> {
            assertThat(p.file()).doesNotContain("\n").contains("evil");
            assertThat(p.message()).contains("control character");
        });
        assertThat(c.everything()).doesNotContain("\n::error");
        c.checkedTheRest();
    }

    @Test
    void repository_names_with_control_characters_or_dot_dot_are_refused() {
        assertThat(CheckRequest.nameProblem("payments-api")).isNull();
        assertThat(CheckRequest.nameProblem("acme/payments-api")).isNull();
        assertThat(CheckRequest.nameProblem("a\nb")).contains("control");
        assertThat(CheckRequest.nameProblem("../x")).contains("..");
        assertThat(CheckRequest.nameProblem("a/../../b")).contains("..");
        assertThat(CheckRequest.nameProblem("/etc/x")).contains("absolute");
        assertThat(CheckRequest.nameProblem("")).isNotNull();
        assertThatNoException().isThrownBy(() -> CheckRequest.nameOf(Path.of("/tmp/a\u0007b")));
        assertThat(CheckRequest.nameOf(Path.of("/tmp/a\u0007b"))).isEqualTo("a?b");
    }
}
