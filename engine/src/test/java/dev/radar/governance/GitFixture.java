package dev.radar.governance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A throw-away git repository holding versions of a radar.yaml, committed at chosen dates. */
final class GitFixture implements AutoCloseable {
    static final String HEAD = "quadrants: [languages-frameworks, tools, platforms, techniques]\nentries:\n";

    private final Git git;
    private final Path root;

    GitFixture(Path root) throws GitAPIException {
        this.root = root;
        this.git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    }

    Path radar() {
        return root.resolve("radar.yaml");
    }

    /** Writes radar.yaml without committing. */
    GitFixture write(String text) throws IOException {
        Files.writeString(radar(), text, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes and commits radar.yaml on a day; returns the commit id. */
    String commit(String day, String message, String text) throws IOException, GitAPIException {
        write(text);
        git.add().addFilepattern("radar.yaml").call();
        PersonIdent who = new PersonIdent("Alice", "alice@example.com", Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
    }

    /** A commit that does not touch radar.yaml. */
    String commitOther(String day, String message) throws IOException, GitAPIException {
        Files.writeString(root.resolve("README.md"), message, StandardCharsets.UTF_8);
        git.add().addFilepattern("README.md").call();
        PersonIdent who = new PersonIdent("Bob", "bob@example.com", Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
    }

    static String entry(String id, String ring) {
        return "  - id: " + id + "\n    name: " + id.toUpperCase(java.util.Locale.ROOT) + "\n    quadrant: platforms\n    ring: " + ring
                + "\n    rationale: Because " + ring + ".\n";
    }

    @Override
    public void close() {
        git.close();
    }
}
