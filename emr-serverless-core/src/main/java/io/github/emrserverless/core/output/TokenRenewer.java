package io.github.emrserverless.core.output;

import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a ready session's Spark Connect auth token fresh while the build runs: the token lives about an hour,
 * and a longer test run would fail just after. At {@link #RENEW_AT} of each token's lifetime it calls
 * GetSessionEndpoint again and replaces the token file (owner-only, atomically, as at the start) and the expiry in
 * session.json, so a test that reads the file at any time gets an unexpired token. A failed renewal is retried
 * with backoff and warned about; it never fails the build. It stops by itself once the session has ended, and when
 * closed (terminate-session ended the session, or the build is over); after that it writes nothing, so a token
 * file deleted at the end stays deleted.
 */
public final class TokenRenewer implements AutoCloseable {

    /** Renew when this share of the token's lifetime has passed: well before it expires. */
    static final double RENEW_AT = 0.8;
    /** The first retry after a failure; each next one waits twice as long, up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    static final Duration MAX_RETRY = Duration.ofMinutes(1);
    /** When an answer has no expiry: the token lives about an hour, so renew well within it. */
    static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(45);
    /**
     * A token that arrives with less life than this (clocks apart, an answer held up) is not renewed again at once,
     * which would loop, but after the backoff of a failure.
     */
    static final Duration SHORTEST_LIFETIME = Duration.ofSeconds(1);

    /** Where the token goes. */
    public record Target(String applicationId, String sessionId, Path tokenFile, Path sessionFile) {}

    private final SessionApi api;
    private final Target target;
    private final Reporter reporter;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Runnable onClose;
    private Duration retry = FIRST_RETRY;
    /** Guarded by this: once set, nothing more is written. */
    private boolean closed;

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
        schedule(delayFor(expiresAt));
    }

    private void schedule(Duration delay) {
        if (delay == null) {
            return;
        }
        try {
            scheduler.schedule(() -> schedule(renewOnce()), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // Closed meanwhile: nothing more to renew.
        }
    }

    /**
     * One renewal.
     *
     * @return when to renew next, or null when renewal is over (closed, or the session has ended)
     */
    Duration renewOnce() {
        SessionEndpoint endpoint;
        try {
            endpoint = api.getSessionEndpoint(target.applicationId(), target.sessionId());
        } catch (RuntimeException e) {
            if (sessionEnded()) {
                reporter.info("Session " + target.sessionId() + " has ended: its Spark Connect auth token is no"
                        + " longer renewed.");
                return null;
            }
            Duration wait = backOff();
            reporter.warn("Could not renew the Spark Connect auth token of session " + target.sessionId() + " ("
                    + e.getMessage() + "); trying again in " + Durations.format(wait) + ".");
            return wait;
        }
        synchronized (this) {
            if (closed) {
                return null;
            }
            try {
                OwnerOnlyFile.write(target.tokenFile(), endpoint.authToken());
                SessionFile.updateTokenExpiry(target.sessionFile(), endpoint.authTokenExpiresAt());
            } catch (RuntimeException e) {
                Duration wait = backOff();
                reporter.warn("Could not write the renewed Spark Connect auth token of session "
                        + target.sessionId() + " (" + e.getMessage() + "); trying again in "
                        + Durations.format(wait) + ".");
                return wait;
            }
        }
        reporter.debug(() -> "Renewed the Spark Connect auth token of session " + target.sessionId() + ", valid until "
                + endpoint.authTokenExpiresAt());
        return delayFor(endpoint.authTokenExpiresAt());
    }

    /** {@link #RENEW_AT} of the token's lifetime; a backoff when it has (nearly) none; a default without expiry. */
    Duration delayFor(Instant expiresAt) {
        if (expiresAt == null) {
            reporter.debug(() -> "The token of session " + target.sessionId() + " came without an expiry; renewing"
                    + " it in " + Durations.format(WITHOUT_EXPIRY));
            return WITHOUT_EXPIRY;
        }
        Duration lifetime = Duration.between(clock.instant(), expiresAt);
        if (lifetime.compareTo(SHORTEST_LIFETIME) < 0) {
            Duration wait = backOff();
            reporter.warn("The Spark Connect auth token of session " + target.sessionId() + " expires at "
                    + expiresAt + ", "
                    + (lifetime.isNegative() ? "already past" : "in less than " + Durations.format(SHORTEST_LIFETIME))
                    + " (is this machine's clock right?); renewing it again"
                    + " in " + Durations.format(wait) + ".");
            return wait;
        }
        retry = FIRST_RETRY;
        return Duration.ofMillis((long) (lifetime.toMillis() * RENEW_AT));
    }

    private Duration backOff() {
        Duration wait = retry;
        retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        return wait;
    }

    /** After a failed renewal: whether the session has ended (or is gone), so that no renewal is worth trying. */
    private boolean sessionEnded() {
        try {
            return api.getSession(target.applicationId(), target.sessionId())
                    .state()
                    .isEnding();
        } catch (NotFoundException gone) {
            return true;
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /**
     * Stops renewing at once, without waiting for a renewal in flight (its answer is dropped, not written): a
     * shutdown must reach TerminateSession within a CI runner's grace period.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdownNow();
        onClose.run();
    }
}
