package io.github.emrserverless.maven.config;

/** Input that breaks a documented constraint; the message names the parameter, its source and what is allowed. */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
