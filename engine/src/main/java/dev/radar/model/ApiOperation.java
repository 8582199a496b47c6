package dev.radar.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation (a method on a path) of an API spec, at the line of its method key, with its response codes.
 *
 * @param method          lowercase, e.g. {@code get}
 * @param operationId     empty when the spec gives none
 * @param responseCodes   every response key as written ({@code 200}, {@code 4XX}, {@code default}), in order
 * @param errorMediaTypes for each error response ({@code 4xx}, {@code 5xx}, {@code default}) whose body the spec
 *                        describes inside the file: the media types of that body (empty list: no body). Responses
 *                        behind an unresolvable {@code $ref} are left out: their body is unknown, not wrong.
 */
public record ApiOperation(String repo, String file, int line, String path, String method, String operationId,
        List<String> responseCodes, Map<String, List<String>> errorMediaTypes) {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s");


    public ApiOperation {
        operationId = operationId == null ? "" : operationId;
        responseCodes = List.copyOf(responseCodes);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errorMediaTypes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        errorMediaTypes = Collections.unmodifiableMap(copy);
    }

    /** Whether the operation's spec lies in an examples, samples or test folder (see {@link ApiSpec#inExamplesOrTests()}). */
    public boolean inExamplesOrTests() {
        return RepoPaths.isExampleOrTest(file);
    }

    /** {@code GET /pets}, for messages. */
    public String display() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** Whether a 4xx response (or a range or {@code default} covering them) is documented. */
    public boolean documentsClientErrors() {
        return responseCodes.stream().anyMatch(HttpStatus::isClientError);
    }

    /** Whether a 5xx response (or a range or {@code default} covering them) is documented. */
    public boolean documentsServerErrors() {
        return responseCodes.stream().anyMatch(HttpStatus::isServerError);
    }

    /** What is missing of "4xx and 5xx", for messages: {@code 4xx}, {@code 5xx}, {@code 4xx and 5xx} or empty. */
    public String missingErrorClasses() {
        List<String> out = new ArrayList<>();
        if (!documentsClientErrors()) {
            out.add("4xx");
        }
        if (!documentsServerErrors()) {
            out.add("5xx");
        }
        return String.join(" and ", out);
    }

    /**
     * Error responses whose described body is not {@code application/problem+json} (RFC 9457). None for {@code head}:
     * a response to HEAD carries no content (RFC 9110, section 9.3.2), so its errors have only their status code.
     */
    public List<String> errorsWithoutProblemJson() {
        List<String> out = new ArrayList<>();
        if (method.equals("head")) {
            return out;
        }
        errorMediaTypes.forEach((code, types) -> {
            if (types.stream().noneMatch(ApiOperation::isProblemJson)) {
                out.add(code);
            }
        });
        return out;
    }

    /** Response keys that are not registered HTTP status codes. */
    public List<String> nonStandardCodes() {
        return responseCodes.stream().filter(c -> !HttpStatus.isStandard(c)).toList();
    }

    /** Whether this operation comes before the other in its file (by line, then path and method), to report duplicates once. */
    public boolean precedes(ApiOperation other) {
        if (line != other.line) {
            return line < other.line;
        }
        return display().compareTo(other.display()) < 0;
    }

    private static boolean isProblemJson(String mediaType) {
        return WHITESPACE.matcher(mediaType.toLowerCase(Locale.ROOT)).replaceAll("").startsWith("application/problem+json");
    }
}
