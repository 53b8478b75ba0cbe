package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndedException;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Polls GetSession until the session is ready, reporting each state change with the time waited. */
public final class ReadinessWaiter {

    private final SessionApi api;
    private final Poller poller;
    private final Reporter reporter;

    public ReadinessWaiter(SessionApi api, Poller poller, Reporter reporter) {
        this.api = api;
        this.poller = poller;
        this.reporter = reporter;
    }

    /**
     * @throws SessionEndedException when the session failed or was terminated instead
     * @throws Poller.PollTimeoutException when it was not ready in time; its last answer is the {@link Session}
     */
    public Session awaitReady(StartedSession started, Duration timeout) throws InterruptedException {
        return awaitReady(started, timeout, session -> {});
    }

    /** @param polled told each answer, for the report's timeline */
    public Session awaitReady(StartedSession started, Duration timeout, java.util.function.Consumer<Session> polled)
            throws InterruptedException {
        AtomicReference<SessionState> lastState = new AtomicReference<>(SessionState.SUBMITTED);
        return poller.await(
                timeout,
                elapsed -> {
                    Session session = api.getSession(started.applicationId(), started.sessionId());
                    polled.accept(session);
                    reporter.debug(() -> "GetSession " + started.sessionId() + ": " + session.state() + " after "
                            + Durations.format(elapsed));
                    if (lastState.getAndSet(session.state()) != session.state()) {
                        reporter.info("Session " + started.sessionId() + " is " + session.state() + " after "
                                + Durations.format(elapsed));
                    }
                    if (session.state().isEnding()) {
                        throw new SessionEndedException("Session " + started.sessionId() + " is " + session.state()
                                + " instead of ready: " + session.stateDetails());
                    }
                    return session;
                },
                session -> session.state().isReady());
    }
}
