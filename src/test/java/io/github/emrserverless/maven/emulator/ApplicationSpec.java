package io.github.emrserverless.maven.emulator;

import java.time.Duration;

/**
 * One emulated application and how its sessions behave.
 *
 * @param transitionDelay how long CREATING, STARTING and STOPPING last
 * @param sessionReadyAfter how long a session takes from SUBMITTED to STARTED (or FAILED)
 */
public record ApplicationSpec(
        String applicationId,
        String state,
        boolean autoStart,
        boolean sessionEnabled,
        String releaseLabel,
        Duration transitionDelay,
        Duration sessionReadyAfter,
        SessionOutcome sessionOutcome) {

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
                SessionOutcome.READY);
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
                sessionOutcome);
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
                sessionOutcome);
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
                sessionOutcome);
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
                sessionOutcome);
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
                sessionOutcome);
    }

    public ApplicationSpec withSessions(Duration readyAfter, SessionOutcome outcome) {
        return new ApplicationSpec(
                applicationId, state, autoStart, sessionEnabled, releaseLabel, transitionDelay, readyAfter, outcome);
    }
}
