package dev.radar.governance;

/** Escaping for text placed in GitHub-flavoured markdown tables and paragraphs. */
final class Markdown {
    private Markdown() {}

    /** Escapes characters that would start markup or break a table cell; newlines become spaces. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
            if ("\\`*_[]<>|~".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
