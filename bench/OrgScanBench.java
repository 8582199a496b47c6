// Helper of bench/org-scan (run with the radar class path, as a single-file Java program):
//   generate DIR N   N bare git repositories under DIR/remotes, shaped like examples/org and the corpus
//                    repositories (their build files, configs and sources, each repository a little
//                    different), and DIR/repos.yaml listing them
//   touch DIR K      one new commit (a changed build file) on K of the repositories, evenly spread
//   floor DIR N      the parse-only floor: read and collect the commits of the N cached clones in DIR from
//                    their objects, as the scan does (no fetch, no rules), on as many threads as cores;
//                    prints repos/s
import dev.radar.collect.Collectors;
import dev.radar.scan.GitTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

public class OrgScanBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "touch" -> touch(Path.of(args[1]), Integer.parseInt(args[2]));
            case "floor" -> floor(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Template repositories: every file of each folder, minus the corpus' ground-truth files. */
    static List<Map<String, byte[]>> templates(Path root) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("examples/org"))) {
            s.filter(Files::isDirectory).sorted().forEach(dirs::add);
        }
        // the corpus as bench/ci-gate finds it: $RADAR_CORPUS, or ../shared/corpus next to this checkout or a worktree
        List<Path> candidates = new ArrayList<>();
        if (System.getenv("RADAR_CORPUS") != null && !System.getenv("RADAR_CORPUS").isBlank()) {
            candidates.add(Path.of(System.getenv("RADAR_CORPUS")));
        }
        candidates.add(root.resolve("../shared/corpus"));
        candidates.add(root.resolve("../../shared/corpus"));
        Path corpus = candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
        if (corpus == null) {
            // without the corpus the repositories are only examples/org's shapes: lighter, and the figures not comparable
            System.err.println("OrgScanBench: WARNING: no shared corpus (tried " + candidates
                    + "); generating from examples/org only. Set RADAR_CORPUS to compare figures.");
        } else {
            for (String name : List.of("spring-projects__spring-petclinic", "apache__commons-lang", "gin-gonic__gin",
                    "fastapi__fastapi", "BurntSushi__ripgrep", "typicode__json-server")) {
                if (Files.isDirectory(corpus.resolve(name))) {
                    dirs.add(corpus.resolve(name));
                }
            }
        }
        System.err.println("OrgScanBench: " + dirs.size() + " template repositories"
                + (corpus == null ? "" : " (" + (dirs.size() - countExamples(root)) + " from " + corpus.normalize() + ")"));
        List<Map<String, byte[]>> out = new ArrayList<>();
        for (Path dir : dirs) {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    String rel = dir.relativize(f).toString().replace('\\', '/');
                    if (!rel.equals("EXPECTED.tsv") && !rel.equals("COVERAGE.txt") && !rel.equals("SOURCE.txt")) {
                        files.put(rel, Files.readAllBytes(f));
                    }
                }
            }
            out.add(files);
        }
        return out;
    }

    private static long countExamples(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("examples/org"))) {
            return s.filter(Files::isDirectory).count();
        }
    }

    static String name(int i) {
        return String.format("repo-%05d", i);
    }

    static void generate(Path dir, int n, Path root) throws Exception {
        List<Map<String, byte[]>> templates = templates(root);
        Files.createDirectories(dir.resolve("remotes"));
        StringBuilder yaml = new StringBuilder("# generated by bench/org-scan: " + n + " local bare repositories\nrepos:\n");
        String[] teams = {"payments", "checkout", "platform", "data", "web", "billing", "search", "identity"};
        for (int i = 1; i <= n; i++) {
            Map<String, byte[]> files = new TreeMap<>(templates.get(i % templates.size()));
            files.put("README.md", ("# " + name(i) + "\n\nGenerated for the org-scan benchmark from a template repository.\n")
                    .getBytes(StandardCharsets.UTF_8));
            Path bare = dir.resolve("remotes").resolve(name(i) + ".git");
            try (Repository repo = FileRepositoryBuilder.create(bare.toFile())) {
                repo.create(true);
                commit(repo, files, "initial");
            }
            yaml.append("  - {name: ").append(name(i)).append(", url: ").append(bare.toAbsolutePath())
                    .append(", team: ").append(teams[i % teams.length]).append("}\n");
        }
        Files.writeString(dir.resolve("repos.yaml"), yaml);
    }

    static void touch(Path dir, int k) throws Exception {
        List<Path> remotes;
        try (Stream<Path> s = Files.list(dir.resolve("remotes"))) {
            remotes = s.sorted().toList();
        }
        int step = Math.max(1, remotes.size() / k);
        for (int j = 0; j < k; j++) {
            try (Repository repo = new FileRepositoryBuilder().setGitDir(remotes.get(j * step).toFile()).build()) {
                Map<String, byte[]> files = read(repo);
                String touched = files.containsKey("pom.xml") ? "pom.xml" : "README.md";
                String text = new String(files.get(touched), StandardCharsets.UTF_8) + "\n<!-- changed " + System.nanoTime() + " -->\n";
                files.put(touched, text.getBytes(StandardCharsets.UTF_8));
                commit(repo, files, "change " + touched);
            }
        }
    }

    static Map<String, byte[]> read(Repository repo) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve("HEAD")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), repo.open(tree.getObjectId(0)).getBytes());
            }
        }
        return files;
    }

    static void commit(Repository repo, Map<String, byte[]> files, String message) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (var e : files.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(ins.insert(Constants.OBJ_BLOB, e.getValue()));
                b.add(entry);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            ObjectId parent = repo.resolve("refs/heads/main");
            if (parent != null) {
                c.setParentId(parent);
            }
            PersonIdent who = new PersonIdent("Bench", "bench@example.com");
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate ru = repo.updateRef("refs/heads/main");
            ru.setNewObjectId(id);
            ru.forceUpdate();
            repo.updateRef(Constants.HEAD).link("refs/heads/main");
        }
    }

    static void floor(Path cache, int n) throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(cache)) {
            dirs = s.filter(Files::isDirectory).sorted().limit(n).toList();
        }
        int threads = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 3; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (Path d : dirs) {
                all.add(pool.submit(() -> {
                    String head = Files.readString(d.resolve("HEAD"), StandardCharsets.UTF_8).trim();
                    if (head.startsWith("ref: ")) {
                        try (Repository repo = new FileRepositoryBuilder().setGitDir(d.toFile()).setBare().build()) {
                            head = repo.resolve(Constants.HEAD).name();
                        }
                    }
                    try (GitTree tree = GitTree.open(d, head)) {
                        return Collectors.collect(d.getFileName().toString(), tree.tree());
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("parse-only floor, round %d: %d repos in %.2f s = %.0f repos/s (%d threads)%n",
                    round + 1, dirs.size(), s, dirs.size() / s, threads);
        }
    }
}
