package io.github.emrserverless.maven.session;

/** Session states; STARTED, IDLE and BUSY accept work. */
public enum SessionState {
    SUBMITTED,
    STARTING,
    STARTED,
    IDLE,
    BUSY,
    FAILED,
    TERMINATING,
    TERMINATED,
    /** A state this plugin does not know yet; treated as still in progress. */
    UNKNOWN;

    public boolean isReady() {
        return this == STARTED || this == IDLE || this == BUSY;
    }

    /** FAILED, TERMINATING or TERMINATED: the session will never become ready. */
    public boolean isEnding() {
        return this == FAILED || this == TERMINATING || this == TERMINATED;
    }
}
