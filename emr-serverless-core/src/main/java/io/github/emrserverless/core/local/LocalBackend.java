package io.github.emrserverless.core.local;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndedException;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.SparkRelease;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.handover.SessionBackend;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A local Spark Connect server as the hand-over sees it: ready when the server reports its bound port, ended by
 * stopping it. The rest of the hand-over (listeners, report, outputs, the clean-up of a failure) is the same as
 * for a session on AWS.
 */
final class LocalBackend implements SessionBackend {

    private final LocalServer server;
    private final String name;
    private final Clock clock;
    private final Sleeper sleeper;

    LocalBackend(LocalServer server, String name, Clock clock, Sleeper sleeper) {
        this.server = server;
        this.name = name;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Session awaitReady(StartedSession started, Duration timeLeft, Consumer<Session> polled)
            throws InterruptedException {
        LocalServer.Readiness readiness = server.awaitReady(timeLeft, clock, sleeper);
        if (readiness == LocalServer.Readiness.READY) {
            Session ready = session(SessionState.IDLE, null);
            polled.accept(ready);
            return ready;
        }
        if (readiness == LocalServer.Readiness.EXITED) {
            String reason = server.failureReason();
            polled.accept(session(SessionState.FAILED, reason));
            throw new SessionEndedException(
                    "The local Spark Connect server " + server.sessionId() + " exited with code "
                            + server.exitCode() + " before it was ready: " + reason + (reason.endsWith(".") ? "" : ".")
                            + " Its log: " + server.logFile());
        }
        throw new Poller.PollTimeoutException(timeLeft, session(SessionState.STARTING, "its log: " + server.logFile()));
    }

    @Override
    public SessionEndpoint endpoint(StartedSession started) {
        return new SessionEndpoint(
                StartedSession.LOCAL_APPLICATION, server.sessionId(), server.endpoint(), server.token(), null);
    }

    @Override
    public void end(StartedSession started) {
        try {
            server.stop(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException("Interrupted while stopping local server " + server.sessionId(), e);
        }
    }

    @Override
    public String readyLine(StartedSession started, Session ready) {
        // To a tenth of a second: the figure a warm start or a class-data archive is judged by.
        double seconds = Duration.between(server.startedAt(), clock.instant()).toMillis() / 1000.0;
        return "Local server " + server.sessionId() + " is ready after "
                + String.format(java.util.Locale.ROOT, "%.1fs", seconds) + " (Spark Connect on "
                + server.endpoint() + ", log " + server.logFile() + ")";
    }

    /** The server as a session in the model, for the report's timeline and session.json. */
    Session session(SessionState state, String details) {
        return new Session(
                StartedSession.LOCAL_APPLICATION,
                server.sessionId(),
                null,
                name,
                state,
                details,
                // The Spark it runs, as a release label tells it for a session on AWS.
                SparkRelease.local(server.sparkVersion()).label(),
                server.startedAt(),
                state == SessionState.IDLE ? clock.instant() : null,
                state == SessionState.TERMINATED || state == SessionState.FAILED ? clock.instant() : null,
                null,
                Map.of(),
                null,
                null);
    }
}
