package dev.radar.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Text helpers shared by the foreign formats: rationale and description in one text, HTML to plain text, unique ids. */
final class ForeignText {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final String NO_RATIONALE = "No rationale was given in the imported radar.";

    private ForeignText() {}

    /** Rationale, then the description after a blank line. */
    static String join(String rationale, String description) {
        return description.isBlank() ? rationale : rationale + "\n\n" + description;
    }

    /** Splits text at its first blank line into {rationale, description}. */
    static String[] split(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("\\R\\s*\\R", 2);
        return new String[] {parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""};
    }

    /** Escapes text for formats that show descriptions as HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plain text from the HTML a BYOR or Backstage description may hold: paragraphs and breaks become blank lines and newlines. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p[^>]*>", "\n\n").replaceAll("<[^>]*>", "");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ")
                .replace("&amp;", "&").strip();
    }

    /** Hands out entry ids: the wanted one when it is valid and free, else the name's slug, numbered when taken. */
    static final class Ids {
        private final Set<String> used = new HashSet<>();

        String next(String wanted, String name, String fallback) {
            String base = wanted != null && ID.matcher(wanted).matches() ? wanted : PortableRadar.slug(name);
            if (base.isEmpty()) {
                base = fallback;
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }
    }

    /** The quadrants named in order of first appearance, with slug ids. */
    static List<PortableRadar.Quadrant> quadrants(List<String> names) {
        List<PortableRadar.Quadrant> out = new ArrayList<>();
        Ids ids = new Ids();
        for (String n : names) {
            if (out.stream().noneMatch(q -> q.name().equals(n))) {
                out.add(new PortableRadar.Quadrant(ids.next(null, n, "quadrant-" + (out.size() + 1)), n));
            }
        }
        return out;
    }
}
