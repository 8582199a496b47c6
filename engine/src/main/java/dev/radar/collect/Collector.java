package dev.radar.collect;

import java.util.List;

/**
 * Reads one kind of file. A collector picks its files by path, reads them through the
 * {@link RepoTree} (which enforces size limits and never leaves the repository) and adds facts to
 * the {@link Facts} it is given. It reports unreadable files there too, instead of throwing.
 */
public interface Collector {

    /** A short name for help texts and problems, e.g. {@code maven}. */
    String name();

    /** Whether this collector reads the file at this repository-relative path ({@code /} separators). */
    boolean wants(String path);

    /** Reads the wanted files (in path order) and adds what they declare to {@code out}. */
    void collect(RepoTree tree, List<String> paths, Facts out);
}
