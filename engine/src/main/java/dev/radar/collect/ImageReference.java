package dev.radar.collect;

import dev.radar.model.Dependency;
import dev.radar.model.Ecosystem;
import dev.radar.model.UnknownDeclaration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference split the way the inventory lists it: {@code group} is the registry and path
 * prefix ({@code gcr.io/distroless}, empty for {@code python}), {@code name} the last path segment,
 * {@code declared} the tag and digest as written ({@code 3.12-slim}, {@code 1.0@sha256:...},
 * {@code sha256:...}, {@code 0-${VARIANT}}) and {@code resolved} the same with variables expanded, or
 * {@code latest} when neither tag nor digest is given, or empty when a variable cannot be resolved or what is
 * left is no tag or digest Docker accepts (a template placeholder such as {@code %%ALPINE_VERSION%%}).
 */
record ImageReference(String group, String name, String declared, String resolved) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    /** A tag as Docker accepts it: word characters, dots and dashes, not starting with a dot or dash, at most 128. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** A digest as Docker accepts it: {@code algorithm:encoded} ({@code sha256:...}). */
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9]+([+._-][A-Za-z0-9]+)*:[A-Za-z0-9=_-]+");

    /**
     * Parses a reference as written, expanding variables with {@code vars}; empty when there is no image
     * name to report (blank text, or a name that depends on unknown variables).
     */
    static Optional<ImageReference> parse(String written, ShellVariables vars) {
        String raw = written == null ? "" : written.trim();
        if (raw.isEmpty() || Parts.hasWhitespace(raw)) {
            return Optional.empty();
        }
        Parts asWritten = Parts.split(raw);
        String declared = join(asWritten.tag(), asWritten.digest());
        Parts parts;
        String resolved;
        if (ShellVariables.hasReference(asWritten.path())) {
            // The variable may hold a whole reference ("FROM ${BASE}"): split again once it is expanded.
            String expanded = vars.expand(raw);
            if (expanded == null) {
                // The name may still be known when only the tag is not: ${REGISTRY:-ghcr.io/acme}/app:${TAG}.
                String path = vars.expand(asWritten.path());
                if (path == null || path.isBlank()) {
                    return Optional.empty();
                }
                parts = Parts.split(path.trim());
                if (!parts.tag().isEmpty() || !parts.digest().isEmpty()) {
                    return Optional.empty(); // the variable held a tag too, and another follows it
                }
                resolved = "";
            } else if (expanded.isBlank()) {
                return Optional.empty();
            } else {
                parts = Parts.split(expanded.trim());
                resolved = versionOf(parts.tag(), parts.digest());
            }
        } else {
            parts = asWritten;
            String tag = asWritten.tag().isEmpty() ? "" : vars.expand(asWritten.tag());
            String digest = asWritten.digest().isEmpty() ? "" : vars.expand(asWritten.digest());
            boolean unknown = tag == null || digest == null || !asWritten.tag().isEmpty() && tag.isEmpty();
            resolved = unknown ? "" : versionOf(tag, digest);
        }
        String path = parts.path();
        int slash = path.lastIndexOf('/');
        String group = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.isEmpty() || !PATH.matcher(path).matches()) {
            return Optional.empty(); // unknown variables, or template syntax such as {{ .Values.image }}
        }
        return Optional.of(new ImageReference(group, name, declared, resolved));
    }

    /**
     * Parses a reference as {@link #parse} does; when no image name can be read from non-blank text (a name that
     * depends on variables nobody sets, {@code ${REGISTRY}/app}; template syntax, {@code {{ .Values.image }}}), adds
     * an {@link UnknownDeclaration} at that file and line instead, so the image is reported as not understood
     * (rule RAD-011) rather than dropped in silence.
     */
    static Optional<ImageReference> parseOrReport(String written, ShellVariables vars, String file, int line, Facts out) {
        Optional<ImageReference> ref = parse(written, vars);
        if (ref.isEmpty() && written != null && !written.isBlank()) {
            out.add(new UnknownDeclaration(out.repo(), file, line, "image " + UnknownDeclaration.excerpt(written)));
        }
        return ref;
    }

    /** This image as a Docker dependency declared at a file and line. */
    Dependency dependency(String repo, String scope, String file, int line) {
        return new Dependency(repo, Ecosystem.DOCKER, group, name, declared, resolved, scope, true, file, line, List.of());
    }

    /**
     * The version a tag and digest resolve to: {@code latest} without either, empty when one is no tag or digest
     * Docker accepts, as a template's placeholder ({@code %%ALPINE_VERSION%%}, {@code #{Build.BuildId}#}) is not.
     */
    private static String versionOf(String tag, String digest) {
        if (tag.isEmpty() && digest.isEmpty()) {
            return "latest";
        }
        if (!tag.isEmpty() && !TAG.matcher(tag).matches() || !digest.isEmpty() && !DIGEST.matcher(digest).matches()) {
            return "";
        }
        return join(tag, digest);
    }

    private static String join(String tag, String digest) {
        if (digest.isEmpty()) {
            return tag;
        }
        return tag.isEmpty() ? digest : tag + "@" + digest;
    }

    /** Path, tag and digest of a reference; the separators inside {@code ${...}} do not count. */
    private record Parts(String path, String tag, String digest) {

        static Parts split(String ref) {
            int at = find(ref, '@', false);
            String digest = at < 0 ? "" : ref.substring(at + 1);
            String rest = at < 0 ? ref : ref.substring(0, at);
            int slash = find(rest, '/', true);
            int colon = find(rest, ':', true);
            // A colon before the last slash is a registry port (localhost:5000/app), not a tag.
            if (colon > slash) {
                return new Parts(rest.substring(0, colon), rest.substring(colon + 1), digest);
            }
            return new Parts(rest, "", digest);
        }

        /** Whether whitespace occurs outside variable references ({@code ${TAG:?TAG must be set}} holds none). */
        static boolean hasWhitespace(String s) {
            return find(s, Character::isWhitespace, false) >= 0;
        }

        /** The first (or last) index of a character outside variable references, or -1. */
        private static int find(String s, char wanted, boolean last) {
            return find(s, c -> c == wanted, last);
        }

        private static int find(String s, java.util.function.IntPredicate wanted, boolean last) {
            int found = -1;
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    depth++;
                    i++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (depth == 0 && wanted.test(c)) {
                    if (!last) {
                        return i;
                    }
                    found = i;
                }
            }
            return found;
        }
    }
}
