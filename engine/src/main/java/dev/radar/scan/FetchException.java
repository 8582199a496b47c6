package dev.radar.scan;

/** A repository could not be cloned or fetched; the message is free of credentials. */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }
}
