package dev.radar.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises secrets in configuration values and masks them for messages: a finding must never repeat the
 * secret it reports. Token formats are the vendors' documented prefixes; generic secrets are recognised by
 * their key ({@code password}, {@code client-secret}, {@code api-key}) holding a literal value.
 */
public final class Secrets {

    private record TokenFormat(String kind, Pattern pattern) {}

    private static final Pattern INDEX_SUFFIX = Pattern.compile("\\[[0-9]+]$");
    private static final Pattern ANGLE_PLACEHOLDER = Pattern.compile("<[^>]*>");
    private static final Pattern STARS = Pattern.compile("\\*+");
    private static final Pattern FILTER_TOKEN = Pattern.compile("@[A-Za-z0-9_.\\-]+@");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----");

    private static final List<TokenFormat> TOKENS = List.of(
            new TokenFormat("AWS access key", Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b")),
            new TokenFormat("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b")),
            new TokenFormat("GitHub token", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{50,255}\\b")),
            new TokenFormat("GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_\\-]{20,}")),
            new TokenFormat("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}")),
            new TokenFormat("Slack token", Pattern.compile("\\bxox[baprs]-[0-9A-Za-z\\-]{10,}")),
            new TokenFormat("Stripe secret key", Pattern.compile("\\b[sr]k_live_[0-9A-Za-z]{24,}")));

    /** Last words of a key that say its value is a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token", "passphrase", "credentials");
    /** Last two words of a key that say its value is a secret. */
    private static final Set<String> SECRET_PAIRS = Set.of(
            "api key", "apikey", "access key", "secret key", "private key", "client secret", "auth key", "signing key",
            "encryption key", "master key", "account key");
    /** Value prefixes that point at a secret store instead of holding the secret. */
    private static final List<String> REFERENCES = List.of(
            "{cipher}", "ENC(", "vault:", "sm://", "sm@", "secret://", "aws-secretsmanager:", "awssm:", "classpath:", "file:", "env:");

    private Secrets() {}

    /** Whether the value holds a PEM private key block. */
    public static boolean hasPrivateKey(String value) {
        return value != null && PRIVATE_KEY.matcher(value).find();
    }

    /** What kind of well-known token the value contains ({@code AWS access key}, {@code GitHub token}, ...), or empty. */
    public static String tokenKind(String value) {
        if (value == null) {
            return "";
        }
        for (TokenFormat t : TOKENS) {
            if (t.pattern().matcher(value).find()) {
                return t.kind();
            }
        }
        return "";
    }

    /** The first well-known token in the value, masked, e.g. {@code AKIA****************}. */
    public static String maskedToken(String value) {
        for (TokenFormat t : TOKENS) {
            Matcher m = t.pattern().matcher(value);
            if (m.find()) {
                return mask(m.group());
            }
        }
        return mask(value);
    }

    /**
     * Whether a configuration key names a secret: its last word is {@code password}, {@code secret},
     * {@code token}, ... or its last two words are {@code api key}, {@code client secret}, .... Keys such as
     * {@code token-uri} or {@code password-encoder} name something else.
     */
    public static boolean isSecretKey(String key) {
        String last = INDEX_SUFFIX.matcher(key.substring(key.lastIndexOf('.') + 1)).replaceAll("");
        List<String> words = Words.of(last);
        if (words.isEmpty()) {
            return false;
        }
        String lastWord = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(lastWord) || SECRET_PAIRS.contains(lastWord)) {
            return true;
        }
        return words.size() > 1 && SECRET_PAIRS.contains(words.get(words.size() - 2) + " " + lastWord);
    }

    /**
     * Whether a value is a literal written into the file: not empty, not a {@code ${ENV}} placeholder (with or
     * without a default) or a Maven resource-filtering token replaced at build time ({@code @db.password@}), and not
     * a reference into a secret store or an encrypted value ({@code {cipher}}, {@code ENC(...)}).
     */
    public static boolean isLiteral(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        if (v.isEmpty() || v.contains("${") || v.contains("{{") || v.startsWith("#{") || ANGLE_PLACEHOLDER.matcher(v).matches() || STARS.matcher(v).matches()
                || v.length() > 2 && v.charAt(0) == '@' && FILTER_TOKEN.matcher(v).matches()) {
            return false;
        }
        for (String r : REFERENCES) {
            if (v.startsWith(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code other} is the connection URL set beside the key {@code key}: the same parent, then {@code url}
     * or {@code jdbc-url} ({@code spring.datasource.url} beside {@code spring.datasource.password}), or Quarkus'
     * {@code jdbc.url} and {@code reactive.url} ({@code quarkus.datasource.jdbc.url}).
     */
    public static boolean isUrlBeside(String key, String other) {
        int dot = key.lastIndexOf('.');
        if (dot < 0 || !other.startsWith(key.substring(0, dot + 1))) {
            return false;
        }
        String last = other.substring(dot + 1);
        return last.equals("url") || last.equals("jdbc-url") || last.equals("jdbc.url") || last.equals("reactive.url");
    }

    /**
     * Whether a JDBC or R2DBC URL names a database that runs inside the application's own process: H2 in memory or
     * in a file ({@code jdbc:h2:mem:orders}, {@code r2dbc:h2:file:///data/db}; not {@code tcp:} or {@code ssl:}),
     * HSQLDB {@code mem:}, {@code file:} or {@code res:}, embedded Derby (no {@code //host}) and SQLite. Its
     * password guards nothing another machine can reach.
     */
    public static boolean isEmbeddedDatabaseUrl(String url) {
        String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:")) {
            u = u.substring("jdbc:".length());
        } else if (u.startsWith("r2dbc:")) {
            u = u.substring("r2dbc:".length());
            if (u.startsWith("pool:")) {
                u = u.substring("pool:".length());
            }
        } else {
            return false;
        }
        if (u.startsWith("h2:")) {
            String rest = u.substring("h2:".length());
            return rest.startsWith("mem:") || rest.startsWith("file:")
                    || !rest.contains("${") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
        }
        if (u.startsWith("hsqldb:")) {
            String rest = u.substring("hsqldb:".length());
            return rest.startsWith("mem:") || rest.startsWith("file:") || rest.startsWith("res:");
        }
        if (u.startsWith("derby:")) {
            String rest = u.substring("derby:".length());
            return !rest.isEmpty() && !rest.startsWith("//") && !rest.contains("${");
        }
        return u.startsWith("sqlite:");
    }

    /**
     * A value with all but its first characters replaced by {@code *}: four are kept of values of 16 characters
     * or more (the public prefix of a token, {@code AKIA****************}), none of shorter ones.
     */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value.trim();
        int keep = v.length() >= 16 ? 4 : 0;
        return v.substring(0, keep) + "*".repeat(Math.min(v.length() - keep, 40));
    }
}
