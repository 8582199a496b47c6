package dev.radar.collect;

import dev.radar.model.CiTools;
import dev.radar.model.RepoFile;
import dev.radar.model.RepoPaths;
import dev.radar.model.Secrets;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Records which files a repository has, for presence rules: {@code readme}, {@code codeowners},
 * {@code ci-workflow}, {@code adr} (a {@code docs/adr} or {@code doc/adr} folder), {@code dockerfile},
 * {@code lint-config}, {@code private-key}, and {@code category:tool} kinds: {@code dependency-updates:dependabot},
 * {@code build:maven}, {@code tests:maven}, {@code coverage:jacoco}, {@code lint:build}, {@code lint:npm-test} (a linter in
 * {@code npm test}'s scripts), {@code dependency-scan:build}.
 * Build files are read as text for the plugins that configure coverage, linting and dependency scanning; key
 * files ({@code *.pem}, {@code id_rsa}) for a private key block; Rust sources, until one holds a test.
 */
public final class RepoFilesCollector implements Collector {

    private static final Set<String> README_DIRS = Set.of("", ".github/", "docs/");
    private static final Set<String> CODEOWNERS_DIRS = Set.of("", ".github/", "docs/", ".gitlab/");
    private static final Set<String> RENOVATE = Set.of(
            "renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".renovaterc.json5", ".github/renovate.json",
            ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5");
    private static final Map<String, String> BUILD_FILES = Map.ofEntries(
            Map.entry("pom.xml", "maven"), Map.entry("build.gradle", "gradle"), Map.entry("build.gradle.kts", "gradle"),
            Map.entry("package.json", "npm"), Map.entry("go.mod", "go"), Map.entry("cargo.toml", "cargo"),
            Map.entry("pyproject.toml", "python"), Map.entry("setup.py", "python"), Map.entry("setup.cfg", "python"));
    private static final Pattern LINT_CONFIG = Pattern.compile(
            "\\.eslintrc(\\..*)?|eslint\\.config\\.[cm]?[jt]s|\\.prettierrc(\\..*)?|prettier\\.config\\.[cm]?js|biome\\.jsonc?|"
                    + "\\.golangci\\.(ya?ml|toml|json)|\\.?rustfmt\\.toml|clippy\\.toml|\\.flake8|\\.?ruff\\.toml|\\.pylintrc|"
                    + "checkstyle\\.xml|\\.scalafmt\\.conf|\\.pre-commit-config\\.yaml|\\.markdownlint.*|\\.yamllint(\\.ya?ml)?|"
                    + "\\.hadolint\\.ya?ml|\\.stylelintrc.*|\\.rubocop\\.yml|detekt\\.yml|\\.swiftlint\\.yml|\\.editorconfig-checker\\.json");
    private static final Pattern DOCKERFILE = Pattern.compile("(?i)(dockerfile([.-].*)?|.*\\.dockerfile|containerfile)");
    private static final Pattern KEY_FILE = Pattern.compile("(?i).*\\.(pem|key|p8)|id_(rsa|dsa|ecdsa|ed25519)");
    private static final Pattern JVM_TESTS = Pattern.compile("(^|.*/)src/([A-Za-z]*[tT]est|it)/.*");
    private static final Pattern JS_TEST = Pattern.compile(".*\\.(test|spec)\\.[cm]?[jt]sx?");
    /** pytest's defaults, and the tests.py module Django's startapp writes (unittest discovery finds test*.py). */
    private static final Pattern PY_TEST = Pattern.compile("test_.*\\.py|.*_test\\.py|tests\\.py|conftest\\.py");
    private static final Pattern LINT_PLUGIN = Pattern.compile(
            "maven-checkstyle-plugin|\\bcheckstyle\\b|spotless|maven-pmd-plugin|id\\s*\\(?\\s*['\"]pmd['\"]|fmt-maven-plugin|ktlint|detekt|"
                    + "error_?prone|spotbugs|google-java-format|palantir-java-format|ktfmt|scalafmt");
    /** Every text {@link #LINT_PLUGIN} finds contains one of these; most build files contain none, so the regex is not run. */
    private static final List<String> LINT_PLUGIN_WORDS = List.of(
            "checkstyle", "spotless", "pmd", "fmt", "ktlint", "detekt", "prone", "spotbugs", "java-format");
    private static final List<String> DEPENDENCY_SCAN_PLUGINS = List.of("dependency-check-maven", "org.owasp.dependencycheck", "ossindex-maven-plugin");
    private static final Pattern EXAMPLE_DIR = Pattern.compile("(.*/)?(examples?|samples?|docs?)/.*");
    /**
     * Folders whose Dockerfiles build development or CI tooling, never what the repository deploys: a dev
     * container, and the CI systems' own folders (a Docker container action in .github/actions/, a CI image:
     * Cockatrice's .ci/Dockerfile, ccache's .travis/Dockerfile, modin's .jenkins/Dockerfile).
     */
    private static final Pattern CI_TOOLING_DIR = Pattern.compile(
            "(\\.devcontainer|\\.github|\\.gitlab|\\.circleci|\\.buildkite|\\.ci|\\.travis|\\.jenkins)/.*");
    /**
     * Gradle code that configures the build without being a project's build file: a script applied with
     * {@code apply from: 'gradle/coverage.gradle'}, and the convention plugins of {@code buildSrc/} or an included
     * {@code build-logic/} build ({@code java-conventions.gradle.kts}, nowinandroid's {@code Jacoco.kt}), where
     * multi-project builds configure JaCoCo, Spotless or dependency-check once for every project.
     */
    private static final Pattern JS_SOURCE = Pattern.compile(".*\\.[cm]?[jt]sx?");
    /** Jasmine's default layout: spec_dir {@code spec}, spec_files {@code **}{@code /*[sS]pec.js} (PlayerSpec.js, user_spec.js). */
    private static final Pattern JASMINE_SPEC_NAME = Pattern.compile("[^/]*[sS]pec\\.[cm]?[jt]sx?");
    private static final Pattern RUST_TEST = Pattern.compile("(.*/)?tests/[^/]+\\.rs");
    private static final int MAX_RUST_FILES_READ = 200;

    @Override
    public String name() {
        return "repo-files";
    }

    @Override
    public boolean wants(String path) {
        return kindOf(path) != null || isTestEvidence(path) != null || path.endsWith(".rs")
                || path.startsWith("docs/adr/") || path.startsWith("doc/adr/") || path.startsWith("docs/ADR/") || path.startsWith("doc/ADR/");
    }

    @Override
    public void collect(RepoTree tree, List<String> paths, Facts out) {
        Map<String, RepoFile> once = new LinkedHashMap<>();
        int rustRead = 0;
        for (String path : paths) {
            String kind = kindOf(path);
            if (kind != null) {
                switch (kind) {
                    case "private-key-candidate" -> {
                        if (containsPrivateKey(tree, path)) {
                            out.add(new RepoFile(out.repo(), path, "private-key"));
                        }
                    }
                    case "build" -> build(tree, path, once, out);
                    case "build-logic" -> buildPlugins(read(tree, path), path, once, out);
                    default -> out.add(new RepoFile(out.repo(), path, kind));
                }
            }
            if (isAdr(path.toLowerCase(Locale.ROOT))) {
                once.putIfAbsent("adr", new RepoFile(out.repo(), path.substring(0, path.indexOf('/', path.indexOf('/') + 1)), "adr"));
            }
            String testTool = isTestEvidence(path);
            if (testTool != null) {
                for (String tool : testTool.split(",")) {
                    once.putIfAbsent("tests:" + tool, new RepoFile(out.repo(), path, "tests:" + tool));
                }
            } else if (path.endsWith(".rs") && !once.containsKey("tests:cargo") && rustRead < MAX_RUST_FILES_READ) {
                rustRead++;
                String source = read(tree, path);
                if (source.contains("#[test]") || source.contains("#[cfg(test)]")) {
                    once.put("tests:cargo", new RepoFile(out.repo(), path, "tests:cargo"));
                }
            }
        }
        once.values().forEach(out::add);
    }

    /** Whether a lower-cased path matches {@code docs?/adr/.+} (without the regex: this runs for every path). */
    static boolean isAdr(String lower) {
        int rest = lower.startsWith("docs/adr/") ? 9 : lower.startsWith("doc/adr/") ? 8 : -1;
        return rest > 0 && rest < lower.length() && !hasLineBreak(lower, rest);
    }

    /** Whether a string holds, from an offset, a character regex {@code .} does not match. */
    private static boolean hasLineBreak(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** The kind of a file recognised by its path alone, or null. */
    static String kindOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int slash = path.lastIndexOf('/');
        String dir = lower.substring(0, slash + 1);
        String name = lower.substring(slash + 1);
        if ((name.equals("readme") || name.startsWith("readme.")) && README_DIRS.contains(dir)) {
            return "readme";
        }
        if (name.equals("codeowners") && CODEOWNERS_DIRS.contains(dir)) {
            return "codeowners";
        }
        if (WorkflowStepsCollector.isPipeline(lower)) {
            return "ci-workflow";
        }
        if (lower.equals(".github/dependabot.yml") || lower.equals(".github/dependabot.yaml")) {
            return "dependency-updates:dependabot";
        }
        if (RENOVATE.contains(lower)) {
            return "dependency-updates:renovate";
        }
        if (BUILD_FILES.containsKey(name) && !RepoPaths.isTest(path)) {
            return "build";
        }
        if (isGradleBuildLogic(lower) && !RepoPaths.isTest(path)) {
            return "build-logic";
        }
        if (mayBeLintConfig(name) && LINT_CONFIG.matcher(name).matches()) {
            return "lint-config";
        }
        if ((name.contains("dockerfile") || name.contains("containerfile")) && DOCKERFILE.matcher(name).matches()
                && !CI_TOOLING_DIR.matcher(lower).matches() && !RepoPaths.isTest(path) && !EXAMPLE_DIR.matcher(lower).matches()) {
            return "dockerfile";
        }
        if ((name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".p8") || name.startsWith("id_"))
                && KEY_FILE.matcher(name).matches()) {
            return "private-key-candidate";
        }
        return null;
    }

    /** Whether a lower-cased file name starts the way every name {@link #LINT_CONFIG} matches does. */
    private static boolean mayBeLintConfig(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char c = name.charAt(0);
        return c == '.' || c == 'e' || c == 'p' || c == 'b' || c == 'r' || c == 'c' || c == 'd';
    }

    /** The build tools whose tests a path is evidence of ({@code maven,gradle} for {@code src/test/...}), or null. */
    static String isTestEvidence(String path) {
        if (path.contains("src/") && JVM_TESTS.matcher(path).matches()) {
            return "maven,gradle";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith("_test.go")) {
            return "go";
        }
        if ((name.contains(".test.") || name.contains(".spec.")) && JS_TEST.matcher(name).matches()
                || (name.endsWith("s") || name.endsWith("sx")) && RepoPaths.isTest(path) && JS_SOURCE.matcher(name).matches()
                || path.contains("spec/") && isJasmineSpec(path)) {
            return "npm";
        }
        if (name.endsWith(".py") && (PY_TEST.matcher(name).matches() || RepoPaths.isTest(path))) {
            return "python";
        }
        if (path.endsWith(".rs") && path.contains("tests/") && RUST_TEST.matcher(path).matches()) {
            return "cargo";
        }
        return null;
    }

    private static void build(RepoTree tree, String path, Map<String, RepoFile> once, Facts out) {
        String tool = BUILD_FILES.get(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
        RepoFile previous = once.get("build:" + tool);
        if (previous == null || depth(path) < depth(previous.path())) {
            once.put("build:" + tool, new RepoFile(out.repo(), path, "build:" + tool));
        }
        if (tool.equals("npm")) {
            Tree manifest = packageJson(read(tree, path));
            if (lintsInTestLifecycle(manifest)) {
                once.putIfAbsent("lint:npm-test", new RepoFile(out.repo(), path, "lint:npm-test"));
            }
            if (path.equals("package.json") && manifest != null && manifest.get("renovate") != null) {
                // Renovate reads a "renovate" section of the root package.json (deprecated, still honoured)
                once.putIfAbsent("dependency-updates:renovate", new RepoFile(out.repo(), path, "dependency-updates:renovate"));
            }
        }
        if (!tool.equals("maven") && !tool.equals("gradle")) {
            return;
        }
        buildPlugins(read(tree, path), path, once, out);
    }

    /** The coverage, lint and dependency-scanning plugins a Maven or Gradle build file or Gradle build logic configures. */
    private static void buildPlugins(String text, String path, Map<String, RepoFile> once, Facts out) {
        if (text.contains("jacoco")) {
            once.putIfAbsent("coverage:jacoco", new RepoFile(out.repo(), path, "coverage:jacoco"));
        }
        if (text.contains("kover")) {
            once.putIfAbsent("coverage:kover", new RepoFile(out.repo(), path, "coverage:kover"));
        }
        if (CiTools.containsAny(text, LINT_PLUGIN_WORDS) && LINT_PLUGIN.matcher(text).find()) {
            once.putIfAbsent("lint:build", new RepoFile(out.repo(), path, "lint:build"));
        }
        if (CiTools.containsAny(text, DEPENDENCY_SCAN_PLUGINS)) {
            once.putIfAbsent("dependency-scan:build", new RepoFile(out.repo(), path, "dependency-scan:build"));
        }
    }

    /**
     * Whether {@code npm test} lints: its {@code pretest}, {@code test} or {@code posttest} script runs a linter or
     * formatter ({@code "pretest": "npm run lint"}), so every CI step that runs the tests runs it too.
     */
    static boolean lintsInTestLifecycle(Tree packageJson) {
        Tree scripts = packageJson == null ? null : packageJson.get("scripts");
        if (scripts == null || !scripts.isMapping()) {
            return false;
        }
        for (String name : List.of("pretest", "test", "posttest")) {
            Tree script = scripts.get(name);
            if (script != null && !script.isMapping() && !script.isSequence() && CiTools.lints("", script.text())) {
                return true;
            }
        }
        return false;
    }

    /** A package.json as a tree; null when it is not a JSON object (the npm collector reports that). */
    static Tree packageJson(String text) {
        try {
            Tree root = Tree.json(text);
            return root != null && root.isMapping() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static boolean containsPrivateKey(RepoTree tree, String path) {
        return tree.size(path) <= 64 * 1024 && Secrets.hasPrivateKey(read(tree, path));
    }

    private static String read(RepoTree tree, String path) {
        try {
            return tree.read(path);
        } catch (IOException e) {
            return ""; // presence is what counts here; unreadable build files are reported by their own collectors
        }
    }

    /**
     * Whether a (lower-case) path is Gradle build logic: a {@code *.gradle(.kts)} script other than a settings script,
     * or a {@code .kt}, {@code .groovy} or {@code .java} source under {@code src/main/} of a {@code buildsrc/} or
     * {@code build-logic/} folder; tested in one pass (RepoFilesCollectorTest holds the regex it replaces, which took a
     * quarter of a second on a hostile 4 KB path).
     */
    static boolean isGradleBuildLogic(String lower) {
        if (hasLineBreak(lower, 0)) {
            return false; // as the regex's '.' said
        }
        if (lower.endsWith(".gradle") || lower.endsWith(".gradle.kts")) {
            String name = lower.substring(lower.lastIndexOf('/') + 1);
            return !name.equals("settings.gradle") && !name.equals("settings.gradle.kts");
        }
        int dot = lower.endsWith(".kt") ? lower.length() - 3 : lower.endsWith(".java") ? lower.length() - 5
                : lower.endsWith(".groovy") ? lower.length() - 7 : -1;
        if (dot < 0) {
            return false;
        }
        int folder = segment(lower, "buildsrc/", 0);
        int logic = segment(lower, "build-logic/", 0);
        int after = folder < 0 ? (logic < 0 ? -1 : logic + "build-logic/".length())
                : logic < 0 || folder < logic ? folder + "buildsrc/".length() : logic + "build-logic/".length();
        if (after < 0) {
            return false;
        }
        int sources = segment(lower, "src/main/", after);
        return sources >= 0 && dot >= sources + "src/main/".length();
    }

    /** The first index at or after {@code from} where {@code part} starts a path segment (at {@code from} or after a '/'); -1 if none. */
    private static int segment(String path, String part, int from) {
        for (int i = path.indexOf(part, from); i >= 0; i = path.indexOf(part, i + 1)) {
            if (i == from || i == 0 || path.charAt(i - 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Jasmine's default layout: a file named {@code *[sS]pec.js} (also {@code .ts}, {@code .mjs}, {@code .jsx}, ...) in
     * a {@code spec/} folder or below one; tested per segment (RepoFilesCollectorTest holds the regex it replaces, which
     * backtracked for a tenth of a second on a hostile 4 KB path).
     */
    static boolean isJasmineSpec(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && (path.startsWith("spec/") || path.lastIndexOf("/spec/", slash) >= 0)
                && !hasLineBreak(path.substring(0, slash), 0) // the folders are matched by '.', the name by [^/]
                && JASMINE_SPEC_NAME.matcher(path.substring(slash + 1)).matches();
    }
}
