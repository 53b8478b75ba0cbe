package io.github.emrserverless.core.aws;

/** No usable credentials, or a role that could not be assumed; the message lists where the plugin looked. */
public final class NoCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
