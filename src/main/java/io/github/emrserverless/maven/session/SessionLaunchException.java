package io.github.emrserverless.maven.session;

/** The session could not be started or handed over; the message says why and what became of it. */
public class SessionLaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionLaunchException(String message) {
        super(message);
    }

    public SessionLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
