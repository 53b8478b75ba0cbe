package io.github.emrserverless.core.inventory;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionPage;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.support.Reporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Lists an application's sessions across all pages, with the details (tags, idle timeout) summaries lack. */
public final class SessionInventory {

    /** The states in which a session still runs, or may still start. */
    public static final List<SessionState> LIVE_STATES = List.of(
            SessionState.SUBMITTED, SessionState.STARTING, SessionState.STARTED, SessionState.IDLE, SessionState.BUSY);

    /** How many GetSession calls run at once. */
    static final int PARALLEL_READS = 8;

    private final SessionApi api;

    public SessionInventory(SessionApi api) {
        this.api = api;
    }

    /** Every session summary in the given states (all states when empty), following nextToken to the end. */
    public List<Session> list(String applicationId, List<SessionState> states) {
        return list(applicationId, states, null);
    }

    private List<Session> list(String applicationId, List<SessionState> states, Instant createdAfter) {
        List<Session> sessions = new ArrayList<>();
        String nextToken = null;
        do {
            SessionPage page = api.listSessions(applicationId, states, createdAfter, nextToken);
            sessions.addAll(page.sessions());
            nextToken = page.nextToken();
        } while (nextToken != null);
        return sessions;
    }

    /**
     * The full sessions whose tags include every entry of {@code tags} (all of them when it is empty), in the
     * order of {@code summaries}. Summaries carry no tags, so each session is read with GetSession; up to
     * {@link #PARALLEL_READS} at a time, since a build waits for them (an application may run 25 sessions).
     */
    public List<Session> withTags(String applicationId, List<Session> summaries, Map<String, String> tags) {
        if (summaries.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_READS, summaries.size()), runnable -> {
            Thread thread = new Thread(runnable, "emr-serverless-get-session");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Optional<Session>>> reads = summaries.stream()
                    .map(summary -> CompletableFuture.supplyAsync(() -> read(applicationId, summary), pool))
                    .toList();
            List<Session> matching = new ArrayList<>();
            for (CompletableFuture<Optional<Session>> read : reads) {
                read.join().filter(session -> hasTags(session, tags)).ifPresent(matching::add);
            }
            return matching;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One session's details; empty when it is gone (ended and removed since the listing). */
    private Optional<Session> read(String applicationId, Session summary) {
        try {
            return Optional.of(api.getSession(applicationId, summary.sessionId()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /**
     * Every live session of the application with its details, and one GetSession per live session. Asked first
     * with the live states, which on a busy application is one short page instead of every session of the last
     * day. Results filtered by several states come grouped by state, so a session that changes state between two
     * pages could be missed: when that answer has more than one page, the sessions are listed again in every
     * state, all pages, and filtered here.
     */
    public List<Session> live(String applicationId) {
        // No session lives longer than 24 hours: older ones (an application may have thousands) are not listed.
        Instant oldestLive = Instant.now().minus(Duration.ofHours(25));
        SessionPage page = api.listSessions(applicationId, LIVE_STATES, oldestLive, null);
        List<Session> listed = page.nextToken() == null ? page.sessions() : list(applicationId, List.of(), oldestLive);
        List<Session> live = listed.stream()
                .filter(session -> LIVE_STATES.contains(session.state()))
                .toList();
        return withTags(applicationId, live, Map.of());
    }

    /** list-sessions' work: prints the sessions in {@code states} that carry {@code tags} as a table. */
    public void print(String applicationId, List<SessionState> states, Map<String, String> tags, Reporter reporter) {
        List<Session> sessions;
        try {
            sessions = withTags(applicationId, list(applicationId, states), tags);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
        reporter.info(sessions.size() + " session(s) on application " + applicationId
                + (states.isEmpty() ? "" : " in " + states) + (tags.isEmpty() ? "" : " tagged " + tags));
        SessionTable.lines(sessions, Instant.now()).forEach(reporter::info);
    }

    public static boolean hasTags(Session session, Map<String, String> tags) {
        Map<String, String> actual = session.tags() == null ? Map.of() : session.tags();
        return tags.entrySet().stream().allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
    }
}
