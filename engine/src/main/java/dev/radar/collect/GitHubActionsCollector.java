package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GitHub Actions workflows ({@code .github/workflows/*.yml}) and action metadata ({@code action.yml}
 * anywhere): every {@code uses: owner/repo[/path]@ref} of a step, a reusable-workflow job or a composite
 * action is a GitHub Action dependency at the line of its {@code uses:} key, grouped by owner, its ref
 * being both declared and resolved version. An action named by URL ({@code https://host/owner/repo@ref}) keeps a host
 * other than {@code github.com} in its group. Local {@code ./} actions are skipped; {@code docker://}
 * references (and a Docker action's {@code runs.image}) are Docker dependencies. A step reused through a YAML
 * alias ({@code - *checkout}) is the one declaration of its anchor.
 */
public final class GitHubActionsCollector implements Collector {

    /**
     * An action named by URL, as Gitea and Forgejo runners (which also run {@code .github/workflows}) accept:
     * {@code https://code.forgejo.org/actions/checkout@v4}; the host, then {@code owner/repo[/path]@ref}.
     */
    private static final Pattern ACTION_URL = Pattern.compile("(?i)https?://([^/@]+)/(.+)");

    @Override
    public String name() {
        return "github-actions";
    }

    @Override
    public boolean wants(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.equals("action.yml") || base.equals("action.yaml")) {
            return true;
        }
        return isWorkflow(path);
    }

    /**
     * A workflow: a YAML file directly in {@code .github/workflows/}, as GitHub reads them. An {@code action.yml} in a
     * subfolder of it ({@code .github/workflows/actions/setup/action.yml}) is a composite action's metadata.
     */
    private static boolean isWorkflow(String path) {
        return WorkflowStepsCollector.inFolder(path, ".github/workflows/");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            YamlNode root;
            try {
                root = tree.yaml(path);
            } catch (IOException e) {
                out.problem(path, 0, "GitHub Actions file could not be read: " + e.getMessage());
                continue;
            } catch (YamlException e) {
                out.problem(path, e.problem().line(), "GitHub Actions file " + e.problem().message());
                continue;
            }
            if (root == null) {
                continue;
            }
            Set<String> declared = new HashSet<>();
            if (isWorkflow(path)) {
                YamlNode jobs = YamlLookup.get(root, "jobs");
                for (Map.Entry<YamlNode, YamlNode> job : jobs == null ? List.<Map.Entry<YamlNode, YamlNode>>of() : jobs.entries()) {
                    uses(YamlLookup.entry(job.getValue(), "uses"), path, declared, out);
                    steps(YamlLookup.get(job.getValue(), "steps"), path, declared, out);
                }
            } else {
                YamlNode runs = YamlLookup.get(root, "runs");
                steps(YamlLookup.get(runs, "steps"), path, declared, out);
                Map.Entry<YamlNode, YamlNode> image = YamlLookup.entry(runs, "image");
                if (image != null && image.getValue().text() != null && image.getValue().text().trim().startsWith("docker://")) {
                    uses(image, path, declared, out);
                }
            }
        }
    }

    private static void steps(YamlNode steps, String path, Set<String> declared, Facts out) {
        if (steps == null) {
            return;
        }
        for (YamlNode step : steps.items()) {
            uses(YamlLookup.entry(step, "uses"), path, declared, out);
        }
    }

    /** One {@code uses:}; {@code declared} holds the positions already listed, so an aliased step counts once. */
    private static void uses(Map.Entry<YamlNode, YamlNode> entry, String path, Set<String> declared, Facts out) {
        if (entry == null || entry.getValue().text() == null || !declared.add(YamlLookup.position(entry.getKey()))) {
            return;
        }
        String value = entry.getValue().text().trim();
        int line = entry.getKey().line();
        if (value.isEmpty() || value.startsWith(".") || value.startsWith("/") || value.contains("${{")) {
            return; // local actions and expressions name nothing outside the repository
        }
        if (value.startsWith("docker://")) {
            ImageReference.parseOrReport(value.substring("docker://".length()), ShellVariables.none(), path, line, out)
                    .ifPresent(ref -> out.add(ref.dependency(out.repo(), "ci", path, line)));
            return;
        }
        String host = "";
        String reference = value;
        Matcher url = ACTION_URL.matcher(value);
        if (url.matches()) {
            host = url.group(1).toLowerCase(Locale.ROOT).equals("github.com") ? "" : url.group(1) + "/";
            reference = url.group(2);
        }
        int at = reference.indexOf('@');
        String coordinate = at < 0 ? reference : reference.substring(0, at);
        String ref = at < 0 ? "" : reference.substring(at + 1);
        int slash = coordinate.indexOf('/');
        if (slash <= 0 || slash == coordinate.length() - 1 || coordinate.indexOf(':') >= 0) {
            out.problem(path, line, "'uses: " + value + "' is not owner/repo[/path]@ref");
            return;
        }
        out.add(new Dependency(out.repo(), Ecosystem.GITHUB_ACTION, host + coordinate.substring(0, slash), coordinate.substring(slash + 1),
                ref, ref, "ci", true, path, line, List.of()));
    }
}
