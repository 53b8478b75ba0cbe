package io.github.emrserverless.core.emulator;

import java.time.Duration;

/**
 * One emulated application and how its sessions behave.
 *
 * @param transitionDelay how long CREATING, STARTING and STOPPING last
 * @param sessionReadyAfter how long a session takes from SUBMITTED to STARTED (or FAILED)
 * @param tokenLifetime how long a Spark Connect auth token from GetSessionEndpoint lasts (an hour on AWS)
 */
public record ApplicationSpec(
        String applicationId,
        String state,
        boolean autoStart,
        boolean sessionEnabled,
        String releaseLabel,
        Duration transitionDelay,
        Duration sessionReadyAfter,
        SessionOutcome sessionOutcome,
        Duration tokenLifetime) {

    /** What sessions of this application do after starting. */
    public enum SessionOutcome {
        READY,
        FAIL,
        NEVER_READY
    }

    public static ApplicationSpec started(String id) {
        return new ApplicationSpec(
                id,
                "STARTED",
                true,
                true,
                "emr-7.13.0",
                Duration.ofMillis(300),
                Duration.ofMillis(600),
                SessionOutcome.READY,
                Duration.ofHours(1));
    }

    public ApplicationSpec withState(String newState) {
        return new ApplicationSpec(
                applicationId,
                newState,
                autoStart,
                sessionEnabled,
                releaseLabel,
                transitionDelay,
                sessionReadyAfter,
                sessionOutcome,
                tokenLifetime);
    }

    public ApplicationSpec withAutoStart(boolean enabled) {
        return new ApplicationSpec(
                applicationId,
                state,
                enabled,
                sessionEnabled,
                releaseLabel,
                transitionDelay,
                sessionReadyAfter,
                sessionOutcome,
                tokenLifetime);
    }

    public ApplicationSpec withSessionEnabled(boolean enabled) {
        return new ApplicationSpec(
                applicationId,
                state,
                autoStart,
                enabled,
                releaseLabel,
                transitionDelay,
                sessionReadyAfter,
                sessionOutcome,
                tokenLifetime);
    }

    public ApplicationSpec withReleaseLabel(String label) {
        return new ApplicationSpec(
                applicationId,
                state,
                autoStart,
                sessionEnabled,
                label,
                transitionDelay,
                sessionReadyAfter,
                sessionOutcome,
                tokenLifetime);
    }

    public ApplicationSpec withTransitionDelay(Duration delay) {
        return new ApplicationSpec(
                applicationId,
                state,
                autoStart,
                sessionEnabled,
                releaseLabel,
                delay,
                sessionReadyAfter,
                sessionOutcome,
                tokenLifetime);
    }

    public ApplicationSpec withSessions(Duration readyAfter, SessionOutcome outcome) {
        return new ApplicationSpec(
                applicationId,
                state,
                autoStart,
                sessionEnabled,
                releaseLabel,
                transitionDelay,
                readyAfter,
                outcome,
                tokenLifetime);
    }

    public ApplicationSpec withTokenLifetime(Duration lifetime) {
        return new ApplicationSpec(
                applicationId,
                state,
                autoStart,
                sessionEnabled,
                releaseLabel,
                transitionDelay,
                sessionReadyAfter,
                sessionOutcome,
                lifetime);
    }
}
