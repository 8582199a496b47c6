package dev.radar.model;

import java.util.Set;

/** Path conventions shared by collectors and rules: which files belong to tests rather than to what ships. */
public final class RepoPaths {

    private static final Set<String> TEST_DIRS = Set.of(
            "test", "tests", "__tests__", "testdata", "test-data", "testfixtures", "test-fixtures", "fixtures", "e2e",
            "integrationtest", "integration-test", "integration-tests", "it");

    private static final Set<String> EXAMPLE_DIRS = Set.of("example", "examples", "sample", "samples");

    private RepoPaths() {}

    /** Where a build tool expects tests, for messages: {@code src/test/} for Maven and Gradle, {@code *_test.go} for Go. */
    public static String testLayout(String tool) {
        return switch (tool) {
            case "maven", "gradle" -> "src/test/ (or another src/*Test/ source set)";
            case "npm" -> "*.test.js, *.spec.ts, or a test/ or __tests__/ folder";
            case "go" -> "*_test.go files";
            case "cargo" -> "#[test] functions or a tests/ folder";
            case "python" -> "test_*.py, *_test.py or a tests/ folder";
            default -> "tests";
        };
    }

    /**
     * Whether a path lies in an {@code examples/} or {@code samples/} folder (or a test folder): what is there shows
     * how to use the repository, it is not what the repository runs.
     */
    public static boolean isExampleOrTest(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (EXAMPLE_DIRS.contains(parts[i].toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return isTest(path);
    }

    /** Whether a repository path lies in a test folder ({@code src/test/...}, {@code tests/}, {@code testdata/}, ...). */
    public static boolean isTest(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i].toLowerCase(java.util.Locale.ROOT);
            if (TEST_DIRS.contains(p) && (!p.equals("it") || i > 0 && parts[i - 1].equals("src"))) {
                return true;
            }
        }
        return false;
    }
}
