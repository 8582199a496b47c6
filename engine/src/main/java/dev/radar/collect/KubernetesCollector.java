package dev.radar.collect;

import dev.radar.yaml.YamlException;
import dev.radar.yaml.YamlNode;
import dev.radar.yaml.YamlReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes manifests (any YAML document, or JSON file's object, with {@code apiVersion} and {@code kind}): every
 * {@code image} of {@code containers}, {@code initContainers}, {@code ephemeralContainers} and
 * {@code sidecars}, wherever the pod spec sits (Pod, workload templates, CronJob job templates, Lists), and
 * of the single {@code container} or {@code script} and the {@code steps} that custom resources such as Argo
 * Workflows templates and Tekton tasks declare, is a Docker dependency at the line of its {@code image:} key,
 * once even when YAML aliases reuse the container. An untagged image that a Skaffold config builds from the repository is
 * a placeholder Skaffold tags at deploy time, and so is a {@code ko://} Go import path, which {@code ko resolve} replaces
 * with the image it builds: their resolved version stays empty instead of {@code latest}.
 * Containers' liveness, readiness and startup probes become settings (see {@link KubernetesProbes}), also
 * those of Helm chart templates and a chart's {@code values.yaml}, which are otherwise not manifests.
 * Other YAML is skipped quietly.
 */
public final class KubernetesCollector implements Collector {

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers", "sidecars");
    /** Keys whose mapping is one container (Argo Workflows templates: {@code container}, {@code script}). */
    private static final Set<String> CONTAINERS = Set.of("container", "script");
    /** Files that are never manifests, skipped unread (package and lock files can be megabytes). */
    private static final Set<String> NOT_MANIFESTS = Set.of("chart.yaml", "chart.lock", "action.yml", "action.yaml",
            "pnpm-lock.yaml", "pnpm-workspace.yaml", ".pre-commit-config.yaml", ".gitlab-ci.yml", "mkdocs.yml", "codecov.yml",
            "package.json", "package-lock.json", "npm-shrinkwrap.json", "composer.json", "tsconfig.json", "pipfile.lock");
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^(apiVersion|kind)\\s*:\\s*\\S");
    /** A JSON manifest: an object with {@code "apiVersion"} and {@code "kind"} keys, as {@code kubectl} reads them. */
    private static final Pattern JSON_KEY = Pattern.compile("\"(apiVersion|kind)\"\\s*:");
    /** The scheme of an image that {@code ko} builds from a Go import path ({@code ko://github.com/acme/app/cmd/server}). */
    private static final String KO = "ko://";

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public boolean wants(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        if (NOT_MANIFESTS.contains(base)) {
            return false;
        }
        if (lower.endsWith(".json")) {
            return true;
        }
        return (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !lower.startsWith(".github/workflows/")
                && !ComposeCollector.isComposeFile(path);
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Set<String> built = skaffoldArtifacts(tree, paths);
        for (String path : paths) {
            String text;
            try {
                text = tree.read(path);
            } catch (IOException e) {
                continue; // most YAML files are not manifests: an unreadable one is not this collector's problem
            }
            if (isChartValues(tree, path)) {
                chartValues(path, text, out);
                continue;
            }
            if (path.substring(path.lastIndexOf('/') + 1).equalsIgnoreCase("values.yaml")) {
                continue; // Helm values outside a chart folder: not a manifest either
            }
            if (isHelmTemplate(tree, path, text)) {
                KubernetesProbes.ofTemplate(text, path, out);
                continue;
            }
            if (!text.contains("apiVersion") || !text.contains("kind")) {
                continue;
            }
            boolean json = path.toLowerCase(Locale.ROOT).endsWith(".json");
            if (json && (!text.stripLeading().startsWith("{") || JSON_KEY.matcher(text).results().map(m -> m.group(1)).distinct().count() < 2)) {
                continue; // JSON that is not an object with apiVersion and kind keys: package files, dashboards, schemas
            }
            List<YamlNode> documents;
            try {
                documents = YamlReader.parseAll(path, json ? jsonAsYaml(text) : text);
            } catch (YamlException e) {
                if (!json && TOP_KEY.matcher(text).results().map(m -> m.group(1)).distinct().count() == 2 && !text.contains("{{")) {
                    out.problem(path, e.problem().line(), "Kubernetes manifest " + e.problem().message());
                }
                continue;
            }
            for (YamlNode doc : documents) {
                String kind = YamlLookup.text(doc, "kind");
                String api = YamlLookup.text(doc, "apiVersion");
                if (kind == null || api == null || kind.isEmpty() || api.isEmpty() || kind.equals("CustomResourceDefinition")) {
                    continue;
                }
                String name = YamlLookup.text(YamlLookup.get(doc, "metadata"), "name");
                walk(doc, kind + "/" + (name == null ? "" : name), path, built, new HashSet<>(), out, 0);
            }
        }
    }

    /** Finds container lists anywhere in a manifest; {@code workload} ({@code Deployment/web}) names the probes' settings. */
    private static void walk(YamlNode node, String workload, String path, Set<String> built, Set<String> declared, Facts out, int depth) {
        if (depth > YamlReader.MAX_DEPTH) {
            return;
        }
        if (node.isSequence()) {
            for (YamlNode item : node.items()) {
                walk(item, workload, path, built, declared, out, depth + 1);
            }
            return;
        }
        for (Map.Entry<YamlNode, YamlNode> e : node.entries()) {
            String key = e.getKey().text();
            if (CONTAINER_LISTS.contains(key) && e.getValue().isSequence()) {
                List<YamlNode> containers = e.getValue().items();
                for (int i = 0; i < containers.size(); i++) {
                    image(containers.get(i), path, built, declared, out);
                    KubernetesProbes.ofContainer(containers.get(i), workload + "." + key + "[" + i + "]", path, out);
                }
            } else if (CONTAINERS.contains(key) && e.getValue().isMapping()) {
                image(e.getValue(), path, built, declared, out);
            } else if ("steps".equals(key) && e.getValue().isSequence()) {
                for (YamlNode step : e.getValue().items()) {
                    if (step.isMapping()) {
                        image(step, path, built, declared, out); // a Tekton step is a container; an Argo step names a template
                    }
                }
                walk(e.getValue(), workload, path, built, declared, out, depth + 1); // Argo steps may hold inline templates
            } else if (e.getValue().isMapping() || e.getValue().isSequence()) {
                walk(e.getValue(), workload, path, built, declared, out, depth + 1);
            }
        }
    }

    private static void image(YamlNode container, String path, Set<String> built, Set<String> declared, Facts out) {
        Map.Entry<YamlNode, YamlNode> image = YamlLookup.entry(container, "image");
        if (image == null || image.getValue().text() == null || !declared.add(YamlLookup.position(image.getKey()))) {
            return;
        }
        int line = image.getKey().line();
        ImageReference.parseOrReport(image.getValue().text(), ShellVariables.none(), path, line, out).ifPresent(ref -> {
            String full = ref.group().isEmpty() ? ref.name() : ref.group() + "/" + ref.name();
            ImageReference r = ref.declared().isEmpty() && (built.contains(full) || full.startsWith(KO))
                    ? new ImageReference(ref.group(), ref.name(), "", "") : ref;
            out.add(r.dependency(out.repo(), "runtime", path, line));
        });
    }

    /**
     * JSON text the YAML reader reads the same, line for line: JSON is YAML except that YAML does not indent with tabs
     * (JSON allows a raw tab only as whitespace, so a space reads the same) and YAML 1.1 has no {@code \\/} escape.
     */
    private static String jsonAsYaml(String json) {
        StringBuilder b = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                if (next != '/') {
                    b.append(c);
                }
                b.append(next);
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            b.append(c == '\t' ? ' ' : c);
        }
        return b.toString();
    }

    /** Images that Skaffold configs in the repository build ({@code build.artifacts[].image}, profiles too). */
    private static Set<String> skaffoldArtifacts(RepoTree tree, List<String> paths) {
        Set<String> images = new HashSet<>();
        for (String path : paths) {
            if (!path.substring(path.lastIndexOf('/') + 1).startsWith("skaffold")) {
                continue;
            }
            try {
                for (YamlNode doc : YamlReader.parseAll(path, tree.read(path))) {
                    String api = YamlLookup.text(doc, "apiVersion");
                    if (api != null && api.startsWith("skaffold/")) {
                        artifacts(doc, images, 0);
                    }
                }
            } catch (IOException | YamlException e) {
                // reported, if at all, when the file is read as a manifest
            }
        }
        return images;
    }

    private static void artifacts(YamlNode node, Set<String> images, int depth) {
        if (depth > YamlReader.MAX_DEPTH) {
            return;
        }
        for (YamlNode item : node.items()) {
            artifacts(item, images, depth + 1);
        }
        for (Map.Entry<YamlNode, YamlNode> e : node.entries()) {
            if ("artifacts".equals(e.getKey().text())) {
                for (YamlNode artifact : e.getValue().items()) {
                    String image = YamlLookup.text(artifact, "image");
                    if (image != null && !image.isBlank()) {
                        images.add(image.trim());
                    }
                }
            } else {
                artifacts(e.getValue(), images, depth + 1);
            }
        }
    }

    /** A chart's {@code values.yaml} (or {@code values-*.yaml}): the file next to its {@code Chart.yaml}. */
    private static boolean isChartValues(RepoTree tree, String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        return (base.equals("values.yaml") || base.matches("values[-.][^/]*\\.ya?ml"))
                && (tree.contains(dir + "Chart.yaml") || tree.contains(dir + "Chart.yml"));
    }

    private static void chartValues(String path, String text, Facts out) {
        if (!text.contains("Probe")) {
            return;
        }
        try {
            for (YamlNode doc : YamlReader.parseAll(path, text)) {
                KubernetesProbes.ofValues(doc, "", path, out, 0);
            }
        } catch (YamlException e) {
            // values that do not parse are Helm's to report; they only miss their probes here
        }
    }

    /**
     * Helm chart templates are Go templates, not manifests: files under a chart's {@code templates/} folder,
     * and any {@code templates/} file with template actions.
     */
    static boolean isHelmTemplate(RepoTree tree, String path, String text) {
        String[] parts = path.split("/");
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("templates")) {
                if (tree.contains(dir + "Chart.yaml") || tree.contains(dir + "Chart.yml") || text.contains("{{")) {
                    return true;
                }
            }
            dir.append(parts[i]).append('/');
        }
        return false;
    }
}
