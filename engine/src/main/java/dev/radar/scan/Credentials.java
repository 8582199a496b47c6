package dev.radar.scan;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials for https remotes, from (first match wins) the URL's own user info, a credentials file in the
 * format of git's credential store (one {@code https://user:token@host[/path]} per line; the longest matching
 * path wins), or the environment ({@code RADAR_GIT_TOKEN}, with {@code RADAR_GIT_USERNAME}, default
 * {@code x-access-token}). Secret values are handed to the {@link Redactor} and never printed.
 */
public final class Credentials {

    /** Environment variable holding a token for every https remote. */
    public static final String TOKEN_ENV = "RADAR_GIT_TOKEN";
    /** Environment variable naming the user for {@link #TOKEN_ENV} (default {@code x-access-token}, as GitHub expects). */
    public static final String USERNAME_ENV = "RADAR_GIT_USERNAME";

    /** A user and password (or token) for one remote. */
    public record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + ", ***]";
        }
    }

    private record Stored(String scheme, String host, int port, String path, Login login) {}

    private final List<Stored> stored;
    private final Login fromEnvironment;

    private Credentials(List<Stored> stored, Login fromEnvironment) {
        this.stored = List.copyOf(stored);
        this.fromEnvironment = fromEnvironment;
    }

    /** No credentials at all (public and local remotes). */
    public static Credentials none() {
        return new Credentials(List.of(), null);
    }

    /**
     * Loads a credentials file (when given) and the environment.
     *
     * @throws ConfigException naming the file and line of a malformed entry (never its content)
     */
    public static Credentials load(Optional<Path> file, Map<String, String> env) {
        List<Stored> stored = new ArrayList<>();
        if (file.isPresent()) {
            String name = file.get().toString().replace('\\', '/');
            List<String> lines;
            try {
                lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(new ConfigProblem(name, 0, 0, "cannot read credentials: " + e.getClass().getSimpleName()));
            }
            List<ConfigProblem> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Stored s = parse(line);
                if (s == null) {
                    problems.add(new ConfigProblem(name, i + 1, 0,
                            "expected https://USER:TOKEN@HOST[/PATH] (the line is not shown: it may hold a secret)"));
                } else {
                    stored.add(s);
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }
        String token = env.get(TOKEN_ENV);
        String user = env.get(USERNAME_ENV);
        Login envLogin = token == null || token.isBlank() ? null
                : new Login(user == null || user.isBlank() ? "x-access-token" : user.trim(), token.trim());
        return new Credentials(stored, envLogin);
    }

    private static Stored parse(String line) {
        try {
            URI uri = new URI(line);
            String info = uri.getRawUserInfo();
            if (uri.getScheme() == null || uri.getHost() == null || info == null || !info.contains(":")) {
                return null;
            }
            int colon = info.indexOf(':');
            Login login = new Login(decode(info.substring(0, colon)), decode(info.substring(colon + 1)));
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Stored(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), path, login);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The login for a URL (without user info), if any source has one. */
    public Optional<Login> lookup(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Stored best = null;
        for (Stored s : stored) {
            if (s.scheme().equals(scheme) && s.host().equals(host) && s.port() == uri.getPort() && pathMatches(s.path(), path)
                    && (best == null || s.path().length() > best.path().length())) {
                best = s;
            }
        }
        if (best != null) {
            return Optional.of(best.login());
        }
        return Optional.ofNullable(fromEnvironment);
    }

    private static boolean pathMatches(String prefix, String path) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.isEmpty() || path.equals(p) || path.startsWith(p + "/") || path.equals(p + ".git");
    }

    /** Every secret value, for the {@link Redactor}. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        stored.forEach(s -> out.add(s.login().password()));
        if (fromEnvironment != null) {
            out.add(fromEnvironment.password());
        }
        return out;
    }
}
