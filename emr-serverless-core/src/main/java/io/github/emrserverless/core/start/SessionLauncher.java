package io.github.emrserverless.core.start;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.handover.SessionHandOver;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.reuse.ReusableSessions;
import io.github.emrserverless.core.support.Reporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts a session and hands it over, or ends it: once StartSession has answered, any failure before the
 * hand-over (timeout, interruption, an error while waiting or exporting) terminates the session, because
 * a session nobody knows about still costs money.
 */
public final class SessionLauncher {

    private final ApplicationPreflight preflight;
    private final SessionApi api;
    private final SessionHandOver handOver;
    private final ReusableSessions reusable;
    private final OrphanSweep sweep;
    private final Reporter reporter;
    private final Clock clock;

    public SessionLauncher(
            ApplicationPreflight preflight,
            SessionApi api,
            SessionHandOver handOver,
            ReusableSessions reusable,
            OrphanSweep sweep,
            Reporter reporter,
            Clock clock) {
        this.preflight = preflight;
        this.api = api;
        this.handOver = handOver;
        this.reusable = reusable;
        this.sweep = sweep;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * {@code waitTimeout} bounds the whole wait, for the application and then the session: a CI job's step
     * needs one limit it can rely on.
     *
     * @param listener told about the session as it becomes usable; if it throws, the session is terminated
     */
    public void launch(StartSessionRequest request, LaunchOptions options, SessionListener listener)
            throws InterruptedException {
        String applicationId = request.applicationId();
        Instant begun = clock.instant();
        boolean wantsLive = options.reuse() != null || options.ceiling().isOn();
        // The live-session look-up does not depend on the application check: it runs beside it, and its answer
        // (or failure) is taken only after the check, whose messages come first.
        LiveLookUp lookUp = wantsLive ? new LiveLookUp(applicationId) : null;
        try {
            if (preflight.ensureReady(applicationId, options.startApplication(), options.waitTimeout())) {
                listener.onApplicationStarted(applicationId);
            }
        } catch (RuntimeException | InterruptedException e) {
            if (lookUp != null) {
                // Its retries would go on after the goal failed: the failure has been said.
                lookUp.cancel();
            }
            throw e;
        }
        Duration left = options.waitTimeout().minus(Duration.between(begun, clock.instant()));
        if (options.waitForReady() && (left.isNegative() || left.isZero())) {
            // Not asked for at all: a session nobody waits for would only be terminated again.
            throw new SessionException("Application " + applicationId + " took all of <waitTimeout> ("
                    + Durations.format(options.waitTimeout()) + ") to become ready; no session was started."
                    + " Raise <waitTimeout>, or start the application ahead of the build.");
        }
        List<Session> live = null;
        if (wantsLive) {
            // A look-up from before a long wait for the application is stale: sessions may have started since.
            live = Duration.between(begun, clock.instant()).compareTo(STALE_LOOK_UP) > 0
                    ? liveSessions(applicationId)
                    : lookUp.join();
        }
        if (options.reuse() != null) {
            Session found = reusable.find(live, options.reuse()).orElse(null);
            if (found != null) {
                reusable.report(found);
                StartedSession reused = new StartedSession(found.applicationId(), found.sessionId(), found.arn());
                listener.onReused(reused);
                handOver.handOver(
                        reused,
                        found,
                        new SessionHandOver.Plan(
                                options.waitForReady(),
                                options.waitTimeout(),
                                left,
                                options.fetchEndpoint(),
                                SessionHandOver.Plan.REUSABLE),
                        listener);
                return;
            }
        }
        // Only now, with the application checked: its clearer messages come first, and a live session means a
        // started application, so the ceiling cannot refuse while the application is stopped.
        options.ceiling().check(applicationId, live == null ? List.of() : live, clock.instant());
        listener.onStarting(request);
        StartedSession started =
                options.reuse() == null ? start(request, listener) : startOrJoin(request, options, live, listener);
        handOver.handOver(
                started,
                new SessionHandOver.Plan(
                        options.waitForReady(),
                        options.waitTimeout(),
                        left,
                        options.fetchEndpoint(),
                        options.reuse() == null ? null : SessionHandOver.Plan.REUSABLE),
                listener);
    }

    /** Beyond this, a look-up made while the application was checked is made again. */
    private static final Duration STALE_LOOK_UP = Duration.ofSeconds(5);

    /** The live-session look-up on a thread of its own, beside the application check. */
    private final class LiveLookUp {
        private final CompletableFuture<List<Session>> result = new CompletableFuture<>();
        private final Thread thread;

        LiveLookUp(String applicationId) {
            thread = new Thread(
                    () -> {
                        try {
                            result.complete(liveSessions(applicationId));
                        } catch (RuntimeException | Error e) {
                            result.completeExceptionally(e);
                        }
                    },
                    "emr-serverless-live-sessions");
            thread.setDaemon(true);
            thread.start();
        }

        List<Session> join() throws InterruptedException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        void cancel() {
            thread.interrupt();
        }
    }

    /** The application's live sessions with their tags, for reuse and the ceiling: looked at once for both. */
    private List<Session> liveSessions(String applicationId) {
        try {
            return new SessionInventory(api).live(applicationId);
        } catch (ServiceException e) {
            throw new SessionException(
                    ServiceErrors.describe("ListSessions", "application " + applicationId, e)
                            + " start-session lists the live sessions for <reuse> and <maxLiveSessions> (0 turns"
                            + " the ceiling off); it needs emr-serverless:ListSessions and GetSession.",
                    e);
        }
    }

    /** StartSession with this build's own token; a session it may have created in spite of an error is ended. */
    private StartedSession start(StartSessionRequest request, SessionListener listener) {
        String applicationId = request.applicationId();
        Instant asked = clock.instant();
        StartedSession started;
        try {
            started = api.startSession(request);
        } catch (ServiceException e) {
            String failure = ServiceErrors.describe("StartSession", "application " + applicationId, e);
            String swept = e.mayHaveTakenEffect() ? " " + sweep.sweep(request, asked) : "";
            listener.onStartFailed(request);
            throw new SessionException(failure + swept, e);
        }
        if (!isComplete(started, applicationId)) {
            // A 2xx that does not name the session: it may exist all the same, so look for it by its tag.
            String swept = sweep.sweep(request, asked);
            listener.onStartFailed(request);
            throw new SessionException("StartSession answered for application " + applicationId
                    + " without a valid sessionId, applicationId and arn (" + started + "). " + swept);
        }
        reporter.info("Started session " + started.sessionId() + " on application " + applicationId);
        return started;
    }

    /**
     * StartSession with the reuse slot's tokens. Nothing is swept after an error: a session it may have created
     * is reusable, and the next build finds it.
     */
    private StartedSession startOrJoin(
            StartSessionRequest request, LaunchOptions options, List<Session> live, SessionListener listener) {
        String applicationId = request.applicationId();
        ReusableSessions.Started result;
        try {
            result = reusable.startOrJoin(request, options.reuse(), live);
        } catch (ServiceException e) {
            throw new SessionException(
                    ServiceErrors.describe("StartSession", "application " + applicationId, e)
                            + " A session it may have started is reusable: the next build finds it.",
                    e);
        }
        StartedSession started = result.session();
        if (!isComplete(started, applicationId)) {
            throw new SessionException("StartSession answered for application " + applicationId
                    + " without a valid sessionId, applicationId and arn (" + started + ").");
        }
        if (result.joined()) {
            listener.onReused(started);
            reporter.info("Reusing session " + started.sessionId() + ", which another build with the same"
                    + " configuration started "
                    + Durations.format(Duration.between(result.createdAt(), clock.instant()))
                    + " ago");
        } else {
            reporter.info("Started reusable session " + started.sessionId() + " on application " + applicationId);
        }
        return started;
    }

    private static boolean isComplete(StartedSession started, String applicationId) {
        return started != null
                && SessionIds.isValid(started.sessionId())
                && applicationId.equals(started.applicationId())
                && started.arn() != null
                && started.arn().startsWith("arn:")
                && started.arn().endsWith("/sessions/" + started.sessionId());
    }
}
