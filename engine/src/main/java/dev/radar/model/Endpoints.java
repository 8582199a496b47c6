package dev.radar.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * How a service shows its operational endpoints (health, readiness, metrics, info): Spring Boot actuator
 * exposure settings, Kubernetes probes, or paths of its API spec. The dependency evidence (actuator, a
 * Prometheus registry) is matched by coordinate in the rules.
 */
public final class Endpoints {

    public static final String HEALTH = "health";
    public static final String READINESS = "readiness";
    public static final String METRICS = "metrics";
    public static final String INFO = "info";

    private static final Set<String> HEALTH_SEGMENTS = Set.of("health", "healthz", "healthcheck", "health-check", "livez", "liveness");
    private static final Set<String> READINESS_SEGMENTS = Set.of("ready", "readyz", "readiness");
    private static final Set<String> METRICS_SEGMENTS = Set.of("metrics", "prometheus");
    private static final Set<String> INFO_SEGMENTS = Set.of("info", "version", "build-info");

    private Endpoints() {}

    /** Whether an API path serves the endpoint: {@code /actuator/health}, {@code /healthz}, {@code /readyz}, {@code /metrics}. */
    public static boolean isPath(String endpoint, String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        String[] segments = p.substring(0, end).split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return switch (endpoint) {
            case HEALTH -> Arrays.stream(segments).anyMatch(HEALTH_SEGMENTS::contains);
            case READINESS -> READINESS_SEGMENTS.contains(last);
            case METRICS -> METRICS_SEGMENTS.contains(last);
            case INFO -> INFO_SEGMENTS.contains(last);
            default -> false;
        };
    }

    /** Whether a spec has a path serving the endpoint. */
    public static boolean inSpec(String endpoint, ApiSpec spec) {
        return spec.paths().stream().anyMatch(p -> isPath(endpoint, p.path()));
    }

    /**
     * Whether a setting exposes the endpoint: {@code management.endpoints.web.exposure.include} naming it (or
     * {@code *}; {@code prometheus} counts for metrics), Spring Boot's probe settings or a readiness health group
     * for readiness, and Kubernetes liveness and readiness probes.
     */
    public static boolean exposes(String endpoint, ConfigSetting s) {
        String key = s.canonicalKey();
        String value = s.value().trim().toLowerCase(Locale.ROOT);
        if (isExposureInclude(key)) {
            for (String item : value.split(",")) {
                String i = item.trim();
                if (i.equals("*") || i.equals(endpoint) || endpoint.equals(METRICS) && i.equals("prometheus")) {
                    return true;
                }
            }
            return false;
        }
        return switch (endpoint) {
            case HEALTH -> key.contains("livenessprobe.") || key.contains("liveness-probe.");
            case READINESS -> key.contains("readinessprobe.") || key.contains("readiness-probe.")
                    || (key.equals("management.endpoint.health.probes.enabled") || key.equals("management.health.probes.enabled"))
                            && value.equals("true")
                    || key.startsWith("management.endpoint.health.group.readiness.");
            default -> false;
        };
    }

    private static final String EXPOSURE_INCLUDE = "management.endpoints.web.exposure.include";

    /** {@code management.endpoints.web.exposure.include}, also as a list item ({@code ...include[0]}). */
    private static boolean isExposureInclude(String key) {
        if (!key.startsWith(EXPOSURE_INCLUDE)) {
            return false;
        }
        int n = key.length();
        int at = EXPOSURE_INCLUDE.length();
        if (at == n) {
            return true;
        }
        if (key.charAt(at) != '[' || key.charAt(n - 1) != ']' || n - at < 3) {
            return false;
        }
        for (int i = at + 1; i < n - 1; i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
