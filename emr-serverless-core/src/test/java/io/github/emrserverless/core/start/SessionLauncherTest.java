package io.github.emrserverless.core.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndedException;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.handover.ReadinessWaiter;
import io.github.emrserverless.core.handover.SessionHandOver;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.reuse.ReusableSessions;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.testing.FakeClock;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.ScriptedSessionApi;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionLauncherTest {

    final FakeClock clock = new FakeClock();
    final ScriptedSessionApi api = new ScriptedSessionApi(clock);
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> log = reporter.lines;
    final List<StartedSession> exported = new ArrayList<>();
    final List<SessionEndpoint> endpoints = new ArrayList<>();
    final List<Session> ready = new ArrayList<>();
    final List<StartedSession> terminated = new ArrayList<>();
    final SessionListener listener = new SessionListener() {
        @Override
        public void onStarted(StartedSession started) {
            exported.add(started);
        }

        @Override
        public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
            ready.add(session);
            endpoints.add(endpoint);
        }

        @Override
        public void onEnded(StartedSession started) {
            terminated.add(started);
        }
    };

    /** The launcher, with an application that is STARTING for the given time, then STARTED. */
    SessionLauncher launcherWith(Duration applicationStartUp) {
        api.applicationStartUp = applicationStartUp;
        Poller poller = new Poller(clock, clock, PollSchedule.DEFAULT);
        return new SessionLauncher(
                preflight(poller),
                api,
                new SessionHandOver(api, new ReadinessWaiter(api, poller, reporter), reporter),
                new ReusableSessions(api, reporter, clock),
                new OrphanSweep(api, reporter, clock),
                reporter,
                clock);
    }

    ApplicationPreflight preflight(Poller poller) {
        return new ApplicationPreflight(
                api,
                id -> {
                    throw new AssertionError("no application is started here");
                },
                poller,
                reporter);
    }

    SessionLauncher launcher() {
        return launcherWith(Duration.ZERO);
    }

    static StartSessionRequest request() {
        return StartSessionRequests.valid()
                .applicationId("app")
                .clientToken("token")
                .build();
    }

    void launch(Duration timeout) throws InterruptedException {
        launcher().launch(request(), new LaunchOptions(true, true, timeout, true), listener);
    }

    @Test
    void waitsUntilReadyReportingEachStateChangeWithTheTimeWaited() throws Exception {
        api.then(Duration.ofSeconds(5), SessionState.STARTING).then(Duration.ofSeconds(40), SessionState.IDLE);

        launch(Duration.ofMinutes(20));

        assertThat(ready).extracting(Session::state).containsExactly(SessionState.IDLE);
        assertThat(exported).extracting(StartedSession::sessionId).containsExactly("s1");
        assertThat(endpoints).extracting(SessionEndpoint::endpoint).containsExactly("sc://endpoint");
        assertThat(log)
                .containsSubsequence(
                        "info: Started session s1 on application app",
                        "info: Session s1 is STARTING after 6s",
                        "info: Session s1 is IDLE after 42s",
                        "info: Session s1 is ready (IDLE)");
        assertThat(api.calls("TerminateSession")).isZero();
    }

    @Test
    void exportsBeforeWaitingSoLaterStepsSeeTheSessionEvenWithoutWaiting() throws Exception {
        launcher().launch(request(), new LaunchOptions(true, false, Duration.ofMinutes(1), true), listener);

        assertThat(ready).isEmpty();
        assertThat(exported).hasSize(1);
        assertThat(api.calls("GetSession")).isZero();
    }

    @Test
    void pollingBacksOffInProportionToTheTimeWaited() throws Exception {
        api.then(Duration.ofSeconds(120), SessionState.STARTED);

        launch(Duration.ofMinutes(20));

        assertThat(clock.sleeps).first().isEqualTo(Duration.ofSeconds(2));
        assertThat(clock.sleeps).isSorted();
        assertThat(api.calls("GetSession")).isLessThanOrEqualTo(25);
        Duration total = clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total.minusSeconds(120)).isLessThanOrEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aFailedSessionFailsWithItsStateDetailsAndNeedsNoTermination() {
        api.then(Duration.ofSeconds(3), SessionState.FAILED);

        assertThatThrownBy(() -> launch(Duration.ofMinutes(20)))
                .isInstanceOf(SessionEndedException.class)
                .hasMessage("Session s1 is FAILED instead of ready: details of FAILED");
        assertThat(api.calls("TerminateSession")).isZero();
        // Ended on its own: the listeners (the safety net among them) let go of it.
        assertThat(terminated).extracting(StartedSession::sessionId).containsExactly("s1");
    }

    @Test
    void aTimeoutTerminatesTheSessionAndSaysSo() {
        api.then(Duration.ofSeconds(1), SessionState.STARTING);

        assertThatThrownBy(() -> launch(Duration.ofSeconds(30)))
                .isInstanceOf(SessionException.class)
                .hasMessage("Session s1 was not ready within 30s (last state STARTING: details of STARTING)."
                        + " The session was terminated. Raise <waitTimeout> if sessions need longer.");
        assertThat(api.calls("TerminateSession")).isEqualTo(1);
        assertThat(log).contains("warn: Terminated session s1 because it could not be handed over.");
        Duration total = clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void waitTimeoutBoundsTheApplicationAndTheSessionTogether() {
        // The script's times count from the start of the test: ready 10 minutes after the application.
        api.then(Duration.ofMinutes(25), SessionState.IDLE);
        Instant begun = clock.instant();

        assertThatThrownBy(() -> launcherWith(Duration.ofMinutes(15))
                        .launch(request(), new LaunchOptions(true, true, Duration.ofMinutes(20), true), listener))
                .isInstanceOf(SessionException.class)
                // The application is noticed at the next poll after 15 minutes.
                .hasMessageMatching(
                        "Session s1 was not ready within 20m00s, of which the application took 15m\\d\\ds \\(last state SUBMITTED.*");
        assertThat(Duration.between(begun, clock.instant())).isEqualTo(Duration.ofMinutes(20));
        assertThat(api.calls("TerminateSession")).isEqualTo(1);
    }

    @Test
    void anApplicationThatTookAllOfWaitTimeoutGetsNoSession() {
        assertThatThrownBy(() -> launcherWith(Duration.ofMinutes(20))
                        .launch(request(), new LaunchOptions(true, true, Duration.ofMinutes(20), true), listener))
                .isInstanceOf(SessionException.class)
                .hasMessage(
                        "Application app took all of <waitTimeout> (20m00s) to become ready; no session was started."
                                + " Raise <waitTimeout>, or start the application ahead of the build.");
        assertThat(api.calls("StartSession")).isZero();
    }

    @Test
    void anInterruptionTerminatesTheSessionAndKeepsTheInterruptFlag() {
        Poller poller = new Poller(
                clock,
                d -> {
                    throw new InterruptedException();
                },
                PollSchedule.DEFAULT);
        SessionLauncher launcher = new SessionLauncher(
                preflight(new Poller(clock, clock, PollSchedule.DEFAULT)),
                api,
                new SessionHandOver(api, new ReadinessWaiter(api, poller, reporter), reporter),
                new ReusableSessions(api, reporter, clock),
                new OrphanSweep(api, reporter, clock),
                reporter,
                clock);
        try {
            assertThatThrownBy(() -> launcher.launch(
                            request(), new LaunchOptions(true, true, Duration.ofMinutes(1), true), listener))
                    .isInstanceOf(SessionException.class)
                    .hasMessage("Interrupted while waiting for session s1. The session was terminated.");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(api.calls("TerminateSession")).isEqualTo(1);
    }

    @Test
    void aFailedHandOverTerminatesTheSession() {
        api.then(Duration.ofSeconds(3), SessionState.IDLE);
        SessionListener failing = new SessionListener() {
            @Override
            public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
                throw new UncheckedIOException(new java.io.IOException("disk full"));
            }

            @Override
            public void onEnded(StartedSession started) {
                terminated.add(started);
            }
        };
        assertThatThrownBy(() -> launcher()
                        .launch(request(), new LaunchOptions(true, true, Duration.ofMinutes(1), true), failing))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("Could not hand over session s1")
                .hasMessageContaining("disk full")
                .hasMessageEndingWith("The session was terminated.");
        assertThat(api.calls("TerminateSession")).isEqualTo(1);
        assertThat(terminated).extracting(StartedSession::sessionId).containsExactly("s1");
    }

    @Test
    void aServiceErrorWhileWaitingTerminatesAndTellsHowToCleanUpIfThatFailsToo() {
        api.getSessionFailure = ServiceException.answered("InternalServerException", 500, "boom", false, true, null);
        api.terminateFailure =
                ServiceException.answered("InternalServerException", 500, "still boom", false, true, null);

        assertThatThrownBy(() -> launch(Duration.ofMinutes(1)))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("GetSession failed for session s1: ")
                .hasMessageContaining("Terminating it failed too (InternalServerException: still boom)")
                .hasMessageEndingWith(
                        "end it yourself: aws emr-serverless terminate-session --application-id app --session-id s1");
        assertThat(terminated).isEmpty();
    }

    @Test
    void anAnswerWithoutASessionIdFailsNamingTheOperationAndSweeps() {
        api.startAnswer = new StartedSession(null, null, null);

        assertThatThrownBy(() -> launch(Duration.ofMinutes(1)))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith(
                        "StartSession answered for application app without a valid sessionId, applicationId and arn")
                .hasMessageContaining("defaultTags is off");
        assertThat(exported).isEmpty();
        assertThat(api.calls("TerminateSession")).isZero();
        assertThat(api.calls("GetSession")).isZero();
    }
}
