package io.github.emrserverless.core.start;

import io.github.emrserverless.core.api.Application;
import io.github.emrserverless.core.api.ApplicationState;
import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Makes sure the application can take a session before one is asked for: sessions enabled, and STARTED, or
 * auto-startable, or started here when {@code startApplication} allows it. Transitional states are waited out.
 */
public final class ApplicationPreflight {

    /** StartApplication, which the SDK's emrserverless client has. */
    @FunctionalInterface
    public interface ApplicationStarter {
        void startApplication(String applicationId);
    }

    private final SessionApi api;
    private final ApplicationStarter starter;
    private final Poller poller;
    private final Reporter reporter;

    public ApplicationPreflight(SessionApi api, ApplicationStarter starter, Poller poller, Reporter reporter) {
        this.api = api;
        this.starter = starter;
        this.poller = poller;
        this.reporter = reporter;
    }

    /** @return whether it started the application (StartApplication), for whoever may stop it again */
    public boolean ensureReady(String applicationId, boolean startApplication, Duration timeout)
            throws InterruptedException {
        Application application;
        try {
            application = api.getApplication(applicationId);
        } catch (NotFoundException e) {
            throw new SessionException(
                    "Application " + applicationId + " was not found. Check <applicationId>"
                            + " and that <region> is the application's region.",
                    e);
        } catch (ServiceException e) {
            if (e.isAccessDenied()) {
                reporter.warn("Cannot check application " + applicationId + " (GetApplication was denied);"
                        + " going on, StartSession will tell. Grant emr-serverless:GetApplication for clearer errors.");
                return false;
            }
            throw new SessionException(ServiceErrors.describe("GetApplication", "application " + applicationId, e), e);
        }
        if (application.sessionsDisabled()) {
            throw new SessionException("Application " + applicationId + " does not allow interactive sessions"
                    + " (interactiveConfiguration.sessionEnabled is false). Enable them: aws emr-serverless"
                    + " update-application --application-id " + applicationId
                    + " --interactive-configuration sessionEnabled=true");
        }
        if (!application.state().isSettled()) {
            application = await(applicationId, application, ApplicationState::isSettled, timeout);
        }
        return switch (application.state()) {
            case STARTED -> {
                reporter.debug(() -> "Application " + applicationId + " is STARTED");
                yield false;
            }
            case CREATED, STOPPED -> startIfNeeded(applicationId, application, startApplication, timeout);
            default ->
                throw new SessionException("Application " + applicationId + " is " + application.state()
                        + detail(application) + " and cannot run sessions.");
        };
    }

    private boolean startIfNeeded(String id, Application application, boolean startApplication, Duration timeout)
            throws InterruptedException {
        if (application.autoStarts()) {
            reporter.info(
                    "Application " + id + " is " + application.state() + "; it starts automatically with the session.");
            return false;
        }
        if (!startApplication) {
            throw new SessionException("Application " + id + " is " + application.state()
                    + " and has auto-start disabled. Start it (aws emr-serverless start-application --application-id "
                    + id + "), enable auto-start, or set <startApplication>true</startApplication>.");
        }
        reporter.info("Starting application " + id + " (" + application.state() + ", auto-start disabled)");
        try {
            starter.startApplication(id);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("StartApplication", "application " + id, e), e);
        }
        // A start that fails leaves the application STOPPED again, so only these two end the wait.
        Application started = await(
                id,
                application,
                state -> state == ApplicationState.STARTED || state == ApplicationState.TERMINATED,
                timeout);
        if (started.state() != ApplicationState.STARTED) {
            throw new SessionException(
                    "Application " + id + " did not start: it is " + started.state() + detail(started) + ".");
        }
        reporter.info("Application " + id + " is STARTED. Nothing stops it again but its auto-stop setting, or"
                + " terminate-session with <stopApplication>true</stopApplication>.");
        return true;
    }

    private Application await(String id, Application current, Predicate<ApplicationState> accepted, Duration timeout)
            throws InterruptedException {
        reporter.info("Waiting for application " + id + " (" + current.state() + ")");
        try {
            return poller.await(
                    timeout,
                    elapsed -> {
                        Application application = api.getApplication(id);
                        reporter.debug(() -> "Application " + id + " is " + application.state() + " after "
                                + Durations.format(elapsed));
                        return application;
                    },
                    application -> accepted.test(application.state()));
        } catch (Poller.PollTimeoutException e) {
            throw new SessionException("Application " + id + " did not settle within " + Durations.format(timeout)
                    + "; it is " + ((Application) e.lastAnswer()).state()
                    + ". Raise <waitTimeout> or check the application.");
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("GetApplication", "application " + id, e), e);
        }
    }

    private static String detail(Application application) {
        return application.stateDetails() == null ? "" : " (" + application.stateDetails() + ")";
    }
}
