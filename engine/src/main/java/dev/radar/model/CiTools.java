package dev.radar.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises what a CI step does from its {@code uses:} action or its {@code run:} script: dependency
 * scanning (known vulnerabilities in dependencies) and formatting or linting. CodeQL is deliberately not a
 * dependency scanner: it analyses the repository's own code, not the published vulnerabilities of what it uses.
 * Neither is {@code npm audit signatures}: it verifies the registry signatures of installed packages, not their
 * advisories.
 */
public final class CiTools {

    private static final List<String> SCANNER_ACTIONS = List.of(
            "actions/dependency-review-action", "snyk/actions", "aquasecurity/trivy-action", "anchore/scan-action",
            "google/osv-scanner-action", "google/osv-scanner", "dependency-check/dependency-check_action", "pypa/gh-action-pip-audit",
            "rustsec/audit-check", "actions-rs/audit-check", "embarkstudios/cargo-deny-action", "golang/govulncheck-action",
            "renovatebot/github-action", "jfrog/frogbot", "sonatype-nexus-community/", "mend-toolkit/");
    private static final Pattern SCANNER_RUN = Pattern.compile(
            "(?i)\\b(snyk\\s+(test|monitor)|snyk/scan(?!-)|snyk/snyk-scan|snykSecurity(Scan)?|trivy\\s+(fs|filesystem|repo|repository|image|rootfs|sbom)|grype|osv-scanner|"
                    + "npm\\s+audit(?!\\s+signatures\\b)|yarn\\s+(npm\\s+)?audit|pnpm\\s+audit|pip-audit|"
                    + "safety\\s+(check|scan)|cargo(\\s+\\+\\S+)?[\\s-]+(audit|deny)|govulncheck|"
                    + "dependency-check|dependencyCheck(Analyze|Aggregate|Publisher)?|bundle(r)?[\\s-]+audit|audit-ci|ossindex)\\b");
    /**
     * Every text {@link #SCANNER_RUN} finds contains one of these, lower-cased: most scripts contain none, so the
     * regex (about a sixth of a microsecond per character) is not run on them.
     */
    private static final List<String> SCANNER_RUN_WORDS = List.of(
            "snyk", "trivy", "grype", "osv-scanner", "audit", "safety", "deny", "govulncheck", "dependency", "ossindex");

    private static final List<String> LINT_ACTIONS = List.of(
            "github/super-linter", "super-linter/super-linter", "golangci/golangci-lint-action", "reviewdog/", "pre-commit/action",
            "hadolint/hadolint-action", "astral-sh/ruff-action", "chartboost/ruff-action", "psf/black", "ludeeus/action-shellcheck",
            "wearerequired/lint-action", "davidanson/markdownlint-cli2-action", "dprint/check", "actions-rust-lang/rustfmt",
            "axel-op/googlejavaformat-action", "creyd/prettier_action", "oxsecurity/megalinter", "trunk-io/trunk-action");
    /** Action names that say what they run: {@code .../pre-commit}, {@code some/markdown-lint-action}, {@code x/terraform-fmt}. */
    private static final List<String> LINT_ACTION_WORDS = List.of(
            "lint", "pre-commit", "prek", "prettier", "fmt", "formatter", "format-check", "checkstyle", "spotless", "ruff");
    /**
     * {@code lint} is a word of its own also between underscores: {@code task lint_check}, {@code make ci_lint}; a
     * format check is a script named so ({@code yarn format:check}, {@code npm run check-format}), and {@code format}
     * is a command or script name after a space ({@code npm run format}, {@code dotnet format}), not an option's value
     * ({@code --format json}, {@code --pretty=format:%s}).
     */
    private static final Pattern LINT_RUN = Pattern.compile(
            "(?i)(\\b(eslint|prettier|stylelint|biome|dprint|ruff|flake8|pylint|black|isort|mypy|gofmt|goimports|golangci-lint|"
                    + "staticcheck|go\\s+vet|cargo\\s+(\\+\\S+\\s+)?(fmt|clippy)|rustfmt|ktlint|detekt|checkstyle|spotless(Check|Apply)?|pmd|"
                    + "google-java-format|scalafmt(Check|CheckAll)?|shellcheck|shfmt|hadolint|yamllint|markdownlint|tflint|"
                    + "terraform\\s+fmt|rubocop|swiftlint|pre-commit|prek)\\b|(?<![a-z0-9])lint(?![a-z0-9])|spotless:check|checkstyle:check|fmt:check|format[:-]check|check[:-]format|(?<!\\S)format(?![a-z0-9_-]))");
    /** Every text {@link #LINT_RUN} finds contains one of these, lower-cased (see {@link #SCANNER_RUN_WORDS}). */
    private static final List<String> LINT_RUN_WORDS = List.of(
            "lint", "prettier", "biome", "dprint", "ruff", "flake8", "black", "isort", "mypy", "fmt", "goimports", "staticcheck",
            "vet", "clippy", "detekt", "checkstyle", "spotless", "pmd", "java-format", "shellcheck", "rubocop", "pre-commit", "prek",
            "format");

    private static final WordSet SCANNER_RUN_WORD_SET = new WordSet(SCANNER_RUN_WORDS);
    private static final WordSet LINT_RUN_WORD_SET = new WordSet(LINT_RUN_WORDS);

    /** The {@code uses} of a GitLab job's {@code artifacts: reports: dependency_scanning:} step. */
    public static final String GITLAB_DEPENDENCY_SCANNING_REPORT = "artifacts:reports:dependency_scanning";

    private CiTools() {}

    /**
     * Whether a step scans dependencies for known vulnerabilities or keeps them updated; GitLab's dependency
     * scanning is an include of its {@code Dependency-Scanning.gitlab-ci.yml} template or component, or a job that
     * reports {@code artifacts: reports: dependency_scanning:} (read as the step {@value #GITLAB_DEPENDENCY_SCANNING_REPORT}).
     */
    public static boolean scansDependencies(String uses, String run) {
        return matches(uses, SCANNER_ACTIONS) || uses != null && (asciiLowerCase(uses).contains("dependency-scanning") || uses.equals(GITLAB_DEPENDENCY_SCANNING_REPORT)) || run != null && SCANNER_RUN_WORD_SET.foundIn(run) && SCANNER_RUN.matcher(run).find();
    }

    /** Whether a step runs a formatter or linter. */
    public static boolean lints(String uses, String run) {
        return matches(uses, LINT_ACTIONS) || namesLinter(uses) || run != null && LINT_RUN_WORD_SET.foundIn(run) && LINT_RUN.matcher(run).find();
    }

    static boolean namesLinter(String uses) {
        if (uses == null || uses.isEmpty() || uses.startsWith("./") || uses.startsWith("docker://")) {
            return false;
        }
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        // what (?i).*(lint|...).* matched: a word in any ASCII case, and no line terminator (which . does not match)
        return !hasLineTerminator(action) && containsAny(asciiLowerCase(action), LINT_ACTION_WORDS);
    }

    private static boolean hasLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** A text with A-Z lower-cased and every other character kept: what a (?i) pattern without UNICODE_CASE sees alike. */
    static String asciiLowerCase(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return out == null ? s : new String(out);
    }

    /** Whether the text contains one of the words: the cheap test before a regex every match of which holds one. */
    public static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String uses, List<String> actions) {
        if (uses == null || uses.isEmpty()) {
            return false;
        }
        String u = uses.toLowerCase(Locale.ROOT);
        int at = u.indexOf('@');
        String action = at < 0 ? u : u.substring(0, at);
        for (String a : actions) {
            if (a.endsWith("/") ? action.startsWith(a)
                    : action.startsWith(a) && (action.length() == a.length() || action.charAt(a.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lowercase ASCII words looked for in a text in one pass, A-Z in the text read as a-z: whether
     * {@code containsAny(asciiLowerCase(text), words)}, without the lowercase copy and a pass per word. A rule asks
     * it of every CI step's script, and scripts run to kilobytes.
     */
    static final class WordSet {
        /** The words by their first character. */
        private final char[][][] byFirst = new char[128][][];

        WordSet(List<String> words) {
            for (String w : words) {
                if (w.isEmpty() || !w.chars().allMatch(c -> c < 128 && (c < 'A' || c > 'Z'))) {
                    throw new IllegalArgumentException("not a lowercase ASCII word: " + w);
                }
                char[][] known = byFirst[w.charAt(0)];
                char[][] more = known == null ? new char[1][] : java.util.Arrays.copyOf(known, known.length + 1);
                more[more.length - 1] = w.toCharArray();
                byFirst[w.charAt(0)] = more;
            }
        }

        boolean foundIn(String text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = lower(text.charAt(i));
                char[][] candidates = c < 128 ? byFirst[c] : null;
                if (candidates == null) {
                    continue;
                }
                next:
                for (char[] w : candidates) {
                    if (i + w.length > n) {
                        continue;
                    }
                    for (int k = 1; k < w.length; k++) {
                        if (lower(text.charAt(i + k)) != w[k]) {
                            continue next;
                        }
                    }
                    return true;
                }
            }
            return false;
        }

        private static char lower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }
}
