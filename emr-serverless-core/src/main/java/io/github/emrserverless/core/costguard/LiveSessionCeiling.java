package io.github.emrserverless.core.costguard;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.inventory.SessionInventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ceiling on the live sessions one project keeps on an application, checked before StartSession: a build
 * loop that leaks a session per run stops at the ceiling instead of running up the bill.
 */
public final class LiveSessionCeiling {

    private final int max;
    private final String mavenProject;

    /**
     * @param max at most this many live sessions of the project; 0 for no ceiling
     * @param mavenProject the project's {@code maven-project} tag value
     */
    public LiveSessionCeiling(int max, String mavenProject) {
        this.max = max;
        this.mavenProject = mavenProject;
    }

    public boolean isOn() {
        return max > 0;
    }

    /**
     * @param live the application's live sessions, with their tags
     * @throws SessionException when the project has {@code max} or more of them, listing each
     */
    public void check(String applicationId, List<Session> live, Instant now) {
        if (!isOn()) {
            return;
        }
        List<Session> mine = live.stream()
                .filter(session -> SessionInventory.hasTags(
                        session,
                        java.util.Map.of(
                                DefaultTags.CREATED_BY,
                                DefaultTags.CREATED_BY_VALUE,
                                DefaultTags.MAVEN_PROJECT,
                                mavenProject)))
                .toList();
        if (mine.size() < max) {
            return;
        }
        String list = mine.stream().map(session -> describe(session, now)).collect(Collectors.joining("\n  "));
        throw new SessionException("Project " + mavenProject + " already has " + mine.size() + " live sessions on"
                + " application " + applicationId + ", at or above <maxLiveSessions> (" + max + "); no session was"
                + " started:\n  " + list + "\nEnd those no longer needed (expired ones: mvn"
                + " emr-serverless:terminate-session -Demr-serverless.applicationId=" + applicationId
                + " -Demr-serverless.expired=true), or raise <maxLiveSessions> (0 turns the ceiling off).");
    }

    private static String describe(Session session, Instant now) {
        String ciRun = session.tags().get(DefaultTags.CI_RUN);
        String expiresAt = session.tags().get(Expiry.TAG);
        return session.sessionId() + "  " + session.state() + "  age "
                + (session.createdAt() == null ? "?" : Durations.format(Duration.between(session.createdAt(), now)))
                + "  ci-run " + (ciRun == null ? "-" : ciRun)
                + "  expires-at " + (expiresAt == null ? "-" : expiresAt)
                + (Expiry.isExpired(session, now) ? " (EXPIRED)" : "");
    }
}
