package io.github.emrserverless.core.api;

/** Application states, as GetApplication reports them. */
public enum ApplicationState {
    CREATING,
    CREATED,
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    TERMINATED,
    /** A state this plugin does not know yet; treated as still changing. */
    UNKNOWN;

    /** CREATED, STARTED, STOPPED or TERMINATED: no change under way. */
    public boolean isSettled() {
        return this == CREATED || this == STARTED || this == STOPPED || this == TERMINATED;
    }
}
