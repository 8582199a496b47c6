package dev.radar.model;

import java.util.Set;

/** HTTP status codes registered with IANA (RFC 9110 and companions), and the OpenAPI forms {@code 4XX} and {@code default}. */
public final class HttpStatus {

    private static final Set<Integer> REGISTERED = Set.of(
            100, 101, 102, 103,
            200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
            300, 301, 302, 303, 304, 305, 307, 308,
            400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 423, 424, 425,
            426, 428, 429, 431, 451,
            500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);

    private HttpStatus() {}

    /**
     * Whether a response key of a spec is a standard status: a registered code, a range {@code 1XX}..{@code 5XX},
     * or {@code default}. 418 and 306 are marked unused in the registry and count as non-standard.
     */
    public static boolean isStandard(String code) {
        String c = code.trim();
        if (c.length() != 3) {
            return c.equals("default");
        }
        char first = c.charAt(0);
        if (first >= '1' && first <= '5' && (c.charAt(1) == 'x' || c.charAt(1) == 'X') && (c.charAt(2) == 'x' || c.charAt(2) == 'X')) {
            return true;
        }
        for (int i = 0; i < 3; i++) {
            if (c.charAt(i) < '0' || c.charAt(i) > '9') {
                return false;
            }
        }
        return REGISTERED.contains(Integer.parseInt(c));
    }

    /** Whether a response key covers client errors: {@code 4xx}, {@code 4XX} or {@code default}. */
    public static boolean isClientError(String code) {
        return code.equals("default") || code.length() == 3 && code.charAt(0) == '4';
    }

    /** Whether a response key covers server errors: {@code 5xx}, {@code 5XX} or {@code default}. */
    public static boolean isServerError(String code) {
        return code.equals("default") || code.length() == 3 && code.charAt(0) == '5';
    }
}
