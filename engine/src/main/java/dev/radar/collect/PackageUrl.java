package dev.radar.collect;

import dev.radar.model.Ecosystem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}) mapped to an ecosystem and the
 * inventory's group / name / version conventions; types without an ecosystem are not mapped.
 */
record PackageUrl(Ecosystem ecosystem, String group, String name, String version) {

    private static final Map<String, Ecosystem> TYPES = Map.of(
            "maven", Ecosystem.MAVEN, "npm", Ecosystem.NPM, "pypi", Ecosystem.PYPI, "golang", Ecosystem.GO,
            "cargo", Ecosystem.CARGO, "docker", Ecosystem.DOCKER, "oci", Ecosystem.DOCKER, "github", Ecosystem.GITHUB_ACTION,
            "githubactions", Ecosystem.GITHUB_ACTION, "helm", Ecosystem.HELM);

    static Optional<PackageUrl> parse(String purl) {
        if (purl == null || !purl.regionMatches(true, 0, "pkg:", 0, 4)) {
            return Optional.empty();
        }
        String rest = purl.trim().substring(4);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        Map<String, String> qualifiers = new HashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
                }
            }
            rest = rest.substring(0, q);
        }
        String version = "";
        int at = rest.lastIndexOf('@');
        if (at > rest.lastIndexOf('/') && at > 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        Ecosystem ecosystem = TYPES.get(type);
        String path = rest.substring(slash + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int last = path.lastIndexOf('/');
        String namespace = last < 0 ? "" : decodePath(path.substring(0, last));
        String name = decode(path.substring(last + 1));
        if (ecosystem == null || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case "golang" -> new PackageUrl(ecosystem, "", namespace.isEmpty() ? name : namespace + "/" + name, version);
            case "pypi", "cargo" -> new PackageUrl(ecosystem, "", name, version);
            case "docker" -> docker(namespace, name, version, qualifiers);
            case "oci" -> oci(name, version, qualifiers);
            case "helm" -> new PackageUrl(ecosystem, qualifiers.getOrDefault("repository_url", namespace), name, version);
            default -> new PackageUrl(ecosystem, namespace, name, version);
        });
    }

    private static PackageUrl docker(String namespace, String name, String version, Map<String, String> qualifiers) {
        String registry = stripScheme(qualifiers.getOrDefault("repository_url", ""));
        String group = registry.isEmpty() ? namespace : namespace.isEmpty() ? registry : registry + "/" + namespace;
        return new PackageUrl(Ecosystem.DOCKER, group, name, version);
    }

    /** OCI purls name the image by its repository_url; the version is a digest, the tag a qualifier. */
    private static PackageUrl oci(String name, String digest, Map<String, String> qualifiers) {
        String repository = stripScheme(qualifiers.getOrDefault("repository_url", ""));
        String group = "";
        String image = name;
        if (!repository.isEmpty()) {
            int slash = repository.lastIndexOf('/');
            group = slash < 0 ? "" : repository.substring(0, slash);
            image = repository.substring(slash + 1);
        }
        String tag = qualifiers.getOrDefault("tag", "");
        String version = tag.isEmpty() ? digest : digest.isEmpty() ? tag : tag + "@" + digest;
        return new PackageUrl(Ecosystem.DOCKER, group, image, version);
    }

    private static String stripScheme(String url) {
        int scheme = url.indexOf("://");
        String s = scheme >= 0 ? url.substring(scheme + 3) : url;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String decodePath(String path) {
        String[] parts = path.split("/");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(decode(p));
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
