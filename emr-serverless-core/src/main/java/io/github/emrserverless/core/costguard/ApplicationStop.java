package io.github.emrserverless.core.costguard;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.support.Reporter;

/**
 * Stops an application that start-session started, once no session of it is live: with pre-initialised capacity
 * and auto-stop off, a started application bills until someone stops it.
 */
public final class ApplicationStop {

    /** StopApplication, which the SDK's emrserverless client has. */
    @FunctionalInterface
    public interface ApplicationStopper {
        void stopApplication(String applicationId);
    }

    private final SessionApi api;
    private final ApplicationStopper stopper;
    private final Reporter reporter;

    public ApplicationStop(SessionApi api, ApplicationStopper stopper, Reporter reporter) {
        this.api = api;
        this.stopper = stopper;
        this.reporter = reporter;
    }

    /** @param startedByThisBuild start-session of this build started the application */
    public void stopIfUnused(String applicationId, boolean startedByThisBuild) {
        if (!startedByThisBuild) {
            reporter.info("Application " + applicationId + " was not started by this build's start-session; it is"
                    + " left as it is (<stopApplication> stops only what the plugin started).");
            return;
        }
        try {
            int live = new SessionInventory(api)
                    .list(applicationId, SessionInventory.LIVE_STATES)
                    .size();
            if (live > 0) {
                reporter.info("Application " + applicationId + " still has " + live + " live session(s); it is"
                        + " left running. Its auto-stop setting (autoStopConfiguration) stops it once idle.");
                return;
            }
            stopper.stopApplication(applicationId);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("StopApplication", "application " + applicationId, e), e);
        }
        reporter.info("Stopped application " + applicationId + ", which this build's start-session had started.");
    }
}
