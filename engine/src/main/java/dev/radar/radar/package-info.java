/**
 * The radar: loading and checking radar.yaml into {@link dev.radar.model.RadarEntry} and
 * {@link dev.radar.model.Matcher} facts. Values from radar.yaml are data for the rule base, never rule text.
 */
package dev.radar.radar;
