package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndedException;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import java.time.Duration;

/**
 * Takes a session whose identity is known to the build: waits until it is ready if asked to, fetches its Spark
 * Connect endpoint and tells the listener. Used by start-session right after StartSession (or after finding a
 * session to reuse) and by await-session. When the hand-over fails (timeout, interruption, an error, a listener
 * that throws), a session of this build's own is terminated, because a session nobody knows about still costs
 * money; a reusable one is left for the next build and its idle timeout.
 */
public final class SessionHandOver {

    /**
     * @param waitTimeout the limit as configured, for messages
     * @param timeLeft what is left of it for the session (the application may have taken some)
     * @param keptBecause null when a failed hand-over terminates the session (this build's own); else why it is
     *     left running, for the failure message
     */
    public record Plan(
            boolean waitForReady, Duration waitTimeout, Duration timeLeft, boolean fetchEndpoint, String keptBecause) {

        /** Why a reusable session is left running when its hand-over fails. */
        public static final String REUSABLE =
                "The session is reusable and was left running for the next build;" + " it ends after its idle timeout.";
        /** Why a session another build started is left running when this build's wait for it fails. */
        public static final String NOT_STARTED_HERE = "This build did not start the session, so it was left"
                + " running; it ends after its idle timeout, or with emr-serverless:terminate-session.";
    }

    private final SessionBackend backend;
    private final Reporter reporter;

    public SessionHandOver(SessionBackend backend, Reporter reporter) {
        this.backend = backend;
        this.reporter = reporter;
    }

    /** A session on EMR Serverless. */
    public SessionHandOver(SessionApi api, ReadinessWaiter waiter, Reporter reporter) {
        this(new AwsBackend(api, waiter), reporter);
    }

    /**
     * @param listener told {@code onStarted}, then {@code onReady} (when waiting), or {@code onEnded} when the
     *     session ended or was terminated instead
     */
    public void handOver(StartedSession started, Plan plan, SessionListener listener) throws InterruptedException {
        handOver(started, null, plan, listener);
    }

    /**
     * @param known the session as just read (a session found to reuse or to await), or null: one already ready
     *     is handed over without a wait
     */
    public void handOver(StartedSession started, Session known, Plan plan, SessionListener listener)
            throws InterruptedException {
        String operation = "GetSession";
        try {
            listener.onStarted(started);
            if (known != null) {
                listener.onPolled(started, known);
            }
            if (!plan.waitForReady()) {
                return;
            }
            Session ready = known != null && known.state().isReady()
                    ? known
                    : backend.awaitReady(started, plan.timeLeft(), session -> listener.onPolled(started, session));
            reporter.info(backend.readyLine(started, ready));
            operation = "GetSessionEndpoint";
            SessionEndpoint endpoint = plan.fetchEndpoint() ? backend.endpoint(started) : null;
            listener.onReady(started, ready, endpoint);
        } catch (SessionEndedException e) {
            listener.onHandOverFailed(started, Outcome.FAILED, e.getMessage());
            listener.onEnded(started);
            throw e;
        } catch (Poller.PollTimeoutException e) {
            Session last = (Session) e.lastAnswer();
            throw failed(
                    started,
                    plan,
                    listener,
                    Outcome.TIMED_OUT,
                    cleanup -> "Session " + started.sessionId() + " was not ready within "
                            + Durations.format(plan.waitTimeout()) + waitedForApplication(plan) + " (last state "
                            + last.state() + ": " + last.stateDetails() + "). " + cleanup
                            + " Raise <waitTimeout> if sessions need longer.",
                    e);
        } catch (InterruptedException e) {
            // Clear the flag so the terminate call's own retries can sleep; restore it afterwards.
            Thread.interrupted();
            SessionException failure = failed(
                    started,
                    plan,
                    listener,
                    Outcome.INTERRUPTED,
                    cleanup -> "Interrupted while waiting for session " + started.sessionId() + ". " + cleanup,
                    e);
            Thread.currentThread().interrupt();
            throw failure;
        } catch (ServiceException e) {
            String failedOperation = operation;
            throw failed(
                    started,
                    plan,
                    listener,
                    Outcome.ERROR,
                    cleanup -> ServiceErrors.describe(failedOperation, "session " + started.sessionId(), e) + " "
                            + cleanup,
                    e);
        } catch (RuntimeException | Error e) {
            throw failed(
                    started,
                    plan,
                    listener,
                    Outcome.ERROR,
                    cleanup -> "Could not hand over session " + started.sessionId() + ": " + e + ". " + cleanup,
                    e);
        }
    }

    /** Cleans up, tells the listener (the report first, then the end), and builds the goal's failure. */
    private SessionException failed(
            StartedSession started,
            Plan plan,
            SessionListener listener,
            Outcome outcome,
            java.util.function.Function<String, String> message,
            Throwable cause) {
        String cleanup = cleanUp(started, plan);
        SessionException failure = new SessionException(message.apply(cleanup), cause);
        listener.onHandOverFailed(started, outcome, failure.getMessage());
        if (cleanup.equals(TERMINATED)) {
            listener.onEnded(started);
        }
        return failure;
    }

    private static String waitedForApplication(Plan plan) {
        Duration application = plan.waitTimeout().minus(plan.timeLeft());
        return application.compareTo(Duration.ofSeconds(1)) < 0
                ? ""
                : ", of which the application took " + Durations.format(application);
    }

    private static final String TERMINATED = "The session was terminated.";

    /** Ends a session of this build's own that could not be handed over, and says how, for the failure message. */
    private String cleanUp(StartedSession started, Plan plan) {
        if (plan.keptBecause() != null) {
            return plan.keptBecause();
        }
        try {
            backend.end(started);
            reporter.warn("Terminated session " + started.sessionId() + " because it could not be handed over.");
            return TERMINATED;
        } catch (ServiceException | SessionException e) {
            return "Terminating it failed too (" + e.getMessage() + "); end it yourself: "
                    + SessionIds.terminateCommand(started.applicationId(), started.sessionId());
        }
    }
}
