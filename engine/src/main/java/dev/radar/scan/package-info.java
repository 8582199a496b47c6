/**
 * The org scan: repository sources (repos.yaml or a folder of repositories), fetching with JGit into a
 * cache, checking on a bounded worker pool with incremental and resumable state, sharding, merging
 * shard outputs, and the org summary and dashboard. It wraps the per-repository check and is the last
 * stage of the engine: nothing else in the engine depends on it.
 */
package dev.radar.scan;
