package dev.radar.governance;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git history of one radar file, read with JGit: the versions committed on the current branch, the
 * text at any revision, and the working copy. Opened from the file's folder upwards, like {@code git} does.
 */
public final class RadarHistory implements AutoCloseable {

    /** One committed version of the radar file; {@code text} is empty when the commit deleted it. */
    public record Revision(String commit, Instant time, String author, String subject, Optional<String> text) {
        public String shortCommit() {
            return commit.substring(0, Math.min(10, commit.length()));
        }
    }

    private final Repository repository;
    private final String path;
    private final Path file;

    private RadarHistory(Repository repository, String path, Path file) {
        this.repository = repository;
        this.path = path;
        this.file = file;
    }

    /** The history of a radar file, or empty when the file is not inside a git work tree. */
    public static Optional<RadarHistory> open(Path radarFile) {
        Path absolute = radarFile.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(absolute.getParent().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repo = builder.setMustExist(true).build();
            if (repo.isBare()) {
                repo.close();
                return Optional.empty();
            }
            Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            Path real = absolute.getParent().toRealPath().resolve(absolute.getFileName());
            Path realTop = top.toRealPath();
            if (!real.startsWith(realTop)) {
                repo.close();
                return Optional.empty();
            }
            return Optional.of(new RadarHistory(repo, realTop.relativize(real).toString().replace('\\', '/'), absolute));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(radarFile.toString(), 0, 0, "cannot open its git repository: " + e.getMessage()));
        }
    }

    /** The file's path inside the repository, with {@code /} separators. */
    public String path() {
        return path;
    }

    /** The radar file as it is on disk now, or empty when it does not exist. */
    public Optional<String> workingText() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The commits that changed the file, oldest first; {@code after} (exclusive) limits them to later commits. */
    public List<Revision> revisions(Optional<String> after) {
        try (Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return List.of();
            }
            LogCommand log = git.log().addPath(path);
            if (after.isPresent()) {
                log.addRange(resolve(after.get()), head);
            } else {
                log.add(head);
            }
            List<Revision> out = new ArrayList<>();
            for (RevCommit c : log.call()) {
                out.add(new Revision(c.getName(), Instant.ofEpochSecond(c.getCommitTime()), c.getAuthorIdent().getName(),
                        c.getShortMessage(), textAt(c)));
            }
            java.util.Collections.reverse(out);
            return out;
        } catch (IOException | GitAPIException e) {
            throw new ConfigException(new ConfigProblem(path, 0, 0, "cannot read git history: " + e.getMessage()));
        }
    }

    /** The file's text at a revision (a commit id, branch, tag or expression like HEAD~1); empty when absent there. */
    public Optional<String> textAt(String revision) {
        try (RevWalk walk = new RevWalk(repository)) {
            return textAt(walk.parseCommit(resolve(revision)));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(path, 0, 0, "cannot read revision '" + revision + "': " + e.getMessage()));
        }
    }

    /** True when the revision names a commit in this repository. */
    public boolean isRevision(String revision) {
        try {
            return repository.resolve(revision + "^{commit}") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The commit a revision names, as a full id. */
    public String commitOf(String revision) {
        return resolve(revision).getName();
    }

    private ObjectId resolve(String revision) {
        try {
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw new ConfigException(new ConfigProblem(path, 0, 0, "unknown git revision '" + revision + "'"));
            }
            return id;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(new ConfigProblem(path, 0, 0, "unknown git revision '" + revision + "': " + e.getMessage()));
        }
    }

    private Optional<String> textAt(RevCommit commit) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null) {
                return Optional.empty();
            }
            ObjectLoader loader = repository.open(walk.getObjectId(0));
            return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
