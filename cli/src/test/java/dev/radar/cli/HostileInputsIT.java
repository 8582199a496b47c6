package dev.radar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radar check} and {@code radar scan} on hostile input, end to end: what a contributor can put in a repository
 * and what a token in a clone URL could leak into. The guarantees are listed in docs/security.md.
 */
class HostileInputsIT {

    static final String URL_TOKEN = "ghp_urlTOKEN0123456789abcdef";
    static final String FILE_TOKEN = "ghp_fileTOKEN0123456789abcdef";
    static final String SECRET = "s3cr3t-outside-the-repo";

    @TempDir
    Path tmp;

    static String radar() {
        return ScanIT.repoRoot().resolve("radar.yaml").toString();
    }

    /** A git server that wants a login and reflects whatever Authorization it gets into its error pages. */
    static HttpServer reflectingServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String decoded = auth == null || !auth.startsWith("Basic ") ? ""
                    : new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
            byte[] body = ("denied for " + decoded + " (" + auth + ") at " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git " + decoded + "\"");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(auth == null ? 401 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void a_token_in_a_clone_url_or_the_credentials_file_is_printed_and_stored_nowhere() throws Exception {
        HttpServer server = reflectingServer();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path credentials = Files.writeString(tmp.resolve("credentials"),
                    "http://robot:" + FILE_TOKEN + "@127.0.0.1:" + server.getAddress().getPort() + "\n");
            Path repos = Files.writeString(tmp.resolve("repos.yaml"), "repos:\n"
                    + "  - {name: in-url, url: \"http://bob:" + URL_TOKEN + "@127.0.0.1:" + server.getAddress().getPort() + "/org/a.git\"}\n"
                    + "  - {name: in-file, url: \"" + base + "/org/b.git\"}\n"
                    + "  - {name: refused, url: \"http://bob:" + URL_TOKEN + "@127.0.0.1:1/org/c.git\"}\n"
                    + "  - {name: local, path: " + ScanIT.repoRoot().resolve("examples/org/orders-service") + "}\n");
            Path out = tmp.resolve("out");
            Path cache = tmp.resolve("cache");

            var run = CliScenariosIT.run("scan", repos.toString(), "-o", out.toString(), "--cache", cache.toString(), "--credentials",
                    credentials.toString(), "--radar", radar(), "--today", "2026-11-22", "--progress", "lines", "--timeout", "20");

            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
            assertThat(run.err()).contains("in-url: ").contains("in-file: ").contains("refused: ");
            List<String> leaks = List.of(URL_TOKEN, FILE_TOKEN, base64("bob:" + URL_TOKEN), base64("robot:" + FILE_TOKEN));
            for (String leak : leaks) {
                assertThat(run.out()).doesNotContain(leak);
                assertThat(run.err()).doesNotContain(leak);
            }
            List<Path> written = files(out, cache);
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("summary.json", "index.html");
            for (Path f : written) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String leak : leaks) {
                    assertThat(content).as("%s holds a credential", f).doesNotContain(leak);
                }
            }
        } finally {
            server.stop(0);
        }
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<Path> files(Path... roots) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).forEach(all::add);
                }
            }
        }
        return all;
    }

    @Test
    void a_repos_file_with_command_transports_or_option_urls_is_refused_before_anything_runs() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path repos = Files.writeString(tmp.resolve("repos.yaml"), "repos:\n"
                + "  - {name: a, url: \"ext::sh -c touch% " + marker + "\"}\n"
                + "  - {name: b, url: \"fd::3\"}\n"
                + "  - {name: c, url: \"--upload-pack=touch " + marker + "\"}\n"
                + "  - {name: d, url: \"ssh://-oProxyCommand=touch/x.git\"}\n"
                + "  - {name: \"../../etc\", path: x}\n"
                + "  - {name: \"a\\nb\", path: x}\n");

        var run = CliScenariosIT.run("scan", repos.toString(), "-o", tmp.resolve("out").toString(), "--cache", tmp.resolve("cache").toString(),
                "--radar", radar(), "--progress", "none");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.CONFIG_ERROR.code());
        assertThat(run.err()).contains("repos.yaml:2:").contains("repos.yaml:3:").contains("repos.yaml:4:").contains("repos.yaml:5:")
                .contains("repos.yaml:6:").contains("repos.yaml:7:").doesNotContain("\tat ");
        assertThat(marker).doesNotExist();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void check_of_a_hostile_repository_reads_nothing_outside_it_and_reports_the_rest() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(repo.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY s SYSTEM \"" + secret.toUri()
                + "\">]>\n<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>&s;</artifactId><version>1</version>"
                + "</project>\n");
        Files.createDirectories(repo.resolve("service"));
        Files.writeString(repo.resolve("service/pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId>"
                + "<artifactId>svc</artifactId><version>1</version><dependencies><dependency><groupId>log4j</groupId>"
                + "<artifactId>log4j</artifactId><version>1.2.17</version></dependency></dependencies></project>\n");
        Files.createDirectories(repo.resolve("web"));
        Files.createSymbolicLink(repo.resolve("web/package.json"), secret);
        Files.createSymbolicLink(repo.resolve("loop"), Path.of("."));
        Files.createDirectories(repo.resolve("api"));
        Process mkfifo = new ProcessBuilder("mkfifo", repo.resolve("api/package.json").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        StringBuilder bomb = new StringBuilder("services: {web: {image: nginx}}\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append('a').append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a")
                    .append(i - 1).append("]\n");
        }
        Files.writeString(repo.resolve("docker-compose.yml"), bomb);
        Files.writeString(repo.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"1\"\n[dependencies]\nserde = " + "[".repeat(50_000)
                + "]".repeat(50_000) + "\n");

        var run = CliScenariosIT.run("check", repo.toString(), "--radar", radar(), "--today", "2026-11-22", "--format", "json");

        // the hold-listed dependency fails the check; the unreadable files are listed as problems
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run.out()).contains("\"incomplete\" : true").doesNotContain(SECRET).contains("\"file\" : \"docker-compose.yml\"").contains("alias bomb")
                .contains("\"file\" : \"Cargo.toml\"").contains("nested deeper than 64").contains("\"file\" : \"pom.xml\"")
                .contains("log4j:log4j 1.2.17 is on hold");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void a_repo_name_with_control_characters_or_dot_dot_is_a_usage_error() {
        String dir = ScanIT.repoRoot().resolve("examples/org/orders-service").toString();
        for (String name : List.of("../../etc/x", "a\nb", "/etc/passwd")) {
            var run = CliScenariosIT.run("check", dir, "--radar", radar(), "--repo-name", name);
            assertThat(run.exit()).as(name + ": " + run.err()).isEqualTo(ExitCode.CONFIG_ERROR.code());
            assertThat(run.err()).contains("--repo-name");
        }
    }
}
