package dev.radar.collect;

import java.util.Map;

/**
 * Expands shell-style variable references the way Dockerfiles and Compose files do: {@code $NAME},
 * {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:+alt}},
 * {@code ${NAME+alt}}, {@code ${NAME:?error}} and {@code ${NAME?error}}. Only values known inside the
 * repository are used (ARG defaults, {@code .env}); a reference that depends on anything else makes the
 * whole text unresolvable.
 */
final class ShellVariables {
    private static final int MAX_DEPTH = 16;
    /**
     * Characters produced plus references replaced for one text; past it the text is unresolvable. Values that
     * double at each ARG ({@code ARG B=$A$A}) would otherwise grow exponentially.
     */
    static final int MAX_WORK = 16 * 1024;

    private final Map<String, String> values;
    private final boolean doubleDollarEscapes;

    /**
     * @param values              the variables that are set, by name
     * @param doubleDollarEscapes whether {@code $$} stands for a literal {@code $} (Compose)
     */
    ShellVariables(Map<String, String> values, boolean doubleDollarEscapes) {
        this.values = values;
        this.doubleDollarEscapes = doubleDollarEscapes;
    }

    static ShellVariables none() {
        return new ShellVariables(Map.of(), false);
    }

    /** The text with every reference replaced, or null when some reference cannot be resolved. */
    String expand(String text) {
        return text == null ? null : expand(text, 0, new int[] {MAX_WORK});
    }

    /** True when the text holds a variable reference. */
    static boolean hasReference(String text) {
        return text != null && text.indexOf('$') >= 0;
    }

    private String expand(String text, int depth, int[] budget) {
        if (depth > MAX_DEPTH || (budget[0] -= text.length() + 1) < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                out.append('$');
                break;
            }
            char next = text.charAt(i + 1);
            if (next == '$' && doubleDollarEscapes) {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    return null;
                }
                String value = braced(text.substring(i + 2, end), depth, budget);
                if (value == null || (budget[0] -= value.length()) < 0) {
                    return null;
                }
                out.append(value);
                i = end + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String value = values.get(text.substring(i + 1, end));
                if (value == null || (budget[0] -= value.length()) < 0) {
                    return null;
                }
                out.append(value);
                i = end;
            } else {
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the brace closing a {@code ${} opened just before {@code from}, counting nested ones. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String inside, int depth, int[] budget) {
        int n = 0;
        while (n < inside.length() && (Character.isLetterOrDigit(inside.charAt(n)) || inside.charAt(n) == '_')) {
            n++;
        }
        if (n == 0) {
            return null;
        }
        String name = inside.substring(0, n);
        String rest = inside.substring(n);
        String value = values.get(name);
        if (rest.isEmpty()) {
            return value;
        }
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1) : rest;
        if (op.isEmpty()) {
            return null;
        }
        char kind = op.charAt(0);
        String word = op.substring(1);
        boolean set = colon ? value != null && !value.isEmpty() : value != null;
        return switch (kind) {
            case '-' -> set ? value : expand(word, depth + 1, budget);
            case '+' -> set ? expand(word, depth + 1, budget) : "";
            case '?' -> set ? value : null;
            default -> null;
        };
    }
}
