package io.github.emrserverless.maven.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/** The members of a GetSession {@code Session} that the plugin uses; others are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(
        String applicationId,
        String sessionId,
        String arn,
        String name,
        SessionState state,
        String stateDetails,
        String releaseLabel,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Long idleTimeoutMinutes,
        Map<String, String> tags) {}
