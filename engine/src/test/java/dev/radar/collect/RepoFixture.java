package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small repository into a temporary folder and collects it. */
public final class RepoFixture {
    private final Path root;

    public RepoFixture(Path root) {
        this.root = root;
    }

    public RepoFixture file(String path, String text) {
        try {
            Path f = root.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public RepoFacts collect() {
        try {
            return Collectors.collect("repo", root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dependency declared at a file and line. */
    public static Dependency at(RepoFacts facts, String file, int line) {
        List<Dependency> found = facts.dependencies().stream().filter(d -> d.file().equals(file) && d.line() == line).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one dependency at " + file + ":" + line + ", found " + found + " among " + facts.dependencies());
        }
        return found.get(0);
    }
}
