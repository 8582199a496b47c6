package dev.radar.collect;

import dev.radar.model.RepoFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The registry of collectors: adding a file kind is one class and one line here. */
public final class Collectors {

    private static final List<Collector> ALL = List.of(
            new MavenCollector(),
            new GradleCollector(),
            new NpmCollector(),
            new RequirementsCollector(),
            new PyprojectCollector(),
            new PipfileCollector(),
            new GoModCollector(),
            new CargoCollector(),
            new DockerfileCollector(),
            new ComposeCollector(),
            new KubernetesCollector(),
            new HelmCollector(),
            new GitHubActionsCollector(),
            new TerraformCollector(),
            new CycloneDxCollector(),
            new LanguageCollector(),
            new OpenApiCollector(),
            new SpringConfigCollector(),
            new LogbackCollector(),
            new Log4j2Collector(),
            new RepoFilesCollector(),
            new WorkflowStepsCollector());

    private Collectors() {}

    public static List<Collector> all() {
        return ALL;
    }

    /** Files that mark the folder holding them as a Go project whose {@code vendor/} holds other projects' code. */
    private static final List<String> GO_VENDOR_OWNERS = List.of(
            "vendor/modules.txt", "go.mod", "Gopkg.lock", "glide.lock", "vendor.conf", "Godeps/Godeps.json");

    /**
     * Whether a file lies in a Go project's {@code vendor/} folder: copies of its dependencies (whole repositories in
     * the dep/glide/Godeps era, package folders with their Dockerfiles, workflows and manifests since), whose build
     * files declare the dependencies' dependencies, not this repository's.
     */
    static boolean inGoVendor(RepoTree tree, String path) {
        for (int at = path.indexOf("vendor/"); at >= 0; at = path.indexOf("vendor/", at + 1)) {
            if (at > 0 && path.charAt(at - 1) != '/') {
                continue;
            }
            String owner = path.substring(0, at);
            if (GO_VENDOR_OWNERS.stream().anyMatch(marker -> tree.contains(owner + marker))) {
                return true;
            }
        }
        return false;
    }

    /** Walks a repository and runs every collector over the files it wants. */
    public static RepoFacts collect(String repo, Path dir) throws IOException {
        return collect(repo, RepoTree.walk(dir));
    }

    public static RepoFacts collect(String repo, RepoTree tree) {
        Facts facts = new Facts(repo);
        for (String path : tree.refused()) {
            facts.problem(path, 0, "not read: the name holds control characters (shown as '?'), which could forge report or CI log lines");
        }
        for (String link : tree.links()) {
            if (ALL.stream().anyMatch(c -> c.wants(link))) {
                facts.problem(link, 0, "not read: a symbolic link, and links are never followed (they could point outside the repository)");
            }
        }
        for (Collector collector : ALL) {
            List<String> wanted = new ArrayList<>();
            for (String path : tree.paths()) {
                if (collector.wants(path) && !inGoVendor(tree, path)) {
                    wanted.add(path);
                }
            }
            try {
                collector.collect(tree, wanted, facts);
            } catch (RuntimeException | StackOverflowError e) {
                // A collector bug (or a parser recursing on hostile input) must not lose the rest of the repository:
                // report it where it happened.
                facts.problem(wanted.isEmpty() ? "" : wanted.get(0), 0,
                        collector.name() + " collector failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        for (String path : tree.unreadable()) {
            facts.problem(path, 0, "cannot be opened (permission denied or an I/O error): the files in it were not checked");
        }
        return facts.build();
    }
}
