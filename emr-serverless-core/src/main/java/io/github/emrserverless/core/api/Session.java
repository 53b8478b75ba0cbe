package io.github.emrserverless.core.api;

import io.github.emrserverless.core.config.Configuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The members of a GetSession {@code Session} that the plugin uses; others are ignored.
 *
 * @param billedResourceUtilization what the service bills, once the session has ended; null before
 * @param totalExecutionDurationSeconds how long it ran, once it has ended; null before
 * @param executionRoleArn the role it runs as (GetSession and ListSessions)
 * @param createdBy the principal that started it (GetSession and ListSessions)
 * @param idleSince when it became idle, while IDLE (GetSession only)
 * @param configurationOverrides its runtime configuration (GetSession only)
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
        Long totalExecutionDurationSeconds,
        String executionRoleArn,
        String createdBy,
        Instant idleSince,
        ConfigurationOverrides configurationOverrides) {

    /** A session as the plugin describes one itself (local mode, tests): without the members only AWS knows. */
    public Session(
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
        this(
                applicationId,
                sessionId,
                arn,
                name,
                state,
                stateDetails,
                releaseLabel,
                createdAt,
                startedAt,
                endedAt,
                idleTimeoutMinutes,
                tags,
                billedResourceUtilization,
                totalExecutionDurationSeconds,
                null,
                null,
                null,
                null);
    }

    /** The API's {@code SessionConfigurationOverrides}: the runtime configuration a session was started with. */
    public record ConfigurationOverrides(List<Configuration> runtimeConfiguration) {}

    /** Its runtime configuration: empty when it has none or the answer did not say (ListSessions). */
    public List<Configuration> runtimeConfiguration() {
        return configurationOverrides == null || configurationOverrides.runtimeConfiguration() == null
                ? List.of()
                : configurationOverrides.runtimeConfiguration();
    }

    /** The API's {@code ResourceUtilization}: vCPU-hours, GB-hours of memory and of storage. */
    public record ResourceUtilization(Double vCPUHour, Double memoryGBHour, Double storageGBHour) {}
}
