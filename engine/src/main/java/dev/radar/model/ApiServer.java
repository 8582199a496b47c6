package dev.radar.model;

/** One server URL of an API spec, at its line; relative URLs such as {@code /api/v1} are kept as written. */
public record ApiServer(String url, int line) {

    private static final java.util.regex.Pattern SCHEME_AND_HOST = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");

    /** Whether a path segment of the URL is a version such as {@code v1} or {@code v2beta}. */
    public boolean versioned() {
        String u = SCHEME_AND_HOST.matcher(url).replaceFirst("");
        for (String s : u.split("/")) {
            if (ApiStyle.isVersionSegment(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the URL is plain {@code http://} to a host that is not the local machine or a {@code .local} name. */
    public boolean plainHttp() {
        return !Urls.plainHttpHost(url).isEmpty();
    }
}
