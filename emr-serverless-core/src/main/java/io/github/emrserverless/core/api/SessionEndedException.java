package io.github.emrserverless.core.api;

/**
 * The session failed or was terminated by someone else; there is nothing left to clean up (the launcher tells
 * its listeners {@code onEnded}).
 */
public class SessionEndedException extends SessionException {

    private static final long serialVersionUID = 1L;

    public SessionEndedException(String message) {
        super(message);
    }
}
