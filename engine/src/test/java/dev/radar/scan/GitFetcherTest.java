package dev.radar.scan;

import static dev.radar.scan.ScanFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFetcherTest {

    @TempDir
    Path tmp;

    private GitFetcher fetcher() {
        return new GitFetcher(tmp.resolve("cache"), Credentials.none(), Duration.ofSeconds(30));
    }

    private static RepoSpec spec(String name, String url, String branch) {
        return new RepoSpec(name, url, null, branch, "", List.of());
    }

    /** A file of the fetched commit, read from the clone's objects as the org scan reads it. */
    private static String file(GitFetcher.Checkout checkout, String path) throws IOException {
        try (GitTree tree = GitTree.open(checkout.dir(), checkout.commit())) {
            return tree.tree().read(path);
        }
    }

    private static List<String> paths(GitFetcher.Checkout checkout) throws IOException {
        try (GitTree tree = GitTree.open(checkout.dir(), checkout.commit())) {
            return tree.tree().paths();
        }
    }

    @Test
    void a_remote_is_cloned_shallow_into_the_cache_at_its_head() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "first"));
        String second = remote.commit("main", Map.of("pom.xml", "second"), "second");

        GitFetcher.Checkout checkout = fetcher().sync(spec("svc", remote.url(), ""));

        assertThat(checkout.commit()).isEqualTo(second);
        assertThat(file(checkout, "pom.xml")).isEqualTo("second");
        assertThat(checkout.dir()).startsWith(tmp.resolve("cache"));
        assertThat(checkout.dir().resolve("pom.xml")).as("a bare clone: no work tree is written").doesNotExist();
        try (Git git = Git.open(checkout.dir().toFile())) {
            assertThat(git.getRepository().isBare()).isTrue();
            assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
        }
        assertThat(fetcher().remoteCommit(spec("svc", remote.url(), ""))).isEqualTo(second);
    }

    @Test
    void a_new_commit_on_the_remote_is_fetched_into_the_existing_clone() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "first", "old.txt", "x"));
        GitFetcher fetcher = fetcher();
        GitFetcher.Checkout first = fetcher.sync(spec("svc", remote.url(), ""));
        Files.delete(remote.work.resolve("old.txt"));
        String next = remote.commit("main", Map.of("pom.xml", "next"), "next");

        GitFetcher.Checkout updated = fetcher.sync(spec("svc", remote.url(), ""));

        assertThat(updated.dir()).isEqualTo(first.dir());
        assertThat(updated.commit()).isEqualTo(next);
        assertThat(file(updated, "pom.xml")).isEqualTo("next");
        assertThat(paths(updated)).containsExactly("pom.xml");
        assertThat(file(first, "old.txt")).as("the earlier commit is still readable").isEqualTo("x");
        try (Git git = Git.open(updated.dir().toFile())) {
            assertThat(git.getRepository().resolve("HEAD").name()).as("HEAD names the fetched commit").isEqualTo(next);
        }
    }

    @Test
    void a_named_branch_is_checked_out_instead_of_the_default() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "main"));
        String release = remote.commit("release", Map.of("pom.xml", "release"), "on release");

        GitFetcher.Checkout checkout = fetcher().sync(spec("svc", "file://" + remote.bare, "release"));

        assertThat(checkout.commit()).isEqualTo(release);
        assertThat(file(checkout, "pom.xml")).isEqualTo("release");
        assertThatThrownBy(() -> fetcher().remoteCommit(spec("svc", remote.url(), "no-such-branch")))
                .hasMessageContaining("no branch 'no-such-branch'");
    }

    @Test
    void a_repository_given_by_a_plain_path_is_read_in_place_and_never_copied() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "v1"));
        String v2 = remote.commit("main", Map.of("pom.xml", "v2"), "v2");
        GitFetcher fetcher = fetcher();

        GitFetcher.Checkout checkout = fetcher.sync(spec("svc", remote.path(), ""));

        assertThat(checkout.cached()).isFalse();
        assertThat(checkout.dir()).isEqualTo(remote.bare.toAbsolutePath().normalize());
        assertThat(checkout.commit()).isEqualTo(v2);
        assertThat(file(checkout, "pom.xml")).isEqualTo("v2");
        assertThat(tmp.resolve("cache")).doesNotExist();
        assertThat(fetcher.sync(spec("svc", remote.work.toString(), "")).dir()).as("a work tree's .git folder")
                .isEqualTo(remote.work.resolve(".git").toAbsolutePath().normalize());
        assertThat(fetcher.sync(spec("svc", remote.url(), "")).cached()).as("a file:// URL asks for a clone").isTrue();
    }

    @Test
    void a_corrupt_cache_is_cloned_again() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "v1"));
        GitFetcher fetcher = fetcher();
        GitFetcher.Checkout first = fetcher.sync(spec("svc", remote.url(), ""));
        try (var objects = Files.walk(first.dir().resolve("objects"))) {
            for (Path p : objects.filter(Files::isRegularFile).toList()) {
                p.toFile().setWritable(true); // git writes objects read-only: only root could damage them without this
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        Files.writeString(first.dir().resolve("HEAD"), "garbage");

        GitFetcher.Checkout again = fetcher.sync(spec("svc", remote.url(), ""));

        assertThat(file(again, "pom.xml")).isEqualTo("v1");
    }

    @Test
    void a_clone_with_a_work_tree_from_an_earlier_radar_is_replaced_by_a_bare_clone() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "v1"));
        GitFetcher fetcher = fetcher();
        Path dir = fetcher.cacheDir(spec("svc", remote.url(), ""));
        Git.cloneRepository().setURI(remote.url()).setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("pom.xml"), "edited in the old work tree");

        GitFetcher.Checkout checkout = fetcher.sync(spec("svc", remote.url(), ""), remote.commit("main", Map.of("pom.xml", "v2"), "v2"));

        assertThat(checkout.dir()).isEqualTo(dir);
        assertThat(dir.resolve(".git")).doesNotExist();
        assertThat(file(checkout, "pom.xml")).isEqualTo("v2");
    }

    @Test
    void an_unreachable_remote_fails_with_a_message_free_of_credentials() {
        RepoSpec spec = spec("svc", "https://alice:s3cr3t-t0ken@127.0.0.1:1/acme/svc.git", "");

        assertThatThrownBy(() -> fetcher().sync(spec))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("clone: ")
                .hasMessageNotContaining("s3cr3t-t0ken")
                .hasMessageNotContaining("alice");
        assertThatThrownBy(() -> fetcher().remoteCommit(spec)).hasMessageNotContaining("s3cr3t-t0ken");
        assertThat(tmp.resolve("cache")).satisfies(cache -> {
            if (Files.exists(cache)) {
                try (var files = Files.list(cache)) {
                    assertThat(files).isEmpty();
                }
            }
        });
    }

    @Test
    void a_missing_local_repository_is_a_fetch_failure() {
        assertThatThrownBy(() -> fetcher().sync(spec("svc", tmp.resolve("nowhere.git").toString(), "")))
                .isInstanceOf(FetchException.class);
    }

    @Test
    void a_remote_that_never_answers_times_out() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread silent = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // accept, then say nothing
                    }
                } catch (IOException e) {
                    // server closed
                }
            });
            silent.setDaemon(true);
            silent.start();
            GitFetcher fetcher = new GitFetcher(tmp.resolve("cache"), Credentials.none(), Duration.ofSeconds(1));

            assertThatThrownBy(() -> fetcher.sync(spec("svc", "http://127.0.0.1:" + server.getLocalPort() + "/svc.git", "")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("timed out after 1 s");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void ssh_remotes_fail_with_advice_instead_of_a_stack_trace() {
        assertThatThrownBy(() -> fetcher().sync(spec("svc", "git@github.com:acme/svc.git", "")))
                .hasMessageContaining("use an https URL with a token");
    }

    @Test
    void the_cache_config_never_holds_credentials() throws Exception {
        var remote = new ScanFixture.BareRemote(tmp, "svc", Map.of("pom.xml", "v1"));
        GitFetcher.Checkout checkout = fetcher().sync(spec("svc", remote.url(), ""));

        assertThat(read(checkout.dir().resolve("config"))).doesNotContain("@");
        assertThat(GitFetcher.strip("https://bob:pw@git.acme.internal/x.git")).isEqualTo("https://git.acme.internal/x.git");
    }
}
