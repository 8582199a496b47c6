package dev.radar.exceptions;

import java.util.Locale;

/** Where an exception stands on a day, as the rule base judged it. */
public enum GrantStatus {
    /** Breaks the exception policy (too long, unapproved, untrusted, unknown entry or rule): covers nothing. */
    INVALID,
    /** Past its expiry date: the findings it covered count again. */
    EXPIRED,
    /** Valid, with no more days left than the policy's warning window. */
    EXPIRING,
    /** Valid. */
    VALID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
