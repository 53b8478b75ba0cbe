package io.github.emrserverless.core.handover;

/** How a hand-over, and later the session, ended: one vocabulary for sessions on AWS and local servers alike. */
public enum Outcome {
    /** Handed over, ready. */
    READY,
    /** It ended or failed before it was ready. */
    FAILED,
    /** Not ready within the wait timeout. */
    TIMED_OUT,
    /** The build was interrupted while waiting. */
    INTERRUPTED,
    /** A call failed, or a listener did. */
    ERROR,
    /** The safety net ended it when the build failed, was interrupted or ended. */
    TERMINATED_BY_SAFETY_NET,
    /** terminate-session ended it. */
    TERMINATED
}
