package dev.radar.scan;

import dev.radar.collect.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit of a cached clone, read straight from its object database: the org scan checks a fetched
 * commit without writing a work tree (no checkout, no reset, no walk of the disk). The walk follows the rules of
 * {@link RepoTree#walk}: folders in {@link RepoTree#SKIPPED_DIRS} are left out, names with control characters (and
 * names no folder could hold) are refused, symbolic links are listed and never read, submodules are left out (their
 * files live in another repository, as an uninitialised submodule on disk is an empty folder). Open while the
 * repository is checked; one thread at a time.
 */
public final class GitTree implements AutoCloseable {
    private final Repository repo;
    private final ObjectReader reader;
    private final RepoTree tree;

    private GitTree(Repository repo, ObjectReader reader, RepoTree tree) {
        this.repo = repo;
        this.reader = reader;
        this.tree = tree;
    }

    /**
     * Opens a commit of a bare repository.
     *
     * @throws IOException when the repository, the commit or one of its trees cannot be read (a corrupt clone)
     */
    public static GitTree open(Path gitDir, String commit) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().setMustExist(true).build();
        ObjectReader reader = repo.newObjectReader();
        try {
            return new GitTree(repo, reader, walk(reader, ObjectId.fromString(commit)));
        } catch (MissingObjectException e) {
            reader.close();
            repo.close();
            throw new IOException("object " + e.getObjectId().name() + " is missing", e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            repo.close();
            throw e;
        }
    }

    /** The commit's files, readable while this is open. */
    public RepoTree tree() {
        return tree;
    }

    private static RepoTree walk(ObjectReader reader, ObjectId commit) throws IOException {
        RevCommit c;
        try (RevWalk rw = new RevWalk(reader)) {
            c = rw.parseCommit(commit);
        }
        List<String> paths = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, ObjectId> ids = new HashMap<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(c.getTree());
            tw.setRecursive(false);
            while (tw.next()) {
                String path = tw.getPathString();
                int type = tw.getRawMode(0) & FileMode.TYPE_MASK;
                boolean folder = type == FileMode.TYPE_TREE;
                if (RepoTree.unsafeName(tw.getNameString())) {
                    refused.add(RepoTree.printable(path) + (folder ? "/" : ""));
                } else if (folder) {
                    if (!RepoTree.SKIPPED_DIRS.contains(tw.getNameString())) {
                        tw.enterSubtree();
                    }
                } else if (type == FileMode.TYPE_FILE) {
                    paths.add(path);
                    ids.put(path, tw.getObjectId(0));
                } else if (type == FileMode.TYPE_SYMLINK) {
                    links.add(path);
                }
                // TYPE_GITLINK: a submodule, whose files are in another repository
            }
        }
        return RepoTree.of(paths, links, refused, new RepoTree.Blobs() {
            @Override
            public long size(String path) throws IOException {
                try {
                    return reader.getObjectSize(ids.get(path), Constants.OBJ_BLOB);
                } catch (MissingObjectException e) {
                    throw new IOException("its git object is missing from the repository");
                }
            }

            @Override
            public byte[] read(String path) throws IOException {
                try {
                    return reader.open(ids.get(path), Constants.OBJ_BLOB).getCachedBytes((int) RepoTree.MAX_FILE_BYTES);
                } catch (MissingObjectException e) {
                    throw new IOException("its git object is missing from the repository");
                } catch (LargeObjectException e) {
                    throw new IOException("file is over the " + RepoTree.MAX_FILE_BYTES / (1024 * 1024) + " MiB limit; skipped");
                }
            }
        });
    }

    @Override
    public void close() {
        reader.close();
        repo.close();
    }
}
