package io.github.emrserverless.maven.session;

import java.time.Duration;

/** How far start-session goes: start the application if it must, and wait for readiness or not. */
public record LaunchOptions(boolean startApplication, boolean waitForReady, Duration waitTimeout) {}
