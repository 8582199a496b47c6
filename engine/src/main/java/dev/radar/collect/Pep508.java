package dev.radar.collect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 508 requirement strings ({@code name[extra] >=1,<2 ; python_version < "3.8"}, {@code name @ url}):
 * the name as written without extras, and the specifier as written without parentheses and markers.
 */
final class Pep508 {
    private static final Pattern REQUIREMENT = Pattern.compile(
            "\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)", Pattern.DOTALL);
    private static final Pattern EXACT = Pattern.compile("\\s*===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\\s*");
    private static final Pattern EDITABLE = Pattern.compile("\\s*(?:-e|--editable)(?:\\s+|\\s*=\\s*)(\\S+)\\s*");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");

    /** A parsed requirement: the URL is empty unless written as {@code name @ url}. */
    record Requirement(String name, String specifier, String url) {
        /** The version of an exact {@code ==x} or {@code ===x} pin (wildcards excluded), else empty. */
        String pinned() {
            return exactPin(specifier);
        }
    }

    private Pep508() {}

    /** Parses a requirement; null when the text does not start with a distribution name. */
    static Requirement parse(String text) {
        Matcher m = REQUIREMENT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(3).trim();
        if (rest.startsWith("@")) {
            String url = rest.substring(1).trim();
            int marker = url.indexOf(" ;");
            if (marker < 0) {
                marker = url.indexOf("\t;");
            }
            url = (marker < 0 ? url : url.substring(0, marker)).trim();
            return new Requirement(m.group(1), "", url);
        }
        int semicolon = rest.indexOf(';');
        String spec = (semicolon < 0 ? rest : rest.substring(0, semicolon)).trim();
        if (spec.startsWith("(") && spec.endsWith(")")) {
            spec = spec.substring(1, spec.length() - 1).trim();
        }
        if (!spec.isEmpty() && "<>=!~".indexOf(spec.charAt(0)) < 0) {
            return null; // neither a specifier nor a marker follows the name: not a requirement
        }
        return new Requirement(m.group(1), spec, "");
    }

    /**
     * The distribution a pip-style editable entry names ({@code -e git+https://host/x.git#egg=name}, as PDM
     * writes VCS and local dependencies into pyproject.toml): the {@code #egg=} name, empty for a path without
     * one ({@code -e ./sub-package}), null when the text is not an editable entry.
     */
    static String editableName(String text) {
        Matcher m = EDITABLE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Matcher egg = EGG.matcher(m.group(1));
        return egg.find() ? egg.group(1) : "";
    }

    /** The version of an exact pin, or empty. */
    static String exactPin(String specifier) {
        Matcher m = EXACT.matcher(specifier == null ? "" : specifier);
        return m.matches() && !m.group(1).contains("*") ? m.group(1) : "";
    }

    /** The PEP 503 normalised form of a name, for matching declarations with lockfile entries. */
    static String normalise(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
