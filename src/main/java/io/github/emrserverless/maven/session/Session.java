package io.github.emrserverless.maven.session;

import java.time.Instant;
import java.util.Map;

/**
 * The members of a GetSession {@code Session} that the plugin uses; others are ignored.
 *
 * @param billedResourceUtilization what the service bills, once the session has ended; null before
 * @param totalExecutionDurationSeconds how long it ran, once it has ended; null before
 */
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
        Map<String, String> tags,
        ResourceUtilization billedResourceUtilization,
        Long totalExecutionDurationSeconds) {

    /** The API's {@code ResourceUtilization}: vCPU-hours, GB-hours of memory and of storage. */
    public record ResourceUtilization(Double vCPUHour, Double memoryGBHour, Double storageGBHour) {}
}
