package dev.radar.exceptions;

import dev.radar.model.ExceptionGrant;
import dev.radar.model.Finding;
import java.util.List;

/**
 * One exception as the rule base judged it on a day, without a repository: its status and the findings about it.
 *
 * @param daysLeft days from the review date to the expiry date (0 on the last valid day, negative once expired)
 * @param problems the findings of the exception rules at the exception's file and line
 */
public record ExceptionReview(ExceptionGrant grant, GrantStatus status, long daysLeft, List<Finding> problems) {

    public ExceptionReview {
        problems = List.copyOf(problems);
    }

    /** Not expired, and expires within the next {@code days} days (0: expires today). */
    public boolean expiresWithin(long days) {
        return grant.expires() != null && daysLeft >= 0 && daysLeft <= days;
    }

    /** Invalid or expired: such an exception excepts nothing, and {@code radar exceptions validate} fails. */
    public boolean fails() {
        return status == GrantStatus.INVALID || status == GrantStatus.EXPIRED;
    }
}
