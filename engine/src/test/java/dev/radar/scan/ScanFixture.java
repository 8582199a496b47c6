package dev.radar.scan;

import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.radar.RadarLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Small organisations for scan tests: repositories as folders or as local git remotes, and scan requests. */
final class ScanFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static PolicyEngine engine;
    private static Radar radar;

    private ScanFixture() {}

    static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = PolicyEngine.load(Optional.empty());
        }
        return engine;
    }

    static synchronized Radar radar() {
        if (radar == null) {
            radar = RadarLoader.load(resource("/scan/radar.yaml"));
        }
        return radar;
    }

    static Path resource(String name) {
        try {
            return Path.of(ScanFixture.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pom.xml declaring {@code group:artifact:version} dependencies. */
    static String pom(String artifact, String... coordinates) {
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] p = c.split(":");
            deps.append("    <dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version></dependency>\n");
        }
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>" + artifact
                + "</artifactId>\n  <version>1.0</version>\n  <dependencies>\n" + deps + "  </dependencies>\n</project>\n";
    }

    static String catalogInfo(String owner) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  tags: [service]\nspec:\n  owner: group:default/"
                + owner + "\n";
    }

    /** Writes files (path to text) below a folder. */
    static Path write(Path dir, Map<String, String> files) {
        try {
            for (var e : files.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example organisation of the scan tests: nine repositories over four teams, with hold, trial, unknown and
     * language findings, one without a team.
     */
    static Path organisation(Path root) {
        write(root.resolve("billing-core"), Map.of("pom.xml", pom("billing-core", "log4j:log4j:1.2.17", "org.postgresql:postgresql:42.7.4"),
                "catalog-info.yaml", catalogInfo("billing")));
        write(root.resolve("billing-ui"), Map.of("pom.xml", pom("billing-ui", "org.apache.logging.log4j:log4j-core:2.24.1"),
                "src/index.php", "<?php echo 'hi';\n", "catalog-info.yaml", catalogInfo("billing")));
        write(root.resolve("catalog"), Map.of("pom.xml", pom("catalog", "org.mongodb:mongodb-driver-sync:4.11.1",
                "org.postgresql:postgresql:42.7.3"), "catalog-info.yaml", catalogInfo("shop")));
        write(root.resolve("checkout"), Map.of("pom.xml", pom("checkout", "org.postgresql:postgresql:42.7.4",
                "org.testcontainers:postgresql:1.20.1", "com.example:left-pad:1.0"), "catalog-info.yaml", catalogInfo("shop")));
        write(root.resolve("inventory"), Map.of("pom.xml", pom("inventory", "org.apache.logging.log4j:log4j-core:2.20.0",
                "com.example:left-pad:1.1"), "catalog-info.yaml", catalogInfo("shop")));
        write(root.resolve("ledger"), Map.of("pom.xml", pom("ledger", "org.postgresql:postgresql:42.7.4"),
                "catalog-info.yaml", catalogInfo("payments")));
        write(root.resolve("payments"), Map.of("pom.xml", pom("payments", "log4j:log4j:1.2.17", "org.mongodb:bson:4.11.1"),
                "catalog-info.yaml", catalogInfo("payments")));
        write(root.resolve("reports"), Map.of("pom.xml", pom("reports", "com.example:charts:3.2")));
        write(root.resolve("search"), Map.of("pom.xml", pom("search", "org.testcontainers:elasticsearch:1.20.1"),
                "catalog-info.yaml", catalogInfo("shop")));
        return root;
    }

    /** A scan request with test defaults: the test radar, two workers, the whole organisation. */
    static ScanRequest request(RepoSource source, Path out) {
        return request(source, out, TODAY, Shard.ALL, false);
    }

    static ScanRequest request(RepoSource source, Path out, LocalDate today, Shard shard, boolean resume) {
        try {
            return new ScanRequest(source, out, radar(), today, shard, 2, 2, resume, false, 90,
                    ScanConfig.of(radar(), engine().sources(), List.of()), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RepoSource folder(Path dir) {
        try {
            return RepoSource.folder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records what happened to each repository. */
    static class Recorder implements ScanListener {
        final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        final List<String> notes = new ArrayList<>();

        @Override
        public void repository(RepoResult result, Outcome outcome, int done, int total) {
            outcomes.put(result.name(), outcome);
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }

        long count(Outcome outcome) {
            return outcomes.values().stream().filter(o -> o == outcome).count();
        }
    }

    /**
     * A bare git repository on disk, as a remote to clone from, with a work tree beside it that commits are made
     * in and pushed from.
     */
    static final class BareRemote {
        final Path bare;
        final Path work;

        BareRemote(Path parent, String name, Map<String, String> files) {
            this.work = parent.resolve(name + "-work");
            this.bare = parent.resolve(name + ".git");
            write(work, files);
            try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                commit(git, "initial");
                Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
                git.push().setRemote(bare.toUri().toString()).add("main").call();
            } catch (GitAPIException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Commits files on a branch (created from main when new) and pushes it; returns the commit id. */
        String commit(String branch, Map<String, String> files, String message) {
            try (Git git = Git.open(work.toFile())) {
                if (git.getRepository().resolve("refs/heads/" + branch) == null) {
                    git.checkout().setCreateBranch(true).setName(branch).setStartPoint("main").call();
                } else {
                    git.checkout().setName(branch).call();
                }
                write(work, files);
                git.add().addFilepattern(".").call();
                String id = commit(git, message);
                git.push().setRemote(bare.toUri().toString()).add(branch).call();
                git.checkout().setName("main").call();
                return id;
            } catch (IOException | GitAPIException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A {@code file://} URL: cloned into the cache and fetched like a remote on another machine. */
        String url() {
            return bare.toUri().toString();
        }

        /** A plain path: a repository on this machine, read in place. */
        String path() {
            return bare.toString();
        }

        private static String commit(Git git, String message) throws GitAPIException {
            return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                    .setCommitter("Test", "test@example.com").setSign(false).call().getName();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
