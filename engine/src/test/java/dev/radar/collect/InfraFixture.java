package dev.radar.collect;

import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes fixture files into a temporary repository and runs one collector over the files it wants. */
final class InfraFixture {
    private final Path root;

    InfraFixture(Path root) {
        this.root = root;
    }

    InfraFixture file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RepoFacts run(Collector collector) {
        try {
            RepoTree tree = RepoTree.walk(root);
            Facts facts = new Facts("repo");
            List<String> wanted = tree.paths().stream().filter(collector::wants).toList();
            collector.collect(tree, wanted, facts);
            return facts.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
