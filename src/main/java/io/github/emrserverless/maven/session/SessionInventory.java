package io.github.emrserverless.maven.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/** Lists an application's sessions across all pages, with the details (tags, idle timeout) summaries lack. */
public final class SessionInventory {

    /** The states in which a session still runs, or may still start. */
    public static final List<SessionState> LIVE_STATES = List.of(
            SessionState.SUBMITTED, SessionState.STARTING, SessionState.STARTED, SessionState.IDLE, SessionState.BUSY);

    private final SessionApi api;

    public SessionInventory(SessionApi api) {
        this.api = api;
    }

    /** Every session summary in the given states (all states when empty), following nextToken to the end. */
    public List<Session> list(String applicationId, List<SessionState> states) {
        List<Session> sessions = new ArrayList<>();
        String nextToken = null;
        do {
            SessionPage page = api.listSessions(applicationId, states, nextToken);
            sessions.addAll(page.sessions());
            nextToken = page.nextToken();
        } while (nextToken != null);
        return sessions;
    }

    /**
     * The full sessions whose tags include every entry of {@code tags} (all of them when it is empty).
     * Summaries carry no tags, so each session is read with GetSession.
     */
    public List<Session> withTags(String applicationId, List<Session> summaries, Map<String, String> tags) {
        List<Session> matching = new ArrayList<>();
        for (Session summary : summaries) {
            Session session = api.getSession(applicationId, summary.sessionId());
            if (hasTags(session, tags)) {
                matching.add(session);
            }
        }
        return matching;
    }

    /** list-sessions' work: prints the sessions in {@code states} that carry {@code tags} as a table. */
    public void print(String applicationId, List<SessionState> states, Map<String, String> tags, Reporter reporter) {
        List<Session> sessions;
        try {
            sessions = withTags(applicationId, list(applicationId, states), tags);
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
        reporter.info(sessions.size() + " session(s) on application " + applicationId
                + (states.isEmpty() ? "" : " in " + states) + (tags.isEmpty() ? "" : " tagged " + tags));
        SessionTable.lines(sessions).forEach(reporter::info);
    }

    static boolean hasTags(Session session, Map<String, String> tags) {
        Map<String, String> actual = session.tags() == null ? Map.of() : session.tags();
        return tags.entrySet().stream().allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
    }
}
