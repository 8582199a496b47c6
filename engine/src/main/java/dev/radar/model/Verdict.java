package dev.radar.model;

/**
 * Derived by the rule base: the status a finding ends with because of an exception, {@code EXCEPTED} by a live
 * one or {@code EXCEPTION_EXPIRED} by an expired one. The engine applies verdicts when the session is done;
 * when several name one finding, excepted wins over expired, then the smallest exception id.
 */
public record Verdict(Finding finding, FindingStatus status, ExceptionGrant grant) {

    public String exceptionId() {
        return grant.id();
    }
}
