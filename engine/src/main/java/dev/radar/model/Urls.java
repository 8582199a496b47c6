package dev.radar.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds plain {@code http://} endpoints in configuration values, ignoring the local machine and XML namespace names. */
public final class Urls {

    private static final Pattern HTTP = Pattern.compile("(?i)\\bhttp://(\\[[^\\]]*]|[^/\\s:'\"?#,;)}\\]]+)");

    /** Hosts that are identifiers in XML and JSON schema files, never contacted. */
    private static final Set<String> NAMESPACE_HOSTS = Set.of(
            "www.w3.org", "json-schema.org", "maven.apache.org", "java.sun.com", "xmlns.jcp.org", "www.springframework.org",
            "logging.apache.org", "schemas.xmlsoap.org", "purl.org", "ch.qos.logback", "jakarta.ee", "xmlns.oracle.com");

    private Urls() {}

    /**
     * The host of the first {@code http://} URL in the text that leaves the machine, or empty. Local hosts are
     * {@code localhost}, {@code *.localhost}, {@code 127.*}, {@code 0.0.0.0}, {@code ::1}, names ending in
     * {@code .local} (mDNS and Kubernetes {@code *.svc.cluster.local}), {@code host.docker.internal} and the
     * cloud metadata endpoints, which only speak http. In-cluster names count as local too: a single-label host
     * ({@code http://config-server:8888}) names a compose service or a Kubernetes service of the same namespace, and
     * {@code *.svc} one of another namespace; neither resolves outside its private network.
     */
    public static String plainHttpHost(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = HTTP.matcher(text);
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (host.contains("${") || host.contains("{{") || host.startsWith("$") || isLocal(host) || NAMESPACE_HOSTS.contains(host)) {
                continue;
            }
            return host;
        }
        return "";
    }

    /**
     * Whether a configuration key names a link for people to follow rather than an endpoint the service calls: a
     * license, contact or terms-of-service URL of API documentation ({@code swagger.licenseUrl},
     * {@code springdoc.info.license.url}, {@code api.contact-url}, {@code swagger.termsOfServiceUrl},
     * {@code info.termsOfService}). Read from the key's last two parts; {@code license-server.url} is an endpoint.
     */
    public static boolean isDocumentationLink(String key) {
        int last = key.lastIndexOf('.');
        List<String> words = Words.of(key.substring(last < 0 ? 0 : key.lastIndexOf('.', last - 1) + 1));
        boolean link = !words.isEmpty() && LINK_WORDS.contains(words.get(words.size() - 1));
        List<String> w = link ? words.subList(0, words.size() - 1) : words;
        if (w.isEmpty()) {
            return false;
        }
        String before = w.get(w.size() - 1);
        return link && (before.equals("license") || before.equals("licence") || before.equals("contact") || before.equals("terms"))
                || w.size() >= 3 && w.subList(w.size() - 3, w.size()).equals(List.of("terms", "of", "service"));
    }

    private static final Set<String> LINK_WORDS = Set.of("url", "uri", "link", "href");

    static boolean isLocal(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("0.0.0.0") || h.equals("::1")
                || h.endsWith(".local") || h.equals("host.docker.internal") || h.equals("metadata.google.internal")
                || h.equals("169.254.169.254") || h.endsWith(".svc") || isSingleLabel(h);
    }

    private static boolean isSingleLabel(String host) {
        return !host.isEmpty() && host.indexOf('.') < 0 && host.indexOf(':') < 0 && !host.chars().allMatch(Character::isDigit);
    }
}
