package io.github.emrserverless.maven.session;

import java.time.Duration;

/**
 * How far start-session goes: start the application if it must, wait for readiness or not, and fetch the
 * Spark Connect endpoint once ready.
 */
public record LaunchOptions(
        boolean startApplication, boolean waitForReady, Duration waitTimeout, boolean fetchEndpoint) {}
