/**
 * The {@code radar} command line: picocli commands that parse options, build a request and call the
 * engine. No rule, collector or report logic lives here.
 */
package dev.radar.cli;
