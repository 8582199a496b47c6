package dev.radar.radar;

import dev.radar.model.Ecosystem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A package-URL pattern ({@code pkg:type/namespace/name}, wildcards allowed) turned into an ecosystem
 * and a coordinate pattern; versions and qualifiers in the purl are ignored (use {@code versions:}).
 */
record Purl(Ecosystem ecosystem, String pattern) {

    private static final Map<String, Ecosystem> TYPES = Map.of(
            "maven", Ecosystem.MAVEN, "npm", Ecosystem.NPM, "pypi", Ecosystem.PYPI, "golang", Ecosystem.GO,
            "cargo", Ecosystem.CARGO, "docker", Ecosystem.DOCKER, "oci", Ecosystem.DOCKER, "github", Ecosystem.GITHUB_ACTION,
            "githubactions", Ecosystem.GITHUB_ACTION, "helm", Ecosystem.HELM);

    static Optional<Purl> parse(String text) {
        if (!text.startsWith("pkg:")) {
            return Optional.empty();
        }
        String rest = text.substring(4);
        // A version follows the last '@' that is not the first character of an npm scope (pkg:npm/@angular/core@17).
        int q = indexOfAny(rest, "?#");
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        q = rest.lastIndexOf('@');
        if (q > 0 && rest.charAt(q - 1) == '/') {
            q = -1;
        }
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        Ecosystem ecosystem = TYPES.get(rest.substring(0, slash).toLowerCase(java.util.Locale.ROOT));
        if (ecosystem == null) {
            return Optional.empty();
        }
        String path;
        try {
            path = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed percent-escape such as %zz: not a package URL
        }
        if (ecosystem == Ecosystem.MAVEN) {
            int last = path.lastIndexOf('/');
            if (last <= 0) {
                return Optional.empty();
            }
            path = path.substring(0, last) + ":" + path.substring(last + 1);
        }
        return Optional.of(new Purl(ecosystem, path));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
