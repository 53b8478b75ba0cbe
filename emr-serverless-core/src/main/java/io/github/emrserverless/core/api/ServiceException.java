package io.github.emrserverless.core.api;

/**
 * A call to EMR Serverless or STS failed. The core sees only this type and its two subclasses; the AWS adapter
 * translates the SDK's exceptions into them, so that another client (a future SDK with session operations, a test
 * double) needs nothing but these.
 */
public class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int statusCode;
    private final String serviceMessage;
    private final boolean throttling;
    private final boolean mayHaveTakenEffect;

    /**
     * @param errorCode the service's error code (e.g. {@code ValidationException}), or null when no answer came
     * @param statusCode the HTTP status of the answer, or 0 when none came
     * @param serviceMessage what the service said, or null
     * @param throttling whether the service asked to slow down
     * @param mayHaveTakenEffect whether any attempt may have changed something: a 5xx, a throttle or a lost answer
     *     may come after the service acted; a 4xx other than throttling was decided before anything happened
     */
    public ServiceException(
            String message,
            String errorCode,
            int statusCode,
            String serviceMessage,
            boolean throttling,
            boolean mayHaveTakenEffect,
            Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.serviceMessage = serviceMessage;
        this.throttling = throttling;
        this.mayHaveTakenEffect = mayHaveTakenEffect;
    }

    /** No answer came: a connection, proxy, credentials or local failure. Such a call may have taken effect. */
    public static ServiceException unanswered(String message, Throwable cause) {
        return new ServiceException(message, null, 0, null, false, true, cause);
    }

    /** The exception for an answer, by its error code. */
    public static ServiceException answered(
            String errorCode,
            int statusCode,
            String serviceMessage,
            boolean throttling,
            boolean mayHaveTakenEffect,
            Throwable cause) {
        String message = (errorCode == null ? "HTTP " + statusCode : errorCode) + ": " + serviceMessage;
        if ("ResourceNotFoundException".equals(errorCode)) {
            return new NotFoundException(message, statusCode, serviceMessage, mayHaveTakenEffect, cause);
        }
        if ("ConflictException".equals(errorCode)) {
            return new ConflictException(message, statusCode, serviceMessage, mayHaveTakenEffect, cause);
        }
        return new ServiceException(
                message, errorCode, statusCode, serviceMessage, throttling, mayHaveTakenEffect, cause);
    }

    /** The service's error code, or {@code HTTP <status>} when it gave none; null when no answer came. */
    public String errorCode() {
        return errorCode == null && statusCode > 0 ? "HTTP " + statusCode : errorCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public boolean answered() {
        return statusCode > 0;
    }

    public String serviceMessage() {
        return serviceMessage;
    }

    public boolean isThrottling() {
        return throttling;
    }

    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }

    public boolean isAccessDenied() {
        return statusCode == 403 || "AccessDeniedException".equals(errorCode);
    }

    /** The application or session does not exist (any more), or is in another region. */
    public static final class NotFoundException extends ServiceException {

        private static final long serialVersionUID = 1L;

        NotFoundException(
                String message, int statusCode, String serviceMessage, boolean mayHaveTakenEffect, Throwable cause) {
            super(message, "ResourceNotFoundException", statusCode, serviceMessage, false, mayHaveTakenEffect, cause);
        }
    }

    /** The request conflicts with the resource's state, e.g. a client token used before with other parameters. */
    public static final class ConflictException extends ServiceException {

        private static final long serialVersionUID = 1L;

        ConflictException(
                String message, int statusCode, String serviceMessage, boolean mayHaveTakenEffect, Throwable cause) {
            super(message, "ConflictException", statusCode, serviceMessage, false, mayHaveTakenEffect, cause);
        }
    }
}
