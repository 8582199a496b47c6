/**
 * Reading YAML with positions and limits: every node keeps its line and column, alias bombs, deep
 * nesting and huge documents are refused, and duplicate keys are errors rather than silent overwrites.
 */
package dev.radar.yaml;
