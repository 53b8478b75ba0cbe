package io.github.emrserverless.maven.session;

import java.time.Instant;
import java.util.Map;

/** The members of a GetSession {@code Session} that the plugin uses; others are ignored. */
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
