package io.github.emrserverless.maven.session;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;

/**
 * Makes sure the application can take a session before one is asked for: STARTED, or auto-startable, or
 * started here when {@code startApplication} allows it. Transitional states are waited out.
 */
public final class ApplicationPreflight {

    private static final Set<ApplicationState> SETTLED =
            EnumSet.of(ApplicationState.CREATED, ApplicationState.STARTED, ApplicationState.STOPPED, ApplicationState.TERMINATED);

    private final EmrServerlessClient client;
    private final Poller poller;
    private final Reporter reporter;

    public ApplicationPreflight(EmrServerlessClient client, Poller poller, Reporter reporter) {
        this.client = client;
        this.poller = poller;
        this.reporter = reporter;
    }

    public void ensureReady(String applicationId, boolean startApplication, Duration timeout) throws InterruptedException {
        Application application;
        try {
            application = get(applicationId);
        } catch (ResourceNotFoundException e) {
            throw new SessionException("Application " + applicationId + " was not found. Check <applicationId>"
                    + " and that <region> is the application's region.", e);
        } catch (SdkException e) {
            if (ServiceErrors.isAccessDenied(e)) {
                reporter.warn("Cannot check application " + applicationId + " (GetApplication was denied);"
                        + " going on, StartSession will tell. Grant emr-serverless:GetApplication for clearer errors.");
                return;
            }
            throw new SessionException(ServiceErrors.describe("GetApplication", "application " + applicationId, e), e);
        }
        if (!SETTLED.contains(application.state())) {
            application = await(applicationId, application, SETTLED, timeout);
        }
        switch (application.state()) {
            case STARTED -> reporter.debug(() -> "Application " + applicationId + " is STARTED");
            case CREATED, STOPPED -> startIfNeeded(application, startApplication, timeout);
            default -> throw new SessionException("Application " + applicationId + " is "
                    + application.stateAsString() + detail(application) + " and cannot run sessions.");
        }
    }

    private void startIfNeeded(Application application, boolean startApplication, Duration timeout)
            throws InterruptedException {
        String id = application.applicationId();
        boolean autoStart = application.autoStartConfiguration() == null
                || !Boolean.FALSE.equals(application.autoStartConfiguration().enabled());
        if (autoStart) {
            reporter.info("Application " + id + " is " + application.stateAsString()
                    + "; it starts automatically with the session.");
            return;
        }
        if (!startApplication) {
            throw new SessionException("Application " + id + " is " + application.stateAsString()
                    + " and has auto-start disabled. Start it (aws emr-serverless start-application --application-id "
                    + id + "), enable auto-start, or set <startApplication>true</startApplication>.");
        }
        reporter.info("Starting application " + id + " (" + application.stateAsString() + ", auto-start disabled)");
        try {
            client.startApplication(r -> r.applicationId(id));
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("StartApplication", "application " + id, e), e);
        }
        // A start that fails leaves the application STOPPED again, so only these two end the wait.
        Application started = await(id, application, EnumSet.of(ApplicationState.STARTED, ApplicationState.TERMINATED), timeout);
        if (started.state() != ApplicationState.STARTED) {
            throw new SessionException("Application " + id + " did not start: it is "
                    + started.stateAsString() + detail(started) + ".");
        }
        reporter.info("Application " + id + " is STARTED");
    }

    private Application await(String id, Application current, Set<ApplicationState> accepted, Duration timeout)
            throws InterruptedException {
        reporter.info("Waiting for application " + id + " (" + current.stateAsString() + ")");
        try {
            return poller.await(timeout, elapsed -> {
                Application application = get(id);
                reporter.debug(() -> "Application " + id + " is " + application.stateAsString() + " after "
                        + Durations.format(elapsed));
                return application;
            }, application -> accepted.contains(application.state()));
        } catch (Poller.PollTimeoutException e) {
            throw new SessionException("Application " + id + " did not settle within " + Durations.format(timeout)
                    + "; it is " + ((Application) e.lastAnswer()).stateAsString() + ". Raise <waitTimeout> or check the application.");
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("GetApplication", "application " + id, e), e);
        }
    }

    private Application get(String applicationId) {
        return client.getApplication(r -> r.applicationId(applicationId)).application();
    }

    private static String detail(Application application) {
        return application.stateDetails() == null ? "" : " (" + application.stateDetails() + ")";
    }
}
