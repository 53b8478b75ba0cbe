package io.github.emrserverless.maven.session;

import java.util.function.Consumer;
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

    /**
     * @param onStarted called as soon as the session exists (to export its identity); if it throws, the
     *     session is terminated
     */
    public LaunchResult launch(StartSessionRequest request, LaunchOptions options, Consumer<StartedSession> onStarted)
            throws InterruptedException {
        String applicationId = request.applicationId();
        preflight.ensureReady(applicationId, options.startApplication(), options.waitTimeout());
        StartedSession started;
        try {
            started = api.startSession(request);
        } catch (SdkException e) {
            throw new SessionLaunchException(ServiceErrors.describe("StartSession", "application " + applicationId, e), e);
        }
        reporter.info("Started session " + started.sessionId() + " on application " + applicationId);
        try {
            onStarted.accept(started);
            if (!options.waitForReady()) {
                return new LaunchResult(started, null);
            }
            Session ready = waiter.awaitReady(started, options.waitTimeout());
            reporter.info("Session " + started.sessionId() + " is ready (" + ready.state() + ")");
            return new LaunchResult(started, ready);
        } catch (SessionEndedException e) {
            throw e;
        } catch (Poller.PollTimeoutException e) {
            Session last = (Session) e.lastAnswer();
            throw new SessionLaunchException("Session " + started.sessionId() + " was not ready within "
                    + Durations.format(options.waitTimeout()) + " (last state " + last.state() + ": "
                    + last.stateDetails() + "). " + terminate(started) + " Raise <waitTimeout> if sessions need longer.");
        } catch (InterruptedException e) {
            // Clear the flag so the terminate call's own retries can sleep; restore it afterwards.
            Thread.interrupted();
            String outcome = terminate(started);
            Thread.currentThread().interrupt();
            throw new SessionLaunchException("Interrupted while waiting for session " + started.sessionId() + ". " + outcome, e);
        } catch (SdkException e) {
            throw new SessionLaunchException(ServiceErrors.describe("GetSession", "session " + started.sessionId(), e)
                    + " " + terminate(started), e);
        } catch (RuntimeException | Error e) {
            String outcome = terminate(started);
            throw new SessionLaunchException("Could not hand over session " + started.sessionId() + ": " + e + ". " + outcome, e);
        }
    }

    /** Ends a session that could not be handed over, and says how that went. */
    private String terminate(StartedSession started) {
        try {
            api.terminateSession(started.applicationId(), started.sessionId());
            reporter.warn("Terminated session " + started.sessionId() + " because it could not be handed over.");
            return "The session was terminated.";
        } catch (SdkException e) {
            return "Terminating it failed too (" + e.getMessage() + "); end it yourself: aws emr-serverless"
                    + " terminate-session --application-id " + started.applicationId() + " --session-id " + started.sessionId();
        }
    }
}
