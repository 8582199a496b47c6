package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

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
        "'',                                  'govulncheck ./...', true",
        "'',                                  'mvn org.owasp:dependency-check-maven:check', true",
        "github/codeql-action/analyze@v3,     '', false",
        "actions/checkout@v4,                 '', false",
        "'',                                  'mvn -B verify', false",
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
        "actions/setup-node@v4,                            '', false",
        "'',                                               'npm test', false",
    })
    void linters(String uses, String run, boolean expected) {
        assertThat(CiTools.lints(uses, run)).isEqualTo(expected);
    }
}
