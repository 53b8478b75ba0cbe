package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Starts a session and hands it over, or ends it: once StartSession has answered, any failure before the
 * hand-over (timeout, interruption, an error while waiting or exporting) terminates the session, because
 * a session nobody knows about still costs money.
 */
public final class SessionLauncher {

    private final ApplicationPreflight preflight;
    private final SessionApi api;
    private final ReadinessWaiter waiter;
    private final OrphanSweep sweep;
    private final Reporter reporter;
    private final Clock clock;

    public SessionLauncher(
            ApplicationPreflight preflight,
            SessionApi api,
            ReadinessWaiter waiter,
            OrphanSweep sweep,
            Reporter reporter,
            Clock clock) {
        this.sweep = sweep;
        this.preflight = preflight;
        this.api = api;
        this.waiter = waiter;
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
        preflight.ensureReady(applicationId, options.startApplication(), options.waitTimeout());
        Duration left = options.waitTimeout().minus(Duration.between(begun, clock.instant()));
        if (options.waitForReady() && (left.isNegative() || left.isZero())) {
            // Not asked for at all: a session nobody waits for would only be terminated again.
            throw new SessionException("Application " + applicationId + " took all of <waitTimeout> ("
                    + Durations.format(options.waitTimeout()) + ") to become ready; no session was started."
                    + " Raise <waitTimeout>, or start the application ahead of the build.");
        }
        StartedSession started;
        Instant asked = clock.instant();
        listener.onStarting(request);
        try {
            started = api.startSession(request);
        } catch (SdkException e) {
            String failure = ServiceErrors.describe("StartSession", "application " + applicationId, e);
            String swept = OrphanSweep.mayHaveStarted(e) ? " " + sweep.sweep(request, asked) : "";
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
        String operation = "GetSession";
        try {
            listener.onStarted(started);
            if (!options.waitForReady()) {
                return;
            }
            Session ready = waiter.awaitReady(started, left);
            reporter.info("Session " + started.sessionId() + " is ready (" + ready.state() + ")");
            operation = "GetSessionEndpoint";
            SessionEndpoint endpoint = options.fetchEndpoint()
                    ? api.getSessionEndpoint(started.applicationId(), started.sessionId())
                    : null;
            listener.onReady(started, ready, endpoint);
        } catch (SessionEndedException e) {
            listener.onEnded(started);
            throw e;
        } catch (Poller.PollTimeoutException e) {
            Session last = (Session) e.lastAnswer();
            String cleanup = terminate(started, listener);
            throw new SessionException(
                    "Session " + started.sessionId() + " was not ready within "
                            + Durations.format(options.waitTimeout())
                            + waitedForApplication(options.waitTimeout(), left)
                            + " (last state " + last.state() + ": " + last.stateDetails() + "). " + cleanup
                            + " Raise <waitTimeout> if sessions need longer.",
                    e);
        } catch (InterruptedException e) {
            // Clear the flag so the terminate call's own retries can sleep; restore it afterwards.
            Thread.interrupted();
            String cleanup = terminate(started, listener);
            Thread.currentThread().interrupt();
            throw new SessionException(
                    "Interrupted while waiting for session " + started.sessionId() + ". " + cleanup, e);
        } catch (SdkException e) {
            String cleanup = terminate(started, listener);
            throw new SessionException(
                    ServiceErrors.describe(operation, "session " + started.sessionId(), e) + " " + cleanup, e);
        } catch (RuntimeException | Error e) {
            String cleanup = terminate(started, listener);
            throw new SessionException(
                    "Could not hand over session " + started.sessionId() + ": " + e + ". " + cleanup, e);
        }
    }

    private static String waitedForApplication(Duration timeout, Duration leftForSession) {
        Duration application = timeout.minus(leftForSession);
        return application.compareTo(Duration.ofSeconds(1)) < 0
                ? ""
                : ", of which the application took " + Durations.format(application);
    }

    private static boolean isComplete(StartedSession started, String applicationId) {
        return started != null
                && SessionIds.isValid(started.sessionId())
                && applicationId.equals(started.applicationId())
                && started.arn() != null
                && started.arn().startsWith("arn:")
                && started.arn().endsWith("/sessions/" + started.sessionId());
    }

    /** Ends a session that could not be handed over, and says how that went, for the failure message. */
    private String terminate(StartedSession started, SessionListener listener) {
        try {
            api.terminateSession(started.applicationId(), started.sessionId());
            reporter.warn("Terminated session " + started.sessionId() + " because it could not be handed over.");
            listener.onEnded(started);
            return "The session was terminated.";
        } catch (SdkException e) {
            return ("Terminating it failed too (" + e.getMessage() + "); end it yourself: aws"
                    + " emr-serverless terminate-session --application-id " + started.applicationId()
                    + " --session-id "
                    + started.sessionId());
        }
    }
}
