package dev.radar.model;

/**
 * One configuration key and value, flattened from a config file, at its line.
 *
 * @param key     dotted path, lists as {@code [0]}; Spring Boot keys in their canonical lowercase kebab form
 * @param profile the Spring profile(s) the setting is active in ({@code prod}, from {@code application-prod.yml} or
 *                {@code spring.config.activate.on-profile}), or empty when it always applies
 */
public record ConfigSetting(String repo, String file, int line, String key, String value, String profile) {

    public ConfigSetting {
        value = value == null ? "" : value;
        profile = profile == null ? "" : profile;
    }

    /** A setting that applies whatever profile is active. */
    public ConfigSetting(String repo, String file, int line, String key, String value) {
        this(repo, file, line, key, value, "");
    }

    /**
     * The key in Spring Boot's canonical form: lowercase, words joined by {@code -} ({@code managementEndpoints_web}
     * becomes {@code management-endpoints-web}), as Spring's relaxed binding compares keys.
     */
    public String canonicalKey() {
        return canonical(key);
    }

    /**
     * {@link #canonicalKey()} of a key: a {@code -} before each A-Z that follows a-z or 0-9, {@code _} as {@code -},
     * then lower case. Rules ask for it of every setting, several times per session, so it is one pass rather than the
     * regex replacement {@code ([a-z0-9])([A-Z])} -> {@code $1-$2} it equals.
     */
    static String canonical(String key) {
        StringBuilder b = null;
        char prev = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean hump = c >= 'A' && c <= 'Z' && (prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9');
            if ((hump || c == '_') && b == null) {
                b = new StringBuilder(key.length() + 8).append(key, 0, i);
            }
            if (b != null) {
                if (hump) {
                    b.append('-');
                }
                b.append(c == '_' ? '-' : c);
            }
            prev = c;
        }
        return (b == null ? key : b.toString()).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the file is test configuration ({@code src/test/resources/...}), which never ships. */
    public boolean inTests() {
        return RepoPaths.isTest(file);
    }

    /** Whether the setting only applies to a profile for running locally: {@code local}, {@code dev}, {@code test}. */
    public boolean localProfile() {
        if (profile.isBlank()) {
            return false;
        }
        for (String p : PROFILE_SEPARATORS.split(profile.toLowerCase(java.util.Locale.ROOT))) {
            if (!p.isEmpty() && !LOCAL_PROFILES.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern PROFILE_SEPARATORS = java.util.regex.Pattern.compile("[,|&()\\s]+");

    private static final java.util.Set<String> LOCAL_PROFILES = java.util.Set.of(
            "local", "dev", "development", "test", "testing", "e2e", "it", "h2", "docker-local");
}
