package dev.radar.policy;

/**
 * One DRL file of the rule base.
 *
 * @param path    relative path inside the policy folder, e.g. {@code radar/rings.drl}; a user file with the
 *                same path as a built-in one replaces it
 * @param origin  where it was read from, for error messages
 */
public record PolicySource(String path, String origin, String text) {}
