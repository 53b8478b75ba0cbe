package io.github.emrserverless.maven.session;

/** A session operation failed; the message says why, what became of the session, and what to do. */
public class SessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean sessionEnded;

    public SessionException(String message) {
        this(message, null, false);
    }

    public SessionException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param sessionEnded the session this was about has ended (failed, or was terminated): nothing to clean up */
    public SessionException(String message, Throwable cause, boolean sessionEnded) {
        super(message, cause);
        this.sessionEnded = sessionEnded;
    }

    public boolean sessionEnded() {
        return sessionEnded;
    }
}
