package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules call these helpers for every fact of every session, so they scan text by hand rather than compile a regex
 * per call; each must answer as the regex it replaced, checked here on random texts made of the characters that
 * regex looks at.
 */
class RuleHelperPatternsTest {

    private static final int SAMPLES = 40_000;

    private static String random(Random r, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void canonical_keys_are_the_regex_replacement_they_replaced() {
        Random r = new Random(11);
        for (int i = 0; i < SAMPLES; i++) {
            String key = random(r, "aZz09_.-Az[]\u0130\u212AÉé ", 12);
            String expected = key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
            assertThat(ConfigSetting.canonical(key)).as("'%s'", key).isEqualTo(expected);
        }
        assertThat(new ConfigSetting("r", "f", 1, "management.endpoints.web.exposureInclude", "").canonicalKey())
                .isEqualTo("management.endpoints.web.exposure-include");
        assertThat(ConfigSetting.canonical("logging.structured_format.CONSOLE")).isEqualTo("logging.structured-format.console");
    }

    @Test
    void the_exposure_include_key_is_recognised_as_its_regex_did() {
        Pattern include = Pattern.compile("management\\.endpoints\\.web\\.exposure\\.include(\\[[0-9]+])?");
        Random r = new Random(12);
        List<String> stems = List.of("management.endpoints.web.exposure.include", "management.endpoints.web.exposure.includ",
                "management.endpoints.web.exposure", "");
        int included = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String key = stems.get(r.nextInt(stems.size())) + random(r, "[]09x.\n", 4);
            ConfigSetting s = new ConfigSetting("r", "application.properties", 1, key, "*");
            boolean expected = include.matcher(s.canonicalKey()).matches();
            // for info, only the exposure list counts, and "*" names every endpoint
            assertThat(Endpoints.exposes(Endpoints.INFO, s)).as("'%s'", key).isEqualTo(expected);
            included += expected ? 1 : 0;
        }
        assertThat(included).isBetween(SAMPLES / 20, SAMPLES / 2);
    }

    @Test
    void status_codes_are_judged_as_their_regexes_did() {
        Random r = new Random(13);
        for (int i = 0; i < SAMPLES; i++) {
            String code = random(r, "0123456xX d\u0661", 4);
            String c = code.trim();
            boolean expected = c.equals("default") || c.matches("[1-5][xX]{2}")
                    || c.matches("[0-9]{3}") && HttpStatus.isStandard(String.valueOf(Integer.parseInt(c)));
            assertThat(HttpStatus.isStandard(code)).as("'%s'", code).isEqualTo(expected);
        }
    }

    @Test
    void version_segments_are_recognised_as_before_in_linear_time() {
        Pattern before = Pattern.compile("(?i)v[0-9]+([.\\-]?[a-z0-9]+)*");
        Pattern dotted = Pattern.compile("[0-9]+\\.[0-9]+(\\.[0-9]+)?");
        Random r = new Random(14);
        int versions = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String segment = (r.nextBoolean() ? "v" : "") + random(r, "v1.-aZ_{", 8);
            boolean expected = before.matcher(segment).matches() || dotted.matcher(segment).matches()
                    || Pattern.compile("(?i)v\\{[^{}/]+}").matcher(segment).matches()
                    || segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}") && segment.toLowerCase(Locale.ROOT).contains("version");
            if (!segment.startsWith("{")) {
                assertThat(ApiStyle.isVersionSegment(segment)).as("'%s'", segment).isEqualTo(expected);
                versions += expected ? 1 : 0;
            }
        }
        assertThat(versions).isGreaterThan(SAMPLES / 100);
        // the old pattern took hundreds of milliseconds on a few kilobytes of letters after v1 (nested quantifiers)
        String hostile = "v1" + "a".repeat(64 * 1024) + "!";
        assertThat(ApiStyle.isVersionSegment(hostile)).isFalse();
    }

    @Test
    void a_path_with_a_repeated_segment_is_read() {
        // Set.of refused the duplicate {id} and the rule evaluation failed with an internal error
        assertThat(Endpoints.isPath(Endpoints.HEALTH, "/teams/{id}/members/{id}")).isFalse();
        assertThat(Endpoints.isPath(Endpoints.HEALTH, "/status/health/status/")).isTrue();
        assertThat(Endpoints.isPath(Endpoints.READINESS, "//ready//")).isTrue();
        assertThat(Endpoints.isPath(Endpoints.METRICS, "/")).isFalse();
    }
}
