package io.github.emrserverless.core.inventory;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dashboard goal's work: a freshly minted Spark UI link for one session, printed for the person who asked.
 * The link grants access for an hour, so it goes nowhere else: no property or CI output. In CI, where a build log
 * is read by many and kept for months, it is not printed either: it goes to an owner-only file whose path is.
 */
public final class SessionDashboard {

    /** Set by GitHub Actions, GitLab CI and most others ({@code CI}), and by Jenkins ({@code JENKINS_URL}). */
    static final List<String> CI_VARIABLES = List.of("CI", "JENKINS_URL", "GITHUB_ACTIONS", "GITLAB_CI");

    private final SessionApi api;
    private final Reporter reporter;
    private final Map<String, String> environment;
    private final Path linkFile;

    /** @param linkFile where the link goes in CI (owner-only) */
    public SessionDashboard(SessionApi api, Reporter reporter, Map<String, String> environment, Path linkFile) {
        this.api = api;
        this.reporter = reporter;
        this.environment = environment;
        this.linkFile = linkFile;
    }

    private boolean inCi() {
        return CI_VARIABLES.stream()
                .map(environment::get)
                .anyMatch(value -> value != null && !value.isBlank() && !value.equalsIgnoreCase("false"));
    }

    public void print(String applicationId, String sessionId) {
        String url;
        try {
            url = api.getSessionDashboard(applicationId, sessionId);
        } catch (NotFoundException e) {
            throw new SessionException(
                    "Session " + sessionId + " was not found on application " + applicationId
                            + ". Check <sessionId> and <applicationId>.",
                    e);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("GetResourceDashboard", "session " + sessionId, e), e);
        }
        if (url == null || url.isBlank()) {
            reporter.warn("EMR Serverless has no dashboard for session " + sessionId + " yet; try again shortly.");
            return;
        }
        String what = "Spark UI of session " + sessionId + " (live while the session runs, the Spark History"
                + " Server after it ended). The link is valid for one hour and grants access to whoever has it:"
                + " open it, do not share it. Run this goal again for a new one.";
        if (inCi()) {
            OwnerOnlyFile.write(linkFile, url + System.lineSeparator());
            reporter.info(what + " In CI it is not printed to the build log: it is in " + linkFile
                    + " (readable by its owner only).");
            return;
        }
        reporter.info(what);
        reporter.info(url);
    }
}
