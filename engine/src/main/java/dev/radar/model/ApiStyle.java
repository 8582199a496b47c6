package dev.radar.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming conventions of the API rules, in one place: version segments, lowercase kebab-case, plural
 * collection names and verbs that turn a path into a remote procedure call. Deliberately small word lists:
 * a rule that cries wolf gets switched off.
 */
public final class ApiStyle {

    private static final Pattern VERSION = Pattern.compile("(?i)v[0-9]+(?:[.\\-]?[a-z0-9]++)*+");
    /** A version written as a dotted number, without the v: Bitbucket's {@code /2.0/users}, {@code /api/1.0}. */
    private static final Pattern DOTTED_VERSION = Pattern.compile("[0-9]+\\.[0-9]+(\\.[0-9]+)?");
    /** A v before a path parameter: ASP.NET's and Spring's {@code /api/v{version}/orders}. */
    private static final Pattern PARAMETER_VERSION = Pattern.compile("(?i)v\\{[^{}/]+}");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[-.]|[-.]$");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+)?");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");

    /** Words that name an action when they start a segment ({@code getPets}, {@code create-order}). */
    static final Set<String> VERBS = Set.of(
            "get", "find", "fetch", "retrieve", "list", "create", "add", "insert", "update", "modify", "edit", "change", "set",
            "delete", "remove", "destroy", "save", "upload", "download", "do", "execute", "send", "submit", "calculate", "compute");

    /** Verbs that are nouns too, and start compound nouns such as {@code change-requests} or {@code upload-sessions}. */
    static final Set<String> NOUN_VERBS = Set.of("change", "update", "upload", "download", "set", "list", "edit", "insert", "save");

    /** Nouns that are plural or uncountable without ending in s. */
    static final Set<String> PLURAL_WORDS = Set.of(
            "people", "children", "men", "women", "data", "metadata", "media", "criteria", "indices", "matrices", "feet", "teeth",
            "mice", "geese", "news", "series", "species", "information", "equipment", "feedback", "software", "staff", "sheep",
            "fish", "deer", "inventory", "analytics", "stock");

    private ApiStyle() {}

    /**
     * {@code v1}, {@code v2}, {@code v1beta1}, {@code v1.2}, a dotted number ({@code 2.0}), a path parameter named
     * like a version ({@code {version}}), or a v before a path parameter ({@code v{version}}).
     */
    public static boolean isVersionSegment(String segment) {
        return VERSION.matcher(segment).matches() || DOTTED_VERSION.matcher(segment).matches()
                || PARAMETER_VERSION.matcher(segment).matches()
                || isParameter(segment) && segment.toLowerCase(Locale.ROOT).contains("version");
    }

    /** A path parameter segment such as {@code {petId}}. */
    public static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /**
     * Lowercase words joined by hyphens; path parameters inside a segment are ignored, a file extension
     * ({@code openapi.json}) and the well-known URI prefix ({@code .well-known}) are allowed, and a custom method
     * after a colon ({@code orders:cancel}) is judged as a segment of its own.
     */
    public static boolean isKebabCase(String segment) {
        if (segment.equals(".well-known") || isVersionSegment(segment)) {
            return true;
        }
        int colon = segment.lastIndexOf(':');
        if (colon > 0 && colon > segment.lastIndexOf('}')) {
            // a custom method after the resource (/v1/orders:cancel, {project}:undelete): both parts are judged
            return isKebabCase(segment.substring(0, colon)) && isKebabCase(segment.substring(colon + 1));
        }
        for (String part : TEMPLATE.split(segment, -1)) {
            if (!part.isEmpty() && !KEBAB.matcher(part).matches() && !KEBAB.matcher(EDGE_PUNCTUATION.matcher(part).replaceAll("")).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The verb a segment starts with ({@code find} for {@code findByStatus}), or empty when it names a thing. */
    public static String verbOf(String segment) {
        List<String> words = words(segment);
        if (words.isEmpty() || !VERBS.contains(words.get(0))) {
            return "";
        }
        // "change-requests" and "update-events" are compound nouns: a verb that is also a noun, then a plural.
        // "getOrders" and longer phrases ("findByTags", "get-all-users") stay verb phrases.
        if (words.size() == 2 && NOUN_VERBS.contains(words.get(0)) && isPluralWord(words.get(1))) {
            return "";
        }
        return words.get(0);
    }

    /** Whether the last word of a segment is plural: {@code orders}, {@code order-items}, {@code categories}, {@code people}. */
    public static boolean isPlural(String segment) {
        List<String> words = words(segment);
        return !words.isEmpty() && isPluralWord(words.get(words.size() - 1));
    }

    private static boolean isPluralWord(String word) {
        if (PLURAL_WORDS.contains(word)) {
            return true;
        }
        return word.length() > 2 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is");
    }

    /** A suggestion for a collection segment: its last word made plural ({@code order-item} becomes {@code order-items}). */
    public static String pluralOf(String segment) {
        String w = segment;
        if (w.matches(".*[^aeiou]y")) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        if (w.matches(".*(s|x|z|ch|sh)")) {
            return w + "es";
        }
        return w + "s";
    }

    /** A suggestion for a segment in lowercase kebab-case ({@code findByStatus} becomes {@code find-by-status}). */
    public static String kebabOf(String segment) {
        int colon = segment.lastIndexOf(':');
        if (colon > 0 && colon > segment.lastIndexOf('}')) {
            return kebabOf(segment.substring(0, colon)) + ":" + kebabOf(segment.substring(colon + 1));
        }
        StringBuilder out = new StringBuilder();
        for (String part : segment.split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{")) {
                out.append(part);
            } else {
                out.append(String.join("-", words(part)));
            }
        }
        return out.toString();
    }

    /** Lowercase words of a segment, split at hyphens, underscores, dots and camelCase humps. */
    static List<String> words(String segment) {
        return Words.of(TEMPLATE.matcher(segment).replaceAll(" "));
    }
}
