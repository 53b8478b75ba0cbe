package io.github.emrserverless.core.start;

import io.github.emrserverless.core.costguard.LiveSessionCeiling;
import io.github.emrserverless.core.reuse.ReusePlan;
import java.time.Duration;

/**
 * How far start-session goes: start the application if it must, wait for readiness or not, and fetch the
 * Spark Connect endpoint once ready.
 *
 * @param reuse how a reusable session is found or started, or null to start one of this build's own
 * @param ceiling the limit on the project's live sessions, checked before StartSession
 */
public record LaunchOptions(
        boolean startApplication,
        boolean waitForReady,
        Duration waitTimeout,
        boolean fetchEndpoint,
        ReusePlan reuse,
        LiveSessionCeiling ceiling) {

    /** No reuse, no ceiling. */
    public LaunchOptions(boolean startApplication, boolean waitForReady, Duration waitTimeout, boolean fetchEndpoint) {
        this(startApplication, waitForReady, waitTimeout, fetchEndpoint, null, new LiveSessionCeiling(0, null));
    }
}
