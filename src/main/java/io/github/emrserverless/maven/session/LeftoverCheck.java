package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * At the end of a CI run, the live sessions tagged with its {@code ci-run}: a leak shows up in the run that caused
 * it, not on next month's bill.
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
     * @param ciRun this run's {@code ci-run} tag value
     * @param excused sessions that end later in this build on purpose (shared with the reactor)
     * @param fail fail when there are leftovers, else warn
     */
    public void check(String applicationId, String ciRun, Set<String> excused, boolean fail) {
        List<Session> leftovers;
        try {
            leftovers = new SessionInventory(api)
                    .live(applicationId).stream()
                            .filter(session -> SessionInventory.hasTags(session, Map.of(DefaultTags.CI_RUN, ciRun)))
                            .filter(session -> !excused.contains(session.sessionId()))
                            .toList();
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
        if (leftovers.isEmpty()) {
            reporter.info("No live session of CI run " + ciRun + " is left on application " + applicationId + ".");
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
        String message = leftovers.size() + " live session(s) of CI run " + ciRun + " left on application "
                + applicationId + ": " + list + ". They cost money until they end: terminate them (terminate-session"
                + " with <matchTags><ci-run>" + ciRun + "</ci-run></matchTags>) and look for the build that left them.";
        if (fail) {
            throw new SessionException(message);
        }
        reporter.warn(message);
    }
}
