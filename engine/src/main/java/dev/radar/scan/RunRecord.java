package dev.radar.scan;

/**
 * One run of the scan, stored as {@code run.json} in the output folder: written as {@code running} when the
 * run starts and as {@code complete} when its summary is written. {@code --resume} continues a run that is
 * still {@code running} (it crashed or was killed) with the same configuration, date and shard.
 *
 * @param shard {@code K/N}, or {@code 1/1} for a whole-organisation run
 */
public record RunRecord(
        int schemaVersion,
        String runId,
        String status,
        String started,
        String finished,
        String today,
        String config,
        String shard,
        String source,
        int repos,
        int checked,
        int unchanged,
        int resumed,
        int failed) {

    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";

    public boolean complete() {
        return COMPLETE.equals(status);
    }
}
