package dev.radar.collect;

import dev.radar.model.CiStep;
import dev.radar.model.CiTools;
import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the steps of CI pipelines, so rules can tell whether CI lints, formats or scans dependencies: every
 * {@code uses:} and {@code run:} step of GitHub Actions workflows ({@code .github/workflows/*.yml}, and Gitea's and
 * Forgejo's, which share the format: {@code .gitea/workflows/*.yml}, {@code .forgejo/workflows/*.yml}), a job-level
 * reusable workflow, the steps of composite actions ({@code action.yml}), and the {@code script} lines and
 * {@code include}s (a template such as {@code Jobs/Dependency-Scanning.gitlab-ci.yml}, as the step's {@code uses})
 * of GitLab CI, also in the files {@code .gitlab-ci.yml} includes from the repository ({@code include: local:}), and a job's
 * {@code artifacts: reports: dependency_scanning:} as a step that scans dependencies. A job or step switched off with {@code if: false} (or {@code if: ${{ false }}}) runs nothing. Other CI systems (Jenkinsfile, CircleCI, Travis, Azure, Bitbucket,
 * Woodpecker's {@code .woodpecker.yml} or {@code .woodpecker/*.yml}, AWS CodeBuild's {@code buildspec.yml}, Cloud Build,
 * Cirrus CI, AppVeyor, Semaphore, Bitrise, Codefresh) are read as one script step per file: lenient, but
 * enough to see {@code mvn spotless:check} or {@code trivy fs}.
 */
public final class WorkflowStepsCollector implements Collector {

    /** The pipeline files of the CI systems read as one script (lower case, from the repository root). */
    private static final Set<String> WHOLE_FILE_CI = Set.of(
            "jenkinsfile", ".circleci/config.yml", "azure-pipelines.yml", "azure-pipelines.yaml", "bitbucket-pipelines.yml",
            ".travis.yml", ".buildkite/pipeline.yml", ".drone.yml", ".woodpecker.yml", ".woodpecker.yaml", "cloudbuild.yaml",
            "cloudbuild.yml", "buildspec.yml", "buildspec.yaml", ".cirrus.yml", "appveyor.yml", ".appveyor.yml",
            ".semaphore/semaphore.yml", "bitrise.yml", "codefresh.yml");
    /** Folders of workflows in the GitHub Actions format: GitHub's, Gitea's and Forgejo's (lower case). */
    private static final List<String> WORKFLOW_DIRS = List.of(".github/workflows/", ".gitea/workflows/", ".forgejo/workflows/");
    private static final Set<String> GITLAB_SCRIPTS = Set.of("script", "before_script", "after_script");

    @Override
    public String name() {
        return "ci-steps";
    }

    @Override
    public boolean wants(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return isPipeline(lower) || isAction(lower);
    }

    /** Whether a path (lower case, from the repository root) is a CI pipeline of any CI system this collector reads. */
    static boolean isPipeline(String lower) {
        return isWorkflow(lower) || lower.equals(".gitlab-ci.yml") || isWholeFileCi(lower);
    }

    static boolean isWorkflow(String lower) {
        for (String dir : WORKFLOW_DIRS) { // every file of a repository is asked: no stream per call
            if (inFolder(lower, dir)) {
                return true;
            }
        }
        return false;
    }

    /** A pipeline read as one script: {@link #WHOLE_FILE_CI}, or one of Woodpecker's workflows in {@code .woodpecker/}. */
    private static boolean isWholeFileCi(String lower) {
        return WHOLE_FILE_CI.contains(lower) || inFolder(lower, ".woodpecker/");
    }

    /** A YAML file directly in {@code dir}, not in a subfolder of it. */
    static boolean inFolder(String lower, String dir) {
        return lower.startsWith(dir) && lower.indexOf('/', dir.length()) < 0 && (lower.endsWith(".yml") || lower.endsWith(".yaml"));
    }

    private static boolean isAction(String lower) {
        return (lower.equals("action.yml") || lower.equals("action.yaml") || lower.startsWith(".github/actions/"))
                && (lower.endsWith("/action.yml") || lower.endsWith("/action.yaml") || lower.startsWith("action."));
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (isWholeFileCi(lower)) {
                try {
                    out.add(new CiStep(out.repo(), path, 1, "", "", tree.read(path)));
                } catch (IOException e) {
                    out.problem(path, 0, "cannot read CI configuration: " + e.getMessage());
                }
                continue;
            }
            YamlNode root = mapping(tree, path, out); // parsed once: GitHubActionsCollector reads workflows too
            if (root == null) {
                continue;
            }
            if (lower.equals(".gitlab-ci.yml")) {
                gitlab(tree, path, root, out, new HashSet<>(List.of(path)));
            } else if (isWorkflow(lower)) {
                YamlNode jobs = child(root, "jobs");
                if (jobs != null) {
                    for (Map.Entry<YamlNode, YamlNode> job : jobs.entries()) {
                        String id = job.getKey().text();
                        if (disabled(job.getValue())) {
                            continue;
                        }
                        YamlNode uses = child(job.getValue(), "uses");
                        if (uses != null && uses.isScalar()) {
                            out.add(new CiStep(out.repo(), path, uses.line(), id, uses.text(), ""));
                        }
                        steps(path, id, child(job.getValue(), "steps"), out);
                    }
                }
            } else {
                YamlNode runs = child(root, "runs");
                steps(path, "", runs == null ? null : child(runs, "steps"), out);
            }
        }
    }

    private static void steps(String path, String job, YamlNode steps, Facts out) {
        if (steps == null) {
            return;
        }
        for (YamlNode step : steps.items()) {
            if (disabled(step)) {
                continue;
            }
            YamlNode uses = child(step, "uses");
            YamlNode run = child(step, "run");
            if (uses != null && uses.isScalar()) {
                out.add(new CiStep(out.repo(), path, uses.line(), job, uses.text(), ""));
            } else if (run != null && run.isScalar()) {
                out.add(new CiStep(out.repo(), path, run.line(), job, "", run.text()));
            }
        }
    }

    /** Whether a job or step has {@code if: false}, the usual way to switch one off without deleting it. */
    private static boolean disabled(YamlNode node) {
        YamlNode condition = node.isMapping() ? child(node, "if") : null;
        return condition != null && condition.isScalar()
                && condition.text().replaceAll("^\\$\\{\\{\\s*|\\s*}}$", "").strip().equals("false");
    }

    /**
     * The include steps and script lines of a GitLab CI file, then those of the files it includes from the repository
     * itself ({@code include: local:}, or a bare path; wildcards as GitLab expands them), each at its own file and line:
     * a pipeline split into {@code .gitlab/ci/*.yml} runs their jobs as if they were written in {@code .gitlab-ci.yml}.
     */
    private static void gitlab(RepoTree tree, String path, YamlNode root, Facts out, Set<String> read) {
        List<String> locals = new ArrayList<>();
        YamlNode include = child(root, "include");
        if (include != null) {
            for (YamlNode item : include.isSequence() ? include.items() : List.of(include)) {
                YamlNode reference = item;
                if (item.isMapping()) {
                    reference = null;
                    for (String key : List.of("template", "component", "remote", "file", "local")) {
                        YamlNode v = child(item, key);
                        if (v != null && v.isScalar()) {
                            reference = v;
                            break;
                        }
                    }
                    YamlNode local = child(item, "local");
                    if (local != null && local.isScalar()) {
                        locals.add(local.text());
                    }
                } else if (item.isScalar() && !item.text().contains("://")) {
                    locals.add(item.text());
                }
                if (reference != null && reference.isScalar()) {
                    out.add(new CiStep(out.repo(), path, reference.line(), "include", reference.text(), ""));
                }
            }
        }
        for (Map.Entry<YamlNode, YamlNode> job : root.entries()) {
            if (!job.getValue().isMapping()) {
                continue;
            }
            YamlNode artifacts = child(job.getValue(), "artifacts");
            YamlNode reports = artifacts != null && artifacts.isMapping() ? child(artifacts, "reports") : null;
            if (reports != null && reports.isMapping()) {
                for (Map.Entry<YamlNode, YamlNode> report : reports.entries()) {
                    if (report.getKey().text().equals("dependency_scanning")) {
                        out.add(new CiStep(out.repo(), path, report.getKey().line(), job.getKey().text(),
                                CiTools.GITLAB_DEPENDENCY_SCANNING_REPORT, ""));
                    }
                }
            }
            for (Map.Entry<YamlNode, YamlNode> e : job.getValue().entries()) {
                if (!GITLAB_SCRIPTS.contains(e.getKey().text())) {
                    continue;
                }
                YamlNode script = e.getValue();
                if (script.isScalar()) {
                    out.add(new CiStep(out.repo(), path, script.line(), job.getKey().text(), "", script.text()));
                }
                for (YamlNode line : script.items()) {
                    if (line.isScalar()) {
                        out.add(new CiStep(out.repo(), path, line.line(), job.getKey().text(), "", line.text()));
                    }
                }
            }
        }
        for (String local : locals) {
            for (String included : localFiles(tree, local)) {
                if (!read.add(included)) {
                    continue;
                }
                YamlNode node = mapping(tree, included, out);
                if (node != null) {
                    gitlab(tree, included, node, out, read);
                }
            }
        }
    }

    /**
     * The files of the tree an {@code include: local:} path names: the path from the repository root (a leading
     * {@code /} is optional), where {@code *} matches within one folder and {@code **} across folders, as GitLab
     * expands them ({@code .gitlab/ci/**.yml}, {@code **}{@code /jobs.yml}); sorted.
     */
    static List<String> localFiles(RepoTree tree, String local) {
        String path = local.strip();
        while (path.startsWith("/") || path.startsWith("./")) {
            path = path.substring(path.indexOf('/') + 1);
        }
        if (!path.contains("*")) {
            return tree.contains(path) ? List.of(path) : List.of();
        }
        if (path.length() > MAX_INCLUDE_PATTERN) {
            return List.of();
        }
        String pattern = path;
        String prefix = path.substring(0, path.indexOf('*'));
        return tree.paths().stream().filter(p -> p.startsWith(prefix) && includeMatches(pattern, p)).sorted().toList();
    }

    /** Longer {@code include: local:} wildcard patterns name no file: no real pipeline writes one. */
    private static final int MAX_INCLUDE_PATTERN = 512;

    /**
     * Whether a path matches an {@code include: local:} wildcard pattern: {@code *} any run of characters other than
     * {@code /}, {@code **} any run of characters, {@code **}{@code /} any number of whole folders (none included).
     * Dynamic programming over pattern and path, so quadratic at worst: a pattern such as {@code *a*a*a*a*b} cannot
     * make it backtrack for minutes, as a regular expression would.
     */
    static boolean includeMatches(String pattern, String path) {
        int n = path.length();
        // next[j]: the rest of the pattern after the current element matches path[j..]
        boolean[] next = new boolean[n + 1];
        next[n] = true;
        int i = pattern.length();
        while (i > 0) {
            boolean[] cur = new boolean[n + 1];
            if (pattern.charAt(i - 1) == '*') {
                boolean doubled = i >= 2 && pattern.charAt(i - 2) == '*';
                for (int j = n; j >= 0; j--) {
                    cur[j] = next[j] || j < n && (doubled || path.charAt(j) != '/') && cur[j + 1];
                }
                i -= doubled ? 2 : 1;
            } else if (pattern.charAt(i - 1) == '/' && i >= 3 && pattern.charAt(i - 2) == '*' && pattern.charAt(i - 3) == '*') {
                // **/ : nothing, or any characters up to and including a '/'
                boolean ending = false; // some k >= j with path[k] == '/' and next[k + 1]
                for (int j = n; j >= 0; j--) {
                    if (j < n && path.charAt(j) == '/' && next[j + 1]) {
                        ending = true;
                    }
                    cur[j] = next[j] || j < n && ending;
                }
                i -= 3;
            } else {
                char c = pattern.charAt(i - 1);
                for (int j = n - 1; j >= 0; j--) {
                    cur[j] = path.charAt(j) == c && next[j + 1];
                }
                i--;
            }
            next = cur;
        }
        return next[0];
    }

    /** A CI file's YAML when it is a mapping; null otherwise, with a problem when it cannot be read or parsed. */
    private static YamlNode mapping(RepoTree tree, String path, Facts out) {
        YamlNode root;
        try {
            root = tree.yaml(path);
        } catch (IOException e) {
            out.problem(path, 0, "cannot read CI configuration: " + e.getMessage());
            return null;
        } catch (YamlException e) {
            out.problem(path, e.problem().line(), "CI configuration " + e.problem().message());
            return null;
        }
        return root != null && root.isMapping() ? root : null;
    }

    private static YamlNode child(YamlNode node, String key) {
        for (Map.Entry<YamlNode, YamlNode> e : node.entries()) {
            if (key.equals(e.getKey().text())) {
                return e.getValue();
            }
        }
        return null;
    }
}
