package io.github.emrserverless.core.api;

/**
 * The members of a GetApplication {@code Application} that the pre-flight uses; others are ignored. Read
 * through {@link SessionApi} rather than the SDK client: the SDK model (emrserverless 2.41.31) has no
 * {@code interactiveConfiguration.sessionEnabled}, which decides whether StartSession can succeed.
 */
public record Application(
        String applicationId,
        ApplicationState state,
        String stateDetails,
        AutoStartConfiguration autoStartConfiguration,
        InteractiveConfiguration interactiveConfiguration) {

    public record AutoStartConfiguration(Boolean enabled) {}

    public record InteractiveConfiguration(Boolean sessionEnabled) {}

    /** Auto-start is the service's default: only an explicit {@code false} turns it off. */
    public boolean autoStarts() {
        return autoStartConfiguration == null || !Boolean.FALSE.equals(autoStartConfiguration.enabled());
    }

    /** Only an explicit {@code false} counts: where the member is missing, StartSession decides. */
    public boolean sessionsDisabled() {
        return interactiveConfiguration != null && Boolean.FALSE.equals(interactiveConfiguration.sessionEnabled());
    }
}
