package dev.radar.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A package ecosystem a dependency comes from; {@link #id()} is the name used in radar.yaml, reports and TSV. */
public enum Ecosystem {
    MAVEN("maven"),
    GRADLE_PLUGIN("gradle-plugin"),
    NPM("npm"),
    PYPI("pypi"),
    GO("go"),
    CARGO("cargo"),
    DOCKER("docker"),
    GITHUB_ACTION("github-action"),
    TERRAFORM("terraform"),
    TERRAFORM_MODULE("terraform-module"),
    HELM("helm");

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Finds an ecosystem by its id, case-insensitively. */
    public static Optional<Ecosystem> byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }

    /** All ids, comma-separated, for error messages and help texts. */
    public static String ids() {
        return Arrays.stream(values()).map(Ecosystem::id).collect(Collectors.joining(", "));
    }

    /**
     * The coordinate of a package in this ecosystem, normalised the way the ecosystem compares names:
     * {@code group:name} for Maven, PEP 503 names for PyPI, {@code @scope/name} for npm, and Docker
     * image paths without the implicit {@code docker.io/library/} prefix.
     */
    public String coordinate(String group, String name) {
        String g = group == null ? "" : group.trim();
        String n = name == null ? "" : name.trim();
        return switch (this) {
            case MAVEN, GRADLE_PLUGIN -> g.isEmpty() ? n : g + ":" + n;
            case PYPI -> pep503(n.toLowerCase(Locale.ROOT));
            case DOCKER -> dockerPath(g.isEmpty() ? n : g + "/" + n);
            case GITHUB_ACTION -> (g.isEmpty() ? n : g + "/" + n).toLowerCase(Locale.ROOT);
            default -> g.isEmpty() ? n : g + "/" + n;
        };
    }

    /** Normalises a pattern or coordinate written in radar.yaml the same way as {@link #coordinate}. */
    public String normalise(String written) {
        String w = written == null ? "" : written.trim();
        return switch (this) {
            case PYPI -> pep503(w.toLowerCase(Locale.ROOT));
            case DOCKER -> dockerPath(w);
            case GITHUB_ACTION -> w.toLowerCase(Locale.ROOT);
            default -> w;
        };
    }

    /** Every run of {@code -}, {@code _} and {@code .} as one {@code -} (PEP 503), without a regex: this runs per dependency. */
    private static String pep503(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) != '_' && name.charAt(i) != '.'
                && !(name.charAt(i) == '-' && i + 1 < name.length() && isSeparator(name.charAt(i + 1)))) {
            i++;
        }
        if (i == name.length()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length()).append(name, 0, i);
        while (i < name.length()) {
            char c = name.charAt(i);
            if (isSeparator(c)) {
                b.append('-');
                while (i < name.length() && isSeparator(name.charAt(i))) {
                    i++;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    /** The index key of a coordinate: ecosystem and coordinate, so equal keys mean the same package. */
    public String key(String coordinate) {
        return id + "|" + coordinate;
    }

    /**
     * A {@link #key}'s text before its coordinate's first {@code :} ({@code maven|org.mongodb} for
     * {@code maven|org.mongodb:bson}), or empty when the coordinate has none: the group a key belongs to.
     */
    public static String groupKey(String key) {
        int colon = key.indexOf(':', key.indexOf('|') + 1);
        return colon < 0 ? "" : key.substring(0, colon);
    }

    private static String dockerPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"docker.io/library/", "index.docker.io/library/", "registry-1.docker.io/library/",
                "docker.io/", "index.docker.io/", "library/"}) {
            if (p.startsWith(prefix)) {
                return p.substring(prefix.length());
            }
        }
        return p;
    }
}
