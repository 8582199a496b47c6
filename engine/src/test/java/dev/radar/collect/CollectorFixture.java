package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes hand-written fixture files into a folder and runs one collector over it, as the registry would. */
final class CollectorFixture {
    private final Path dir;

    CollectorFixture(Path dir) {
        this.dir = dir;
    }

    CollectorFixture file(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RepoFacts collect(Collector collector) {
        try {
            RepoTree tree = RepoTree.walk(dir);
            Facts facts = new Facts("fixture");
            collector.collect(tree, tree.paths().stream().filter(collector::wants).toList(), facts);
            return facts.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dependency as one comparable line: {@code group|name|declared|resolved|line}. */
    static String row(Dependency d) {
        return d.group() + "|" + d.name() + "|" + d.declaredVersion() + "|" + d.version() + "|" + d.line();
    }

    /** A transitive dependency with its via path: {@code name|resolved|line|a > b}. */
    static String locked(Dependency d) {
        return d.coordinate() + "|" + d.version() + "|" + d.line() + "|" + String.join(" > ", d.via());
    }

    /** The dependencies declared in one file, in line order. */
    static List<Dependency> in(RepoFacts facts, String file) {
        return facts.dependencies().stream().filter(d -> d.file().equals(file))
                .sorted(java.util.Comparator.comparingInt(Dependency::line)).toList();
    }

    /** Rows of one file keyed by coordinate, for tests that pick single entries. */
    static Map<String, Dependency> byCoordinate(RepoFacts facts, String file) {
        return in(facts, file).stream().collect(Collectors.toMap(Dependency::coordinate, d -> d, (a, b) -> a));
    }
}
