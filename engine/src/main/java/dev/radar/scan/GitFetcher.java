package dev.radar.scan;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Clones repositories with JGit into a cache folder (bare: no work tree; shallow, depth 1, where the remote allows
 * it) and fetches them on later runs. A remote's current commit is asked for first ({@code ls-remote}), so an
 * unchanged repository is neither fetched nor checked. The check reads the fetched commit from the clone's objects
 * ({@link GitTree}); the clone's {@code HEAD} names the commit last fetched. A cache that cannot be opened or
 * updated is cloned afresh; a clone is made in a temporary folder and renamed into place, so a killed run never
 * leaves a half clone that looks whole. Credentials never reach the cache's git config or any message.
 */
public final class GitFetcher {

    /**
     * A commit ready to be read: the git folder that holds it and the commit. {@code cached}: the folder is radar's
     * bare clone in the cache (which radar may delete and clone again), not a repository of the user's on this machine
     * (which radar only reads).
     */
    public record Checkout(Path dir, String commit, boolean cached) {
        public Checkout(Path dir, String commit) {
            this(dir, commit, true);
        }
    }

    private static final String TARGET = "refs/radar/target";

    private final Path cache;
    private final Credentials credentials;
    private final Duration timeout;
    private final Redactor redactor;

    public GitFetcher(Path cache, Credentials credentials, Duration timeout) {
        this.cache = cache;
        this.credentials = credentials;
        this.timeout = timeout;
        this.redactor = new Redactor(credentials.secrets());
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * The commit the remote's branch (or its HEAD when no branch is named) points at now. A remote on this machine
     * (a local path or {@code file://} URL, e.g. a mirror) has its ref read directly; others are asked with
     * {@code ls-remote}.
     */
    public String remoteCommit(RepoSpec spec) throws FetchException {
        Remote remote = remote(spec);
        if (!GitUrls.isRemote(remote.url())) {
            return localCommit(spec, remote);
        }
        Deadline deadline = new Deadline(timeout);
        try {
            Map<String, Ref> refs = configure(Git.lsRemoteRepository().setRemote(remote.url()).setHeads(false).setTags(false), remote)
                    .callAsMap();
            String name = spec.branch().isEmpty() ? "HEAD" : "refs/heads/" + spec.branch();
            Ref ref = refs.get(name);
            if (ref == null || ref.getObjectId() == null) {
                throw new FetchException(spec.branch().isEmpty() ? "the remote has no HEAD (an empty repository?)"
                        : "the remote has no branch '" + spec.branch() + "'");
            }
            return ref.getObjectId().name();
        } catch (GitAPIException | RuntimeException e) {
            throw failure("ls-remote", e, deadline);
        }
    }

    private String localCommit(RepoSpec spec, Remote remote) throws FetchException {
        Path path;
        try {
            path = remote.url().regionMatches(true, 0, "file:", 0, 5) ? Path.of(new URI(remote.url())) : Path.of(remote.url());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("not a local repository: " + redactor.redact(remote.url()));
        }
        String name = spec.branch().isEmpty() ? "HEAD" : "refs/heads/" + spec.branch();
        Path direct = LocalRefs.gitDir(path);
        if (direct != null) {
            try {
                String commit = LocalRefs.resolve(direct, name);
                if (commit != null) {
                    return commit;
                }
            } catch (IOException e) {
                throw new FetchException(spec.branch().isEmpty() ? "the remote has no HEAD (an empty repository?)"
                        : "the remote has no branch '" + spec.branch() + "'");
            }
        }
        Path gitDir = Files.isDirectory(path.resolve(".git")) ? path.resolve(".git") : path;
        try (Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setMustExist(true).build()) {
            Ref ref = repo.exactRef(name);
            if (ref == null || ref.getObjectId() == null) {
                throw new FetchException(spec.branch().isEmpty() ? "the remote has no HEAD (an empty repository?)"
                        : "the remote has no branch '" + spec.branch() + "'");
            }
            return ref.getObjectId().name();
        } catch (IOException | RuntimeException e) {
            throw failure("ls-remote", e, null);
        }
    }

    /** Brings the cached clone of a repository to the remote's current commit, cloning it when needed. */
    public Checkout sync(RepoSpec spec) throws FetchException {
        return sync(spec, null);
    }

    /**
     * As {@link #sync(RepoSpec)}, when the remote's commit is already known (from {@link #remoteCommit}): a cache
     * that is checked out at that commit is used as it is, without talking to the remote again.
     */
    public Checkout sync(RepoSpec spec, String remoteCommit) throws FetchException {
        Remote remote = remote(spec);
        Path local = inPlace(remote.url());
        if (local != null) {
            return new Checkout(local, remoteCommit != null ? remoteCommit : localCommit(spec, remote), false);
        }
        Path dir = cacheDir(spec);
        if (Files.isDirectory(dir.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            discard(dir); // a clone with a work tree, as radar made them before it read commits from the objects
        }
        if (Files.isDirectory(dir)) {
            try {
                if (remoteCommit != null) {
                    String head = cachedHead(dir, remote);
                    if (remoteCommit.equals(head)) {
                        return new Checkout(dir, head);
                    }
                }
                return update(spec, remote, dir);
            } catch (TransportException e) {
                throw failure("fetch", e, null);
            } catch (FetchException e) {
                throw e;
            } catch (GitAPIException | IOException | RuntimeException e) {
                // A corrupt or foreign cache: start again from a fresh clone.
                discard(dir);
            }
        }
        return cloneInto(spec, remote, dir);
    }

    /**
     * The git folder of a repository given by a plain path on this machine (not a {@code file://} URL), which is read in
     * place: its objects are already on this disk, so a copy in the cache would only cost a transfer per new commit.
     * Null for every other remote, and for a local repository this reader does not handle (a {@code .git} file, a
     * reftable), which is then cloned like a remote. As with {@code git clone}, a {@code file://} URL asks for the copy.
     */
    static Path inPlace(String url) {
        if (GitUrls.isRemote(url) || url.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            Path gitDir = LocalRefs.gitDir(Path.of(url));
            return gitDir == null || Files.exists(gitDir.resolve("reftable")) ? null : gitDir.toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The cache folder of a repository: its name and a digest of its URL, so a changed URL is a fresh clone. */
    Path cacheDir(RepoSpec spec) {
        String key = Digests.hex(Digests.sha256(strip(spec.url()).getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        return cache.resolve(spec.name() + "-" + key);
    }

    /** The commit a cache was last fetched at, or null when it is not a clone of this remote (or cannot tell). */
    private static String cachedHead(Path dir, Remote remote) throws IOException {
        Path gitDir = LocalRefs.gitDir(dir);
        if (gitDir == null) {
            return null;
        }
        org.eclipse.jgit.lib.Config config = new org.eclipse.jgit.lib.Config();
        try {
            config.fromText(Files.readString(gitDir.resolve("config"), StandardCharsets.UTF_8));
        } catch (org.eclipse.jgit.errors.ConfigInvalidException e) {
            return null;
        }
        if (!remote.url().equals(config.getString("remote", "origin", "url"))) {
            return null;
        }
        return LocalRefs.resolve(gitDir, "HEAD");
    }

    private Checkout update(RepoSpec spec, Remote remote, Path dir) throws GitAPIException, IOException, FetchException {
        try (Repository repo = open(dir); Git git = Git.wrap(repo)) {
            String configured = repo.getConfig().getString("remote", "origin", "url");
            if (!remote.url().equals(configured)) {
                throw new IOException("cache belongs to another remote");
            }
            Deadline deadline = new Deadline(timeout);
            String source = spec.branch().isEmpty() ? "HEAD" : "refs/heads/" + spec.branch();
            var fetch = configure(git.fetch(), remote)
                    .setRemote("origin")
                    .setRefSpecs(new RefSpec("+" + source + ":" + TARGET))
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRecurseSubmodules(FetchRecurseSubmodulesMode.NO)
                    .setRemoveDeletedRefs(false)
                    .setProgressMonitor(deadline);
            if (repo.getObjectDatabase().getShallowCommits().size() > 0 || GitUrls.isRemote(remote.url())) {
                fetch.setDepth(1);
            }
            org.eclipse.jgit.transport.FetchResult fetched;
            try {
                fetched = fetch.call();
            } catch (TransportException e) {
                throw failure("fetch", e, deadline);
            }
            ObjectId target = repo.resolve(TARGET);
            if (target == null) {
                if (fetched.getAdvertisedRef(source) != null) {
                    throw new IOException("the fetched commit cannot be read from the clone"); // a damaged clone: cloned afresh
                }
                throw new FetchException("the remote has no " + (spec.branch().isEmpty() ? "HEAD" : "branch '" + spec.branch() + "'"));
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            if (!target.equals(head)) {
                // No work tree to rewrite: HEAD (detached) names the fetched commit, in one atomic ref update.
                RefUpdate move = repo.updateRef(Constants.HEAD, true);
                move.setNewObjectId(target);
                RefUpdate.Result moved = move.forceUpdate();
                if (moved != RefUpdate.Result.NEW && moved != RefUpdate.Result.FORCED && moved != RefUpdate.Result.NO_CHANGE
                        && moved != RefUpdate.Result.FAST_FORWARD) {
                    throw new IOException("cannot move the clone's HEAD: " + moved);
                }
            }
            return new Checkout(dir, target.name());
        }
    }

    /**
     * Opens a cached clone for an update: a bare repository at a known folder (no discovery), and this session's
     * copy of its configuration turns off what the cache does not need: reflogs (a fetch and a move of HEAD would each
     * append to them) and the automatic housekeeping check after every fetch (a cache holds one shallow commit).
     * Nothing is written to the clone's config file.
     */
    private static Repository open(Path dir) throws IOException {
        Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setBare()
                .setMustExist(true)
                .build();
        org.eclipse.jgit.lib.StoredConfig config = repo.getConfig();
        config.setBoolean("core", null, "logAllRefUpdates", false);
        config.setInt("gc", null, "auto", 0);
        config.setInt("gc", null, "autoPackLimit", 0);
        return repo;
    }

    private Checkout cloneInto(RepoSpec spec, Remote remote, Path dir) throws FetchException {
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            Files.createDirectories(cache);
            delete(partial);
            Deadline deadline = new Deadline(timeout);
            try {
                clone(spec, remote, partial, deadline, true);
            } catch (TransportException e) {
                if (deadline.expired() || !mentionsShallow(e)) {
                    throw e;
                }
                delete(partial); // a dumb-http remote cannot serve a shallow clone: take it whole
                clone(spec, remote, partial, deadline, false);
            }
            String commit;
            try (Git git = Git.open(partial.toFile())) {
                ObjectId head = git.getRepository().resolve("HEAD");
                if (head == null) {
                    throw new FetchException("the remote is empty: no commit to check");
                }
                commit = head.name();
            }
            try {
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, dir);
            }
            return new Checkout(dir, commit);
        } catch (GitAPIException | RuntimeException e) {
            delete(partial);
            throw failure("clone", e, null);
        } catch (IOException e) {
            delete(partial);
            throw new FetchException("clone: cannot write the cache: " + redactor.redact(e.getMessage()));
        }
    }

    private void clone(RepoSpec spec, Remote remote, Path into, Deadline deadline, boolean shallow) throws GitAPIException {
        CloneCommand clone = configure(Git.cloneRepository(), remote)
                .setURI(remote.url())
                .setDirectory(into.toFile())
                .setBare(true)
                .setCloneAllBranches(false)
                .setProgressMonitor(deadline);
        if (shallow) {
            clone.setDepth(1);
        }
        if (!spec.branch().isEmpty()) {
            clone.setBranch("refs/heads/" + spec.branch()).setBranchesToClone(List.of("refs/heads/" + spec.branch()));
        }
        clone.call().close();
    }

    private static boolean mentionsShallow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("shallow")) {
                return true;
            }
        }
        return false;
    }

    private <C extends TransportCommand<C, ?>> C configure(C command, Remote remote) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        command.setTimeout(seconds);
        if (remote.login() != null) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(remote.login().username(), remote.login().password()));
        }
        return command;
    }

    private record Remote(String url, Credentials.Login login) {}

    /** The URL JGit is given (user info removed) and the login that goes with it. */
    private Remote remote(RepoSpec spec) throws FetchException {
        String url = spec.url();
        String refusal = GitUrls.refusal(url);
        if (refusal != null) {
            throw new FetchException("url " + Redactor.url(url) + ": " + refusal);
        }
        if ("ssh".equals(GitUrls.scheme(url))) {
            throw new FetchException("ssh remotes are not supported by this build; use an https URL with a token (see docs/scan.md)");
        }
        Credentials.Login fromUrl = null;
        try {
            URI uri = new URI(url);
            String info = uri.getRawUserInfo();
            if (info != null && info.contains(":")) {
                int colon = info.indexOf(':');
                fromUrl = new Credentials.Login(java.net.URLDecoder.decode(info.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a URI (a local path or scp-like address): no user info to take
        }
        if (fromUrl != null) {
            redactor.learn(fromUrl.password());
        }
        String stripped = strip(url);
        Credentials.Login login = fromUrl != null ? fromUrl : credentials.lookup(stripped).orElse(null);
        return new Remote(stripped, login);
    }

    /** A URL without user info. */
    static String strip(String url) {
        return url.indexOf('@') < 0 ? url : USER_INFO.matcher(url).replaceFirst("$1");
    }

    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/@]+@");

    private FetchException failure(String what, Exception e, Deadline deadline) {
        if (deadline != null && deadline.expired() || timedOut(e)) {
            return new FetchException(what + ": timed out after " + timeout.toSeconds() + " s");
        }
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null && message.length() < 400; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (message.indexOf(m) < 0) {
                message.append(message.length() == 0 ? "" : ": ").append(m);
            }
        }
        return new FetchException(what + ": " + redactor.redact(message.toString().replace('\n', ' ')));
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException
                    || t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes a cache folder so that a crash midway cannot leave a folder that passes for a clone: it is first
     * renamed out of the way (one atomic step), then deleted.
     */
    static void discard(Path dir) {
        Path doomed = dir.resolveSibling(dir.getFileName() + ".deleting");
        delete(doomed);
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(dir);
            return;
        }
        delete(doomed);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: the next clone goes to a fresh .partial folder anyway
        }
    }

    /** Cancels JGit's work when the per-repository time is up. */
    private static final class Deadline implements ProgressMonitor {
        private final long end;

        Deadline(Duration timeout) {
            long now = System.nanoTime();
            long nanos = timeout.toNanos();
            this.end = Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos;
        }

        boolean expired() {
            return System.nanoTime() - end > 0;
        }

        @Override
        public void start(int totalTasks) {}

        @Override
        public void beginTask(String title, int totalWork) {}

        @Override
        public void update(int completed) {}

        @Override
        public void endTask() {}

        @Override
        public boolean isCancelled() {
            return expired();
        }

        @Override
        public void showDuration(boolean enabled) {}
    }
}
