package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartedSession;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where a session runs, as its hand-over sees it: a session on EMR Serverless or a local Spark Connect server go
 * through the same steps (wait, endpoint, tell the listeners, end what could not be handed over), and only these
 * differ.
 */
public interface SessionBackend {

    /**
     * @param polled told each state seen, for the report's timeline
     * @throws io.github.emrserverless.core.api.SessionEndedException when it ended or failed first
     * @throws io.github.emrserverless.core.support.Poller.PollTimeoutException when it was not ready in time; its
     *     last answer is the {@link Session}
     */
    Session awaitReady(StartedSession started, Duration timeLeft, Consumer<Session> polled) throws InterruptedException;

    /** The Spark Connect endpoint of a ready session, with its token. */
    SessionEndpoint endpoint(StartedSession started);

    /** Ends a session that could not be handed over; fails with the reason when it could not. */
    void end(StartedSession started);

    /** The log line that says it is ready. */
    String readyLine(StartedSession started, Session ready);
}
