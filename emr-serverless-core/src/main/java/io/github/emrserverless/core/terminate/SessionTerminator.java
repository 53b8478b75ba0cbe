package io.github.emrserverless.core.terminate;

import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ends sessions, idempotently: a session already ending or ended is fine, a missing one is a warning unless
 * the caller insists it exists.
 */
public final class SessionTerminator {

    /** What {@link #terminate} found. */
    public enum Outcome {
        TERMINATED,
        ALREADY_ENDED,
        MISSING
    }

    private final SessionApi api;
    private final Poller poller;
    private final Reporter reporter;
    private final Clock clock;

    public SessionTerminator(SessionApi api, Poller poller, Reporter reporter, Clock clock) {
        this.api = api;
        this.poller = poller;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * terminate-session's work: ends the session, or in reaper mode every live one with the tags, then waits
     * for them to end if asked to.
     *
     * @param released told of each session that needs no watching any more (ending, ended or missing), before any wait
     * @param ended told of each session seen TERMINATED or FAILED after the wait, with its billing
     */
    public void run(TerminationRequest request, Consumer<String> released, Consumer<Session> ended)
            throws InterruptedException {
        Instant start = Instant.now();
        String applicationId = request.applicationId();
        List<String> terminating = request.reaper()
                ? terminateMatching(applicationId, request.matchTags(), request.expired())
                : terminate(applicationId, request.sessionId(), request.failIfMissing()) == Outcome.TERMINATED
                        ? List.of(request.sessionId())
                        : List.of();
        terminating.forEach(released);
        if (!request.reaper()) {
            released.accept(request.sessionId());
        }
        if (request.waitTimeout() != null) {
            awaitEnded(applicationId, terminating, request.waitTimeout(), start).forEach(ended);
        }
    }

    public Outcome terminate(String applicationId, String sessionId, boolean failIfMissing) {
        Session session;
        try {
            session = api.getSession(applicationId, sessionId);
        } catch (NotFoundException e) {
            String message = "Session " + sessionId + " was not found on application " + applicationId;
            if (failIfMissing) {
                throw new SessionException(message + ". Check <sessionId> and <applicationId>.", e);
            }
            reporter.warn(message + "; nothing to terminate.");
            return Outcome.MISSING;
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("GetSession", "session " + sessionId, e), e);
        }
        if (session.state().isEnding()) {
            reporter.info("Session " + sessionId + " is already " + session.state() + "; nothing to do.");
            return Outcome.ALREADY_ENDED;
        }
        try {
            api.terminateSession(applicationId, sessionId);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("TerminateSession", "session " + sessionId, e), e);
        }
        reporter.info("Terminating session " + sessionId + " (was " + session.state() + ")");
        return Outcome.TERMINATED;
    }

    /**
     * Terminates every live session of the application that carries all of {@code tags} and, when {@code expired},
     * whose {@code expires-at} is past; says what it ended and what it left.
     */
    public List<String> terminateMatching(String applicationId, Map<String, String> tags, boolean expired) {
        SessionInventory inventory = new SessionInventory(api);
        List<Session> live;
        List<Session> matching;
        try {
            // Listed without a state filter and filtered here: results filtered by state come grouped by
            // state, so a session that changes state between two pages could be skipped.
            live = inventory.list(applicationId, List.of()).stream()
                    .filter(session -> SessionInventory.LIVE_STATES.contains(session.state()))
                    .toList();
            matching = inventory.withTags(applicationId, live, tags);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
        Instant now = clock.instant();
        List<Session> targets = expired
                ? matching.stream()
                        .filter(session -> Expiry.isExpired(session, now))
                        .toList()
                : matching;
        List<String> terminated = new ArrayList<>();
        for (Session session : targets) {
            if (terminate(applicationId, session.sessionId(), false) == Outcome.TERMINATED) {
                terminated.add(session.sessionId());
            }
        }
        if (!expired) {
            reporter.info("Terminated " + terminated.size() + " of " + live.size() + " live sessions on application "
                    + applicationId + " matching tags " + tags);
            return terminated;
        }
        long unmarked = matching.stream().filter(s -> Expiry.of(s).isEmpty()).count();
        reporter.info("Terminated " + terminated.size() + " expired session(s) on application " + applicationId
                + (tags.isEmpty() ? "" : " matching tags " + tags) + (terminated.isEmpty() ? "" : ": " + terminated)
                + ". Left " + (live.size() - terminated.size()) + " live: "
                + (matching.size() - targets.size() - unmarked) + " not expired yet, " + unmarked
                + " without an expires-at tag"
                + (tags.isEmpty() ? "" : ", " + (live.size() - matching.size()) + " not matching the tags") + ".");
        return terminated;
    }

    /** Waits until each session is TERMINATED (or FAILED), all within {@code timeout}; returns them as last seen. */
    public List<Session> awaitEnded(String applicationId, List<String> sessionIds, Duration timeout, Instant start)
            throws InterruptedException {
        List<Session> endedSessions = new ArrayList<>();
        for (String sessionId : sessionIds) {
            Duration left = timeout.minus(Duration.between(start, Instant.now()));
            try {
                Session ended = poller.await(
                        left.isNegative() ? Duration.ZERO : left,
                        elapsed -> api.getSession(applicationId, sessionId),
                        session ->
                                session.state() == SessionState.TERMINATED || session.state() == SessionState.FAILED);
                reporter.info("Session " + sessionId + " is " + ended.state());
                endedSessions.add(ended);
            } catch (Poller.PollTimeoutException e) {
                throw new SessionException("Session " + sessionId + " is still " + ((Session) e.lastAnswer()).state()
                        + " after " + Durations.format(timeout) + "; its termination was requested. Raise"
                        + " <terminationTimeout>, or set <waitForTermination>false</waitForTermination>.");
            } catch (ServiceException e) {
                throw new SessionException(ServiceErrors.describe("GetSession", "session " + sessionId, e), e);
            }
        }
        return endedSessions;
    }
}
