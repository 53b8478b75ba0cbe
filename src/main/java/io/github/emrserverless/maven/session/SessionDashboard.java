package io.github.emrserverless.maven.session;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;

/**
 * The dashboard goal's work: a freshly minted Spark UI link for one session, printed for the person who asked.
 * The link grants access for an hour, so it goes nowhere else: no property, file or CI output.
 */
public final class SessionDashboard {

    private final SessionApi api;
    private final Reporter reporter;

    public SessionDashboard(SessionApi api, Reporter reporter) {
        this.api = api;
        this.reporter = reporter;
    }

    public void print(String applicationId, String sessionId) {
        String url;
        try {
            url = api.getSessionDashboard(applicationId, sessionId);
        } catch (ResourceNotFoundException e) {
            throw new SessionException(
                    "Session " + sessionId + " was not found on application " + applicationId
                            + ". Check <sessionId> and <applicationId>.",
                    e);
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("GetResourceDashboard", "session " + sessionId, e), e);
        }
        if (url == null || url.isBlank()) {
            reporter.warn("EMR Serverless has no dashboard for session " + sessionId + " yet; try again shortly.");
            return;
        }
        reporter.info("Spark UI of session " + sessionId + " (live while the session runs, the Spark History"
                + " Server after it ended). The link is valid for one hour and grants access to whoever has it:"
                + " open it, do not share it. Run this goal again for a new one.");
        reporter.info(url);
    }
}
