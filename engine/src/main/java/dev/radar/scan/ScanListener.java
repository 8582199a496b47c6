package dev.radar.scan;

/** Hears about a scan's progress (for progress bars and logs); called from worker threads, one call at a time. */
public interface ScanListener {

    /** What happened to one repository. */
    enum Outcome {
        /** Fetched or read, and evaluated. */
        CHECKED,
        /** Same revision and configuration as the stored result: not evaluated again. */
        UNCHANGED,
        /** Already finished by the interrupted run being resumed: not fetched or evaluated again. */
        RESUMED,
        /** Could not be fetched or checked; reported in the summary. */
        FAILED
    }

    /** Nothing to hear. */
    ScanListener NONE = new ScanListener() {};

    default void started(int total) {}

    default void repository(RepoResult result, Outcome outcome, int done, int total) {}

    /** A note for the log, e.g. "nothing to resume". */
    default void note(String message) {}
}
