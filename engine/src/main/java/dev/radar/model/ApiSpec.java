package dev.radar.model;

import java.util.List;

/**
 * An OpenAPI 3.x or Swagger 2.0 document, recognised by its content whatever the file is called.
 *
 * @param line    the line of the {@code openapi:} or {@code swagger:} key
 * @param format  {@code openapi 3.0.4}, {@code swagger 2.0}: the specification and the version the file declares
 * @param servers the server URLs (Swagger 2.0: built from {@code schemes}, {@code host} and {@code basePath})
 * @param paths   every path template under {@code paths}, at the line of its key
 */
public record ApiSpec(String repo, String file, int line, String format, String title, String version,
        List<ApiServer> servers, List<ApiPath> paths) {

    public ApiSpec {
        title = title == null ? "" : title;
        version = version == null ? "" : version;
        servers = List.copyOf(servers);
        paths = List.copyOf(paths);
    }

    /** Whether some server URL (or Swagger 2.0 basePath) carries a version segment such as {@code /v1}. */
    public boolean versionedByServer() {
        return servers.stream().anyMatch(ApiServer::versioned);
    }

    /** Whether the spec lies in an examples, samples or test folder: it shows or tests an API, it is not one the repository serves. */
    public boolean inExamplesOrTests() {
        return RepoPaths.isExampleOrTest(file);
    }
}
