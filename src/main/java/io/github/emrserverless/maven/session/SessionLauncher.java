package io.github.emrserverless.maven.session;

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
    private final Reporter reporter;

    public SessionLauncher(ApplicationPreflight preflight, SessionApi api, ReadinessWaiter waiter, Reporter reporter) {
        this.preflight = preflight;
        this.api = api;
        this.waiter = waiter;
        this.reporter = reporter;
    }

    /** @param handover receives the session as it becomes usable; if it throws, the session is terminated */
    public LaunchResult launch(StartSessionRequest request, LaunchOptions options, SessionHandover handover)
            throws InterruptedException {
        String applicationId = request.applicationId();
        preflight.ensureReady(applicationId, options.startApplication(), options.waitTimeout());
        StartedSession started;
        try {
            started = api.startSession(request);
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("StartSession", "application " + applicationId, e), e);
        }
        reporter.info("Started session " + started.sessionId() + " on application " + applicationId);
        String operation = "GetSession";
        try {
            handover.started(started);
            if (!options.waitForReady()) {
                return new LaunchResult(started, null);
            }
            Session ready = waiter.awaitReady(started, options.waitTimeout());
            reporter.info("Session " + started.sessionId() + " is ready (" + ready.state() + ")");
            operation = "GetSessionEndpoint";
            SessionEndpoint endpoint = options.fetchEndpoint()
                    ? api.getSessionEndpoint(started.applicationId(), started.sessionId())
                    : null;
            handover.ready(started, ready, endpoint);
            return new LaunchResult(started, ready);
        } catch (SessionEndedException e) {
            throw e;
        } catch (Poller.PollTimeoutException e) {
            Session last = (Session) e.lastAnswer();
            Cleanup cleanup = terminate(started);
            throw new SessionException("Session " + started.sessionId() + " was not ready within "
                    + Durations.format(options.waitTimeout()) + " (last state " + last.state() + ": "
                    + last.stateDetails() + "). " + cleanup.message() + " Raise <waitTimeout> if sessions need longer.",
                    e, cleanup.ended());
        } catch (InterruptedException e) {
            // Clear the flag so the terminate call's own retries can sleep; restore it afterwards.
            Thread.interrupted();
            Cleanup cleanup = terminate(started);
            Thread.currentThread().interrupt();
            throw new SessionException("Interrupted while waiting for session " + started.sessionId() + ". "
                    + cleanup.message(), e, cleanup.ended());
        } catch (SdkException e) {
            Cleanup cleanup = terminate(started);
            throw new SessionException(ServiceErrors.describe(operation, "session " + started.sessionId(), e)
                    + " " + cleanup.message(), e, cleanup.ended());
        } catch (RuntimeException | Error e) {
            Cleanup cleanup = terminate(started);
            throw new SessionException("Could not hand over session " + started.sessionId() + ": " + e + ". "
                    + cleanup.message(), e, cleanup.ended());
        }
    }

    private record Cleanup(boolean ended, String message) {}

    /** Ends a session that could not be handed over, and says how that went. */
    private Cleanup terminate(StartedSession started) {
        try {
            api.terminateSession(started.applicationId(), started.sessionId());
            reporter.warn("Terminated session " + started.sessionId() + " because it could not be handed over.");
            return new Cleanup(true, "The session was terminated.");
        } catch (SdkException e) {
            return new Cleanup(false, "Terminating it failed too (" + e.getMessage() + "); end it yourself: aws"
                    + " emr-serverless terminate-session --application-id " + started.applicationId() + " --session-id "
                    + started.sessionId());
        }
    }
}
