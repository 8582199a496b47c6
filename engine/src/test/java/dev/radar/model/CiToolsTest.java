package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CiToolsTest {

    @ParameterizedTest(name = "uses ''{0}'' / run ''{1}'' scans dependencies: {2}")
    @CsvSource({
        "actions/dependency-review-action@v4, '', true",
        "snyk/actions/maven@master,           '', true",
        "aquasecurity/trivy-action@0.24.0,    '', true",
        "google/osv-scanner-action/osv-scanner-action@v1, '', true",
        "'',                                  'trivy fs --exit-code 1 .', true",
        "'',                                  'npm audit --audit-level=high', true",
        "'',                                  'corepack npm audit signatures', false",
        "'',                                  'npm audit signatures --registry=https://registry.npmjs.org', false",
        "'',                                  'npm audit signatures && npm audit --omit=dev', true",
        "'',                                  'govulncheck ./...', true",
        "'',                                  'cargo +stable deny check advisories', true",
        "'',                                  'mvn org.owasp:dependency-check-maven:check', true",
        "github/codeql-action/analyze@v3,     '', false",
        "actions/checkout@v4,                 '', false",
        "'',                                  'mvn -B verify', false",
        "'',                                  '      - snyk/scan:', true",
        "'',                                  '      - snyk/scan', true",
        "'',                                  '      - snyk/scan-iac:', false",
        "'',                                  '- pipe: snyk/snyk-scan:1.0.1', true",
        "'',                                  'dependencyCheck additionalArguments: --scan, odcInstallation: OWASP-DC', true",
        "'',                                  './gradlew dependencyCheckAggregate', true",
        "'',                                  'echo dependencyChecker', false",
        "'',                                  'snykSecurity(snykInstallation: \"snyk\", snykTokenId: \"snyk-token\")', true",
        "'',                                  '- task: SnykSecurityScan@1', true",
    })
    void dependency_scanners(String uses, String run, boolean expected) {
        assertThat(CiTools.scansDependencies(uses, run)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "uses ''{0}'' / run ''{1}'' lints: {2}")
    @CsvSource({
        "golangci/golangci-lint-action@v6,                 '', true",
        "clowdhaus/terraform-composite-actions/pre-commit@v1.14.0, '', true",
        "pre-commit-ci/lite-action@v1.1.0,                 '', true",
        "'',                                               'npm run lint', true",
        "'',                                               'mvn -B spotless:check verify', true",
        "'',                                               './gradlew ktlintCheck', false",
        "'',                                               'uv run ruff check .', true",
        "'',                                               'cargo clippy -- -D warnings', true",
        "'',                                               'cargo +nightly fmt -- --check', true",
        "'',                                               'cargo +1.81.0 clippy --workspace', true",
        "'',                                               'cargo +nightly build', false",
        "actions/setup-node@v4,                            '', false",
        "'',                                               'npm test', false",
        "'',                                               'uv run task lint_check', true",
        "'',                                               'make ci_lint', true",
        "'',                                               'npm run eslint-fix', true",
        "'',                                               'apt-get install lintian', false",
        "'',                                               'yarn format:check', true",
        "'',                                               'npm run check-format', true",
        "'',                                               'npm run format', true",
        "'',                                               'npm run format:backend', true",
        "'',                                               'dotnet format --verify-no-changes', true",
        "'',                                               'git log --pretty=format:%s', false",
        "'',                                               'docker inspect --format json', false",
        "'',                                               'echo \"$output_format\"', false",
        "'',                                               'jq --format json', false",
    })
    void linters(String uses, String run, boolean expected) {
        assertThat(CiTools.lints(uses, run)).isEqualTo(expected);
    }

    // The patterns as they were before the word prefilters: the prefilters must never change an answer.
    private static final Pattern SCANNER_RUN = Pattern.compile(
            "(?i)\\b(snyk\\s+(test|monitor)|snyk/scan(?!-)|snyk/snyk-scan|snykSecurity(Scan)?|trivy\\s+(fs|filesystem|repo|repository|image|rootfs|sbom)|grype|osv-scanner|"
                    + "npm\\s+audit(?!\\s+signatures\\b)|yarn\\s+(npm\\s+)?audit|pnpm\\s+audit|pip-audit|"
                    + "safety\\s+(check|scan)|cargo(\\s+\\+\\S+)?[\\s-]+(audit|deny)|govulncheck|"
                    + "dependency-check|dependencyCheck(Analyze|Aggregate|Publisher)?|bundle(r)?[\\s-]+audit|audit-ci|ossindex)\\b");
    private static final Pattern LINT_ACTION_NAME = Pattern.compile("(?i).*(lint|pre-commit|prek|prettier|fmt|formatter|format-check|checkstyle|spotless|ruff).*");
    private static final Pattern LINT_RUN = Pattern.compile(
            "(?i)(\\b(eslint|prettier|stylelint|biome|dprint|ruff|flake8|pylint|black|isort|mypy|gofmt|goimports|golangci-lint|"
                    + "staticcheck|go\\s+vet|cargo\\s+(\\+\\S+\\s+)?(fmt|clippy)|rustfmt|ktlint|detekt|checkstyle|spotless(Check|Apply)?|pmd|"
                    + "google-java-format|scalafmt(Check|CheckAll)?|shellcheck|shfmt|hadolint|yamllint|markdownlint|tflint|"
                    + "terraform\\s+fmt|rubocop|swiftlint|pre-commit|prek)\\b|(?<![a-z0-9])lint(?![a-z0-9])|spotless:check|checkstyle:check|fmt:check|format[:-]check|check[:-]format|(?<!\\S)format(?![a-z0-9_-]))");

    private static final List<String> PIECES = List.of(
            "snyk", "test", "monitor", "trivy", "fs", "image", "grype", "osv-scanner", "npm", "audit", "yarn", "pnpm", "pip-audit",
            "safety", "check", "scan", "cargo", "deny", "govulncheck", "dependency-check", "dependencyCheckAnalyze", "bundle",
            "bundler", "audit-ci", "ossindex", "eslint", "prettier", "stylelint", "biome", "dprint", "ruff", "flake8", "pylint",
            "black", "isort", "mypy", "gofmt", "goimports", "golangci-lint", "staticcheck", "go", "vet", "fmt", "clippy", "rustfmt",
            "ktlint", "detekt", "checkstyle", "spotless", "spotlessCheck", "Apply", "pmd", "google-java-format", "scalafmt",
            "CheckAll", "shellcheck", "shfmt", "hadolint", "yamllint", "markdownlint", "tflint", "terraform", "rubocop",
            "swiftlint", "pre-commit", "prek", "lint", "formatter", "format-check", ":check", "format", "check:", "Format:Check", "acme/", "@v4", "./", "mvn", "run",
            "echo", "go vet", "cargo fmt", "cargo +nightly", "+", "cargo-deny", "npm audit", "snyk test", "terraform  fmt", "safety check", "trivy sbom",
            "yarn npm audit", "bundle audit", "signatures", "npm audit signatures", "velvet", "blackbox", "denying", "audits", "K", "\u212A", "\u0130", "é", "✓");
    private static final List<String> GLUE = List.of(" ", "  ", "\t", "\n", "\r\n", "-", "_", ":", "/", ".", "", "\u2028", "\u0085", "0");

    /** A random script or action name from the patterns' own words, in random case, with random glue between them. */
    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(3); i >= 0; i--) {
            String piece = PIECES.get(r.nextInt(PIECES.size()));
            switch (r.nextInt(3)) {
                case 0 -> piece = piece.toUpperCase(java.util.Locale.ROOT);
                case 1 -> piece = piece.isEmpty() ? piece : Character.toUpperCase(piece.charAt(0)) + piece.substring(1);
                default -> { }
            }
            b.append(piece).append(GLUE.get(r.nextInt(GLUE.size())));
        }
        return b.toString();
    }

    @Test
    void the_word_prefilters_give_the_patterns_own_answers() {
        Random r = new Random(2026);
        int scans = 0;
        int lints = 0;
        int names = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = randomText(r);
            boolean scan = SCANNER_RUN.matcher(text).find();
            boolean lint = LINT_RUN.matcher(text).find();
            boolean name = !text.isEmpty() && !text.startsWith("./") && !text.startsWith("docker://")
                    && LINT_ACTION_NAME.matcher(text.contains("@") ? text.substring(0, text.indexOf('@')) : text).matches();
            assertThat(CiTools.scansDependencies("", text)).as("run '%s' scans", text).isEqualTo(scan);
            assertThat(CiTools.lints("", text)).as("run '%s' lints", text).isEqualTo(lint);
            assertThat(CiTools.namesLinter(text)).as("action '%s' names a linter", text).isEqualTo(name);
            scans += scan ? 1 : 0;
            lints += lint ? 1 : 0;
            names += name ? 1 : 0;
        }
        // both answers are common in the sample, so the comparison means something
        assertThat(scans).isBetween(3_000, 27_000);
        assertThat(lints).isBetween(3_000, 27_000);
        assertThat(names).isBetween(3_000, 27_000);
    }

    @Test
    void ascii_lower_case_leaves_other_letters_alone() {
        assertThat(CiTools.asciiLowerCase("ESLint \u212A \u0130 É")).isEqualTo("eslint \u212A \u0130 É");
        String same = "already lower";
        assertThat(CiTools.asciiLowerCase(same)).isSameAs(same);
    }

    @Test
    void a_word_set_finds_what_contains_on_the_ascii_lowercase_text_finds() {
        List<String> words = List.of("lint", "fmt", "vet", "format", "pre-commit", "black", "k", "kk");
        CiTools.WordSet set = new CiTools.WordSet(words);
        Random r = new Random(7);
        int found = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = randomText(r);
            boolean expected = CiTools.containsAny(CiTools.asciiLowerCase(text), words);
            assertThat(set.foundIn(text)).as("'%s'", text).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isBetween(3_000, 27_000);
        // the Kelvin sign is no K for an ASCII-only (?i)
        assertThat(set.foundIn("\u212A")).isFalse();
        assertThat(set.foundIn("FORMAT")).isTrue();
    }
}
