package dev.radar.collect;

import dev.radar.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python version constraint as pyproject.toml writes it: PEP 440 specifiers ({@code >=1.2,<2}, {@code ~=1.4.5},
 * {@code !=1.5}, {@code ==2.*}, {@code ===1.0}) and Poetry's ({@code ^1.2}, {@code ~1.2}, {@code 1.2.*}, a bare
 * version, {@code *}, alternatives joined by {@code ||}): enough to pick, among the versions a lock holds for one
 * name, the one a declaration admits. Versions compare as {@link Version} does.
 */
final class PythonSpecifier {
    private static final Pattern CLAUSE = Pattern.compile(
            "(===|~=|==|!=|<=|>=|<|>|\\^|~|=)?\\s*v?(\\d{1,18}(?:\\.\\d{1,18})*)(\\.\\*)?([A-Za-z0-9.+_-]*)");

    /** Alternatives ({@code ||}), each a list of clauses that must all hold ({@code ,}). */
    private final List<List<Predicate<Version>>> alternatives;

    private PythonSpecifier(List<List<Predicate<Version>>> alternatives) {
        this.alternatives = alternatives;
    }

    /** Parses a constraint; null when it is not one (empty text, a URL, an epoch, garbage). */
    static PythonSpecifier parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<List<Predicate<Version>>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|?")) {
            List<Predicate<Version>> clauses = new ArrayList<>();
            for (String clause : alternative.split(",")) {
                Predicate<Version> p = clause(clause.strip());
                if (p == null) {
                    return null;
                }
                clauses.add(p);
            }
            if (clauses.isEmpty()) {
                return null;
            }
            alternatives.add(clauses);
        }
        return alternatives.isEmpty() ? null : new PythonSpecifier(alternatives);
    }

    /** Whether a concrete version (as a lock writes it) satisfies every clause of some alternative. */
    boolean admits(String version) {
        Version v = Version.parse(version).orElse(null);
        return v != null && alternatives.stream().anyMatch(clauses -> clauses.stream().allMatch(c -> c.test(v)));
    }

    private static Predicate<Version> clause(String text) {
        if (text.equals("*")) {
            return v -> true;
        }
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String op = m.group(1) == null ? "==" : m.group(1); // Poetry: a bare version is an exact one
        String release = m.group(2);
        int parts = release.split("\\.").length;
        Version at = Version.parse(release + m.group(4)).orElse(null);
        if (at == null) {
            return null;
        }
        if (m.group(3) != null) { // 1.2.*: the versions that start with 1.2
            if (!m.group(4).isEmpty()) {
                return null;
            }
            Predicate<Version> prefix = below(at, release, parts - 1);
            return switch (op) {
                case "==", "=" -> prefix;
                case "!=" -> prefix.negate();
                default -> null;
            };
        }
        return switch (op) {
            case "==", "=", "===" -> v -> v.compareTo(at) == 0;
            case "!=" -> v -> v.compareTo(at) != 0;
            case ">=" -> v -> v.compareTo(at) >= 0;
            case ">" -> v -> v.compareTo(at) > 0;
            case "<=" -> v -> v.compareTo(at) <= 0;
            case "<" -> v -> v.compareTo(at) < 0;
            case "~=" -> parts < 2 ? null : below(at, release, parts - 2); // ~=1.4.5: >=1.4.5, <1.5
            case "~" -> below(at, release, parts == 1 ? 0 : 1); // ~1.2.3: >=1.2.3, <1.3
            default -> below(at, release, caretPart(release)); // ^0.2.3: >=0.2.3, <0.3
        };
    }

    /** From {@code low} up to, not including, the release with the part at {@code index} raised by one. */
    private static Predicate<Version> below(Version low, String release, int index) {
        String[] parts = release.split("\\.");
        StringBuilder next = new StringBuilder();
        for (int i = 0; i <= index; i++) {
            next.append(i == 0 ? "" : ".").append(i == index ? String.valueOf(Long.parseLong(parts[i]) + 1) : parts[i]);
        }
        Version high = Version.parse(next.toString()).orElseThrow();
        return v -> v.compareTo(low) >= 0 && v.compareTo(high) < 0;
    }

    /** The part a caret may not raise: the first that is not zero, or the last one written when all are. */
    private static int caretPart(String release) {
        String[] parts = release.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (Long.parseLong(parts[i]) != 0) {
                return i;
            }
        }
        return parts.length - 1;
    }
}
