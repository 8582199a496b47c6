package dev.radar.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.radar.collect.Collectors;
import dev.radar.collect.RepoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The org scan reads a fetched commit from the clone's objects: it must see what a walk of the checked-out files sees. */
class GitTreeTest {

    @TempDir
    Path tmp;

    private record Entry(FileMode mode, byte[] bytes) {}

    private static Entry file(String text) {
        return new Entry(FileMode.REGULAR_FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A bare repository with one commit holding these entries; returns the commit. */
    private static String commit(Path gitDir, Map<String, Entry> entries) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build()) {
            if (!Files.exists(gitDir.resolve("HEAD"))) {
                repo.create(true);
            }
            try (ObjectInserter ins = repo.newObjectInserter()) {
                DirCache index = DirCache.newInCore();
                DirCacheBuilder b = index.builder();
                for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                    DirCacheEntry d = new DirCacheEntry(e.getKey());
                    d.setFileMode(e.getValue().mode());
                    d.setObjectId(e.getValue().mode() == FileMode.GITLINK ? ObjectId.zeroId()
                            : ins.insert(Constants.OBJ_BLOB, e.getValue().bytes()));
                    b.add(d);
                }
                b.finish();
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(index.writeTree(ins));
                PersonIdent who = new PersonIdent("Test", "test@example.com");
                c.setAuthor(who);
                c.setCommitter(who);
                c.setMessage("test");
                ObjectId id = ins.insert(c);
                ins.flush();
                return id.name();
            }
        }
    }

    @Test
    void every_example_repository_gives_the_same_facts_from_its_commit_as_from_its_folder() throws IOException {
        Path examples = Path.of("..", "examples", "org");
        List<Path> repos;
        try (Stream<Path> s = Files.list(examples)) {
            repos = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(repos).hasSizeGreaterThanOrEqualTo(8);
        for (Path repo : repos) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            try (Stream<Path> s = Files.walk(repo)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    entries.put(repo.relativize(f).toString().replace('\\', '/'), new Entry(FileMode.REGULAR_FILE, Files.readAllBytes(f)));
                }
            }
            Path gitDir = tmp.resolve(repo.getFileName() + ".git");
            String commit = commit(gitDir, entries);

            try (GitTree git = GitTree.open(gitDir, commit)) {
                RepoTree disk = RepoTree.walk(repo);
                assertThat(git.tree().paths()).as(repo.toString()).isEqualTo(disk.paths());
                for (String p : disk.paths()) {
                    assertThat(git.tree().size(p)).as(p).isEqualTo(disk.size(p));
                }
                assertThat(Collectors.collect("x", git.tree())).as(repo.toString()).isEqualTo(Collectors.collect("x", disk));
            }
        }
    }

    @Test
    void links_are_listed_never_read_and_tool_folders_submodules_and_unsafe_names_are_left_out() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("pom.xml", file("<project/>"));
        entries.put("bin/run.sh", new Entry(FileMode.EXECUTABLE_FILE, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
        entries.put("secrets", new Entry(FileMode.SYMLINK, "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        entries.put("node_modules/left-pad/package.json", file("{}"));
        entries.put("sub/target/pom.xml", file("<project/>"));
        entries.put("vendor/lib", new Entry(FileMode.GITLINK, null));
        entries.put("evil\nname.txt", file("x"));
        entries.put("ctl\u0007dir/pom.xml", file("<project/>"));
        Path gitDir = tmp.resolve("odd.git");
        String commit = commit(gitDir, entries);

        try (GitTree git = GitTree.open(gitDir, commit)) {
            RepoTree tree = git.tree();
            assertThat(tree.paths()).containsExactly("bin/run.sh", "pom.xml");
            assertThat(tree.links()).containsExactly("secrets");
            assertThat(tree.refused()).containsExactly("ctl?dir/", "evil?name.txt");
            assertThat(tree.read("bin/run.sh")).isEqualTo("#!/bin/sh\n");
            assertThatThrownBy(() -> tree.read("secrets")).hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> tree.readIfPresent("secrets/x.yaml")).hasMessageContaining("secrets is a symbolic link");
            assertThatThrownBy(() -> tree.readIfPresent("bin")).hasMessageContaining("not a regular file");
            assertThat(tree.readIfPresent("pom.xml")).contains("<project/>");
            assertThat(tree.readIfPresent("catalog-info.yaml")).isEmpty();
        }
    }

    @Test
    void binary_and_non_utf8_blobs_are_refused_as_on_disk() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("package.json", new Entry(FileMode.REGULAR_FILE, new byte[] {'{', 0, '}'}));
        entries.put("go.mod", new Entry(FileMode.REGULAR_FILE, new byte[] {'m', (byte) 0xff, '\n'}));
        Path gitDir = tmp.resolve("bin.git");
        String commit = commit(gitDir, entries);

        try (GitTree git = GitTree.open(gitDir, commit)) {
            assertThatThrownBy(() -> git.tree().read("package.json")).hasMessageContaining("NUL character at line 1");
            assertThatThrownBy(() -> git.tree().read("go.mod")).hasMessageContaining("not UTF-8");
            assertThat(git.tree().size("go.mod")).isEqualTo(3);
        }
    }

    @Test
    void a_missing_commit_or_a_missing_object_is_an_error_that_names_it() throws IOException {
        Path gitDir = tmp.resolve("gone.git");
        String commit = commit(gitDir, Map.of("pom.xml", file("<project/>")));
        String other = "0123456789012345678901234567890123456789";

        assertThatThrownBy(() -> GitTree.open(gitDir, other)).isInstanceOf(IOException.class).hasMessageContaining(other);
        try (Stream<Path> s = Files.walk(gitDir.resolve("objects"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
        assertThatThrownBy(() -> GitTree.open(gitDir, commit)).isInstanceOf(IOException.class).hasMessageContaining(commit);
    }
}
