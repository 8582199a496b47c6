package dev.radar.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code of {@code radar}, with the sentence {@code --help} prints for it. */
public enum ExitCode {
    COMPLIANT(0, "compliant: no finding at or above --fail-on"),
    FINDINGS(1, "findings at or above --fail-on (they win over 3 when both apply)"),
    CONFIG_ERROR(2, "usage or configuration error: bad option, radar.yaml, exceptions file or DRL, or an output that cannot be written"),
    INCOMPLETE(3, "incomplete: a repository or file could not be read; the rest was checked and reported");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The picocli exit-code list for help sections. */
    static Map<String, String> helpList() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            out.put(String.valueOf(c.code), c.meaning);
        }
        return out;
    }
}
