package io.github.emrserverless.core.emulator;

/** A modelled or platform error, sent as rest-json: status, x-amzn-ErrorType, {"__type", "message"}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    final int status;
    final String type;

    ApiError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "ResourceNotFoundException", message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, "ConflictException", message);
    }
}
