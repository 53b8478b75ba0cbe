package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/** A session's request and its states over time, planned when it is created. */
final class EmulatedSession {

    final String applicationId;
    final String sessionId;
    final String arn;
    final JsonNode request;
    final String startedBy;
    /** The request without its client token: a reused token must come with the same parameters. */
    final JsonNode fingerprint;

    final Instant createdAt;
    final String releaseLabel;
    final Duration tokenLifetime;
    final Timeline<String> timeline;

    EmulatedSession(
            String applicationId,
            String sessionId,
            String arn,
            JsonNode request,
            String startedBy,
            Instant now,
            ApplicationSpec spec,
            Duration extra) {
        this.applicationId = applicationId;
        this.sessionId = sessionId;
        this.arn = arn;
        this.request = request;
        this.startedBy = startedBy;
        this.fingerprint = fingerprint(request);
        this.createdAt = now;
        this.releaseLabel = spec.releaseLabel();
        this.tokenLifetime = spec.tokenLifetime();
        Duration ready = spec.sessionReadyAfter().plus(extra);
        this.timeline = new Timeline<>(now, "SUBMITTED").then(now.plus(ready.dividedBy(3)), "STARTING");
        switch (spec.sessionOutcome()) {
            case READY ->
                timeline.then(now.plus(ready), "STARTED").then(now.plus(ready).plusSeconds(1), "IDLE");
            case FAIL -> timeline.then(now.plus(ready), "FAILED");
            case NEVER_READY -> {}
        }
    }

    static JsonNode fingerprint(JsonNode request) {
        ObjectNode withoutToken = (ObjectNode) request.deepCopy();
        withoutToken.remove("clientToken");
        return withoutToken;
    }

    String stateDetails(String state) {
        return switch (state) {
            case "FAILED" -> "Session failed to start: the execution role could not be assumed (emulated failure)";
            case "TERMINATING", "TERMINATED" -> "Session was terminated by request";
            default -> "Session is " + state;
        };
    }
}
