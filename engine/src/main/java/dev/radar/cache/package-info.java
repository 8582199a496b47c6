/**
 * The on-disk cache folder shared by the stages that keep derived data between runs (compiled policies, parsed
 * radars): where it is, and how entries are written (atomically) and read back (only when intact).
 */
package dev.radar.cache;
