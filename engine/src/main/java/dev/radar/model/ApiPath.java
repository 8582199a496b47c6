package dev.radar.model;

import java.util.ArrayList;
import java.util.List;

/** One path template of an API spec ({@code /v1/orders/{id}}), at the line of its key under {@code paths}. */
public record ApiPath(String path, int line) {

    /** The non-empty segments, in order, path parameters included as written ({@code {id}}). */
    public List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether a segment is a version such as {@code v1}, or the path is a well-known URI
     * ({@code /.well-known/openid-configuration}), whose path RFC 8615 fixes and no version can go into.
     */
    public boolean versioned() {
        List<String> segments = segments();
        return !segments.isEmpty() && segments.get(0).equals(".well-known") || segments.stream().anyMatch(ApiStyle::isVersionSegment);
    }

    /** Literal segments that are not lowercase kebab-case, e.g. {@code findByStatus}. */
    public List<String> badlyCasedSegments() {
        return segments().stream().filter(s -> !ApiStyle.isParameter(s) && !ApiStyle.isKebabCase(s)).toList();
    }

    /** Literal segments that name an action (a verb such as {@code get} or {@code create}) instead of a resource. */
    public List<String> verbSegments() {
        return segments().stream().filter(s -> !ApiStyle.isParameter(s) && !ApiStyle.verbOf(s).isEmpty()).toList();
    }

    /**
     * Collection segments (a literal followed by a path parameter, as in {@code /order/{id}}) that are not plural.
     * A literal followed by a version parameter ({@code /api/{version}/orders}, Spring's path-segment API versioning)
     * names no collection: the parameter picks a version of the API, not an item.
     */
    public List<String> singularCollections() {
        List<String> segs = segments();
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < segs.size(); i++) {
            String s = segs.get(i);
            String next = segs.get(i + 1);
            if (!ApiStyle.isParameter(s) && ApiStyle.isParameter(next) && !isVersionParameter(next)
                    && !ApiStyle.isVersionSegment(s) && ApiStyle.verbOf(s).isEmpty() && !ApiStyle.isPlural(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A path parameter that picks the API version ({@code {version}}, {@code {apiVersion}}, {@code {api-version}},
     * {@code {v}}), not one that names an item's version ({@code /document/{versionId}} is a collection in the singular).
     */
    private static boolean isVersionParameter(String segment) {
        String name = segment.substring(1, segment.length() - 1).toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return name.equals("version") || name.equals("apiversion") || name.equals("v");
    }
}
