package dev.radar.model;

/**
 * What a rule concluded about a repository, at a file and line.
 *
 * @param subject     what the finding is about (a dependency key, a file, a setting), used for the fingerprint
 * @param fingerprint stable across runs and line moves; filled in by the report, empty while rules run
 */
public record Finding(
        String ruleId,
        Severity severity,
        String repo,
        String file,
        int line,
        String message,
        String remediation,
        String entryId,
        String subject,
        String fingerprint,
        FindingStatus status,
        String exceptionId) {

    public Finding {
        file = file == null ? "" : file;
        message = message == null ? "" : message;
        remediation = remediation == null ? "" : remediation;
        entryId = entryId == null ? "" : entryId;
        subject = subject == null ? "" : subject;
        fingerprint = fingerprint == null ? "" : fingerprint;
        status = status == null ? FindingStatus.OPEN : status;
        exceptionId = exceptionId == null ? "" : exceptionId;
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, severity, repo, file, line, message, remediation, entryId, subject, value, status, exceptionId);
    }

    public Finding withStatus(FindingStatus value, String exception) {
        return new Finding(ruleId, severity, repo, file, line, message, remediation, entryId, subject, fingerprint, value, exception);
    }

    /** Open and expired-exception findings count towards the exit code; excepted ones do not. */
    public boolean counts() {
        return status != FindingStatus.EXCEPTED;
    }
}
