package dev.radar.collect;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ${name}} placeholders replaced from a property map, recursively, with cycle detection and a bound on the
 * work: properties that double at each level ({@code <a2>${a1}${a1}</a2>}) would otherwise expand exponentially.
 */
final class Interpolation {
    private static final int MAX_DEPTH = 32;
    /** Characters produced plus placeholders replaced for one text; past it the text stays as written. */
    static final int MAX_WORK = 16 * 1024;

    private Interpolation() {}

    /** Replaces every resolvable placeholder; unresolvable ones stay as written. Null becomes empty. */
    static String apply(String text, Map<String, String> props) {
        if (text == null) {
            return "";
        }
        String trimmed = text.trim();
        String out = apply(trimmed, props, new HashSet<>(), 0, new int[] {MAX_WORK});
        return out == null ? trimmed : out;
    }

    /** The expanded text; null when the work bound is exceeded. */
    private static String apply(String text, Map<String, String> props, Set<String> seen, int depth, int[] budget) {
        if (depth > MAX_DEPTH || text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end).trim();
            String value = props.get(name);
            if (value != null && seen.add(name)) {
                String expanded = --budget[0] < 0 ? null : apply(value, props, seen, depth + 1, budget);
                seen.remove(name);
                if (expanded == null || (budget[0] -= expanded.length()) < 0) {
                    return null;
                }
                out.append(expanded);
            } else {
                out.append(text, start, end + 1);
            }
            i = end + 1;
        }
        return out.toString();
    }

    /** True when no placeholder is left. */
    static boolean isResolved(String value) {
        return value != null && !value.isEmpty() && !value.contains("${");
    }

    /**
     * True for a concrete version: resolved, not a range and not a resource-filtering token ({@code @project.version@},
     * the version of the POMs of maven-invoker integration tests, filled in when the build copies them).
     */
    static boolean isExactVersion(String value) {
        return isResolved(value) && !value.startsWith("[") && !value.startsWith("(") && !value.contains(",") && !value.contains("@");
    }
}
