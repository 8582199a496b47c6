package dev.radar.model;

/**
 * One step of a CI workflow (GitHub Actions), at its line: the action it {@code uses} or the script it {@code run}s.
 *
 * @param job  the job id the step belongs to
 * @param uses the action reference as written ({@code actions/checkout@v4}), or a reusable workflow; empty for scripts
 * @param run  the script of a {@code run:} step; empty for actions
 */
public record CiStep(String repo, String file, int line, String job, String uses, String run) {

    public CiStep {
        uses = uses == null ? "" : uses;
        run = run == null ? "" : run;
    }

    /** Whether the step scans dependencies for known vulnerabilities (see {@link CiTools}). */
    public boolean scansDependencies() {
        return CiTools.scansDependencies(uses, run);
    }

    /** Whether the step runs a formatter or linter (see {@link CiTools}). */
    public boolean lints() {
        return CiTools.lints(uses, run);
    }
}
