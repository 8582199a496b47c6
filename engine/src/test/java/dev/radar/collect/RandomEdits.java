package dev.radar.collect;

import java.util.Random;

/** Random edits of a text for the fast parsers' strictness tests: one to three deletions, insertions or replacements. */
final class RandomEdits {
    private RandomEdits() {}

    static String of(Random random, String text, String alphabet) {
        StringBuilder b = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }
}
