package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartedSession;
import java.time.Duration;
import java.util.function.Consumer;

/** A session on EMR Serverless: GetSession until ready, GetSessionEndpoint, TerminateSession. */
public record AwsBackend(SessionApi api, ReadinessWaiter waiter) implements SessionBackend {

    @Override
    public Session awaitReady(StartedSession started, Duration timeLeft, Consumer<Session> polled)
            throws InterruptedException {
        return waiter.awaitReady(started, timeLeft, polled);
    }

    @Override
    public SessionEndpoint endpoint(StartedSession started) {
        return api.getSessionEndpoint(started.applicationId(), started.sessionId());
    }

    @Override
    public void end(StartedSession started) {
        api.terminateSession(started.applicationId(), started.sessionId());
    }

    @Override
    public String readyLine(StartedSession started, Session ready) {
        return "Session " + started.sessionId() + " is ready (" + ready.state() + ")";
    }
}
