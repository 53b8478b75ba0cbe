package io.github.emrserverless.core.start;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finds and ends a session that StartSession created although its answer never arrived, by the
 * {@code start-token} tag the request carried.
 */
public final class OrphanSweep {

    /**
     * Pauses before each look: a session just created may take a moment to show in ListSessions, so "none
     * found" is said only after about ten seconds of looking.
     */
    static final List<Duration> LOOKS =
            List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5));

    private final SessionApi api;
    private final Reporter reporter;
    private final Sleeper sleeper;

    public OrphanSweep(SessionApi api, Reporter reporter, Sleeper sleeper) {
        this.api = api;
        this.reporter = reporter;
        this.sleeper = sleeper;
    }

    /**
     * Looks for live sessions created since shortly before {@code asked} that carry the request's start token,
     * terminates them, and says what it found, for the failure message.
     */
    public String sweep(StartSessionRequest request, Instant asked) {
        String token = request.tags().get(DefaultTags.START_TOKEN);
        String applicationId = request.applicationId();
        if (token == null) {
            return "A session may have been created although its answer was lost; check the application's sessions"
                    + " (defaultTags is off, so the plugin cannot find it by its tags).";
        }
        try {
            List<Session> orphans = List.of();
            for (Duration pause : LOOKS) {
                sleeper.sleep(pause);
                orphans = find(applicationId, token, asked);
                if (!orphans.isEmpty()) {
                    break;
                }
            }
            if (orphans.isEmpty()) {
                return "No session was created (none carries tag " + DefaultTags.START_TOKEN + "=" + token + ").";
            }
            StringBuilder outcome = new StringBuilder();
            for (Session orphan : orphans) {
                api.terminateSession(applicationId, orphan.sessionId());
                reporter.warn("Terminated session " + orphan.sessionId()
                        + ": StartSession created it, but its answer was lost.");
                outcome.append("Session ")
                        .append(orphan.sessionId())
                        .append(" was created although the answer was lost; found by its tags and terminated. ");
            }
            return outcome.toString().trim();
        } catch (ServiceException failure) {
            return lookYourself("looking for it failed too (" + failure.getMessage() + ")", token, applicationId);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return lookYourself("the build was interrupted while looking for it", token, applicationId);
        }
    }

    private List<Session> find(String applicationId, String token, Instant asked) {
        SessionInventory inventory = new SessionInventory(api);
        List<Session> recent = inventory.list(applicationId, List.of()).stream()
                .filter(s -> SessionInventory.LIVE_STATES.contains(s.state()))
                .filter(s -> s.createdAt() == null || !s.createdAt().isBefore(asked.minusSeconds(300)))
                .toList();
        return inventory.withTags(applicationId, recent, Map.of(DefaultTags.START_TOKEN, token));
    }

    private static String lookYourself(String what, String token, String applicationId) {
        return "A session may have been created although its answer was lost, and " + what + ": look for tag "
                + DefaultTags.START_TOKEN + "=" + token + " on application " + applicationId + " and terminate it.";
    }
}
