package io.github.emrserverless.core.testing;

import io.github.emrserverless.core.api.Application;
import io.github.emrserverless.core.api.ApplicationState;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionPage;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A SessionApi whose application is STARTING for {@link #applicationStartUp}, then STARTED, and whose session
 * moves through given states at given times on a {@link FakeClock}.
 */
public class ScriptedSessionApi implements SessionApi {

    public record Step(Duration at, SessionState state) {}

    private final FakeClock clock;
    private final Instant start;
    private final List<Step> steps = new ArrayList<>();
    public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    public RuntimeException getSessionFailure;
    public RuntimeException terminateFailure;
    public Duration applicationStartUp = Duration.ZERO;
    /** What StartSession answers; a test may make it incomplete, as an empty 2xx body would be. */
    public StartedSession startAnswer = new StartedSession(
            "app", "s1", "arn:aws:emr-serverless:eu-west-1:123456789012:/applications/app/sessions/s1");

    public ScriptedSessionApi(FakeClock clock) {
        this.clock = clock;
        this.start = clock.instant();
        steps.add(new Step(Duration.ZERO, SessionState.SUBMITTED));
    }

    public ScriptedSessionApi then(Duration at, SessionState state) {
        steps.add(new Step(at, state));
        return this;
    }

    public int calls(String operation) {
        return (int) calls.stream().filter(operation::equals).count();
    }

    @Override
    public Application getApplication(String applicationId) {
        calls.add("GetApplication");
        boolean starting = clock.instant().isBefore(start.plus(applicationStartUp));
        return new Application(
                applicationId, starting ? ApplicationState.STARTING : ApplicationState.STARTED, null, null, null);
    }

    @Override
    public StartedSession startSession(StartSessionRequest request) {
        calls.add("StartSession");
        return startAnswer;
    }

    @Override
    public Session getSession(String applicationId, String sessionId) {
        calls.add("GetSession");
        if (getSessionFailure != null) {
            throw getSessionFailure;
        }
        Duration elapsed = Duration.between(start, clock.instant());
        SessionState state = SessionState.SUBMITTED;
        for (Step step : steps) {
            if (step.at().compareTo(elapsed) <= 0) {
                state = step.state();
            }
        }
        return new Session(
                applicationId,
                sessionId,
                "arn",
                null,
                state,
                "details of " + state,
                "emr-7.13.0",
                start,
                state.isReady() ? clock.instant() : null,
                null,
                30L,
                null,
                null,
                null);
    }

    @Override
    public SessionPage listSessions(
            String applicationId, List<SessionState> states, java.time.Instant createdAfter, String nextToken) {
        calls.add("ListSessions");
        return new SessionPage(List.of(getSession(applicationId, "s1")), null);
    }

    @Override
    public String getSessionDashboard(String applicationId, String sessionId) {
        calls.add("GetResourceDashboard");
        return null;
    }

    @Override
    public SessionEndpoint getSessionEndpoint(String applicationId, String sessionId) {
        calls.add("GetSessionEndpoint");
        return new SessionEndpoint(
                applicationId,
                sessionId,
                "sc://endpoint",
                "secret-token",
                clock.instant().plusSeconds(3600));
    }

    @Override
    public void terminateSession(String applicationId, String sessionId) {
        calls.add("TerminateSession");
        if (terminateFailure != null) {
            throw terminateFailure;
        }
    }
}
