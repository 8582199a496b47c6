package dev.radar.governance;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the version of radar.yaml a change is compared with, from git history. */
public final class PreviousRadar {
    private PreviousRadar() {}

    /**
     * The radar before the change under review.
     *
     * @param base a git revision to compare with; when empty: HEAD if the file has uncommitted edits, else the
     *             first parent of HEAD (on a pull request's merge commit, that is the target branch)
     * @return empty when the file is not in a git work tree or did not exist at that revision
     */
    public static Optional<ValidationRequest.Previous> fromGit(Path radarFile, Optional<String> base) {
        Optional<RadarHistory> opened = RadarHistory.open(radarFile);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (RadarHistory history = opened.get()) {
            if (base.isPresent()) {
                return history.textAt(base.get()).map(t -> new ValidationRequest.Previous(base.get(), t));
            }
            if (!history.isRevision("HEAD")) {
                return Optional.empty();
            }
            Optional<String> head = history.textAt("HEAD");
            if (head.isPresent() && !head.equals(history.workingText())) {
                return Optional.of(new ValidationRequest.Previous("HEAD", head.get()));
            }
            if (!history.isRevision("HEAD~1")) {
                return Optional.empty();
            }
            return history.textAt("HEAD~1").map(t -> new ValidationRequest.Previous("HEAD~1", t));
        }
    }
}
