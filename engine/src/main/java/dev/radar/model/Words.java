package dev.radar.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The lowercase words of a key or path segment, split at anything but letters and digits and at camelCase humps. */
final class Words {
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");

    private Words() {}

    /** {@code termsOfService-url} gives {@code [terms, of, service, url]}. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String w : BOUNDARY.split(text)) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
