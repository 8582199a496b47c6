/**
 * The per-repository check: collect facts, evaluate the rule base with the radar and the clock,
 * and build the report. The org scan wraps the same check.
 */
package dev.radar.check;
