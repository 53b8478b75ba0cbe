package io.github.emrserverless.core.api;

import java.time.Instant;

/** GetSessionEndpoint's answer. The auth token is a secret: {@link #toString()} leaves it out. */
public record SessionEndpoint(
        String applicationId, String sessionId, String endpoint, String authToken, Instant authTokenExpiresAt) {

    @Override
    public String toString() {
        return "SessionEndpoint[sessionId=" + sessionId + ", endpoint=" + endpoint
                + ", authToken=****, authTokenExpiresAt=" + authTokenExpiresAt + "]";
    }
}
