package io.github.emrserverless.core.costguard;

import io.github.emrserverless.core.api.CiJob;
import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.support.Reporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At the end of a CI job leg, the live sessions it started (tagged with its {@code ci-job}; not those of sibling
 * legs of the same run, which may still be testing): a leak shows up in the job that caused it, not on next
 * month's bill.
 */
public final class LeftoverCheck {

    private final SessionApi api;
    private final Reporter reporter;
    private final Clock clock;

    public LeftoverCheck(SessionApi api, Reporter reporter, Clock clock) {
        this.api = api;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * @param ciJob this leg's {@code ci-job} tag value
     * @param excused sessions that end later in this build on purpose (shared with the reactor)
     * @param fail fail when there are leftovers, else warn
     */
    public void check(String applicationId, String ciJob, Set<String> excused, boolean fail) {
        if (ciJob == null) {
            reporter.warn(CiJob.notInCi("checkLeftovers") + " nothing checked.");
            return;
        }
        List<Session> leftovers;
        try {
            leftovers = new SessionInventory(api)
                    .live(applicationId).stream()
                            .filter(session -> SessionInventory.hasTags(session, Map.of(CiJob.TAG, ciJob)))
                            .filter(session -> !excused.contains(session.sessionId()))
                            .toList();
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
        if (leftovers.isEmpty()) {
            reporter.info("No live session of CI job " + ciJob + " is left on application " + applicationId + ".");
            return;
        }
        String list = leftovers.stream()
                .map(session -> session.sessionId() + " (" + session.state() + ", started "
                        + (session.createdAt() == null
                                ? "?"
                                : Durations.format(Duration.between(session.createdAt(), clock.instant())))
                        + " ago, " + session.tags().getOrDefault(DefaultTags.MAVEN_PROJECT, "no maven-project tag")
                        + ")")
                .collect(Collectors.joining(", "));
        String message = leftovers.size() + " live session(s) of CI job " + ciJob + " left on application "
                + applicationId + ": " + list + ". They cost money until they end: terminate them (terminate-session"
                + " with -Demr-serverless.cleanUpCiJob=true in this job) and look for the build that left them.";
        if (fail) {
            throw new SessionException(message);
        }
        reporter.warn(message);
    }
}
