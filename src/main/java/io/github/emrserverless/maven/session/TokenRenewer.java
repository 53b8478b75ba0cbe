package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a ready session's Spark Connect auth token fresh while the build runs: the token lives about an hour,
 * and a longer test run would fail just after. At {@link #RENEW_AT} of each token's lifetime it calls
 * GetSessionEndpoint again and replaces the token file (owner-only, atomically, as at the start) and the expiry in
 * session.json, so a test that reads the file at any time gets an unexpired token. A failed renewal is retried
 * with backoff and warned about; it never fails the build. Stopped by terminate-session or at the end of the build.
 */
public final class TokenRenewer implements AutoCloseable {

    /** Renew when this share of the token's lifetime has passed: well before it expires. */
    static final double RENEW_AT = 0.8;
    /** The first retry after a failure; each next one waits twice as long, up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    static final Duration MAX_RETRY = Duration.ofMinutes(1);

    /** Where the token goes. */
    public record Target(
            String applicationId, String sessionId, java.nio.file.Path tokenFile, java.nio.file.Path sessionFile) {}

    private final SessionApi api;
    private final Target target;
    private final Reporter reporter;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Runnable onClose;
    private Duration retry = FIRST_RETRY;

    /** @param onClose releases what the renewer held (its clients) once it stops */
    public TokenRenewer(SessionApi api, Target target, Reporter reporter, Clock clock, Runnable onClose) {
        this.api = api;
        this.target = target;
        this.reporter = reporter;
        this.clock = clock;
        this.onClose = onClose;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "emr-serverless-token-renewer-" + target.sessionId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Plans the renewal of the token just written. */
    public void start(Instant expiresAt) {
        scheduleFor(expiresAt);
    }

    private void scheduleFor(Instant expiresAt) {
        Duration lifetime = Duration.between(clock.instant(), expiresAt);
        long delay = Math.max(1000, (long) (lifetime.toMillis() * RENEW_AT));
        schedule(Duration.ofMillis(delay));
    }

    private void schedule(Duration delay) {
        try {
            scheduler.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // Closed meanwhile: nothing more to renew.
        }
    }

    private void renew() {
        try {
            SessionEndpoint endpoint = api.getSessionEndpoint(target.applicationId(), target.sessionId());
            TokenFile.write(target.tokenFile(), endpoint.authToken());
            SessionFile.updateTokenExpiry(target.sessionFile(), endpoint.authTokenExpiresAt());
            reporter.debug(() -> "Renewed the Spark Connect auth token of session " + target.sessionId()
                    + ", valid until " + endpoint.authTokenExpiresAt());
            retry = FIRST_RETRY;
            scheduleFor(endpoint.authTokenExpiresAt());
        } catch (RuntimeException e) {
            reporter.warn("Could not renew the Spark Connect auth token of session " + target.sessionId() + " ("
                    + e.getMessage() + "); trying again in " + Durations.format(retry) + ".");
            schedule(retry);
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }
}
