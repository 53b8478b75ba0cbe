package io.github.emrserverless.core.api;

/** A session operation failed; the message says why, what became of the session, and what to do. */
public class SessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
