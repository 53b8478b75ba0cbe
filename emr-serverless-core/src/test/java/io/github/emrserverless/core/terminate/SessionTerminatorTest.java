package io.github.emrserverless.core.terminate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorCredentials;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class SessionTerminatorTest {

    EmrServerlessEmulator emulator;
    SdkHttpClient http = UrlConnectionHttpClient.create();
    SessionApi api;
    final RecordingReporter reporter = new RecordingReporter();
    SessionTerminator terminator;

    @BeforeEach
    void start() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDTERMINATOR", "secret", null))
                .application(ApplicationSpec.started("app"))
                .pageSize(2)
                .terminateDelay(Duration.ofMillis(200))
                .start();
        api = SessionApis.against(emulator.uri(), http)
                .accessKey("AKIDTERMINATOR", "secret")
                .build();
        terminator = new SessionTerminator(
                api,
                new Poller(
                        Clock.systemUTC(),
                        Sleeper.SYSTEM,
                        new PollSchedule(Duration.ofMillis(50), Duration.ofMillis(50), 0)),
                reporter,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    String start(String token, Map<String, String> tags) {
        return api.startSession(StartSessionRequests.valid()
                        .clientToken(token)
                        .tags(tags)
                        .build())
                .sessionId();
    }

    long terminateCalls() {
        return emulator.calls().stream()
                .filter(c -> c.operation().equals("TerminateSession"))
                .count();
    }

    @Test
    void terminatesALiveSessionAndWaitsUntilItIsTerminated() throws Exception {
        String id = start("t1", Map.of());

        assertThat(terminator.terminate("app", id, false)).isEqualTo(SessionTerminator.Outcome.TERMINATED);
        terminator.awaitEnded("app", List.of(id), Duration.ofSeconds(10), Instant.now());

        assertThat(emulator.sessionState(id)).isEqualTo("TERMINATED");
        assertThat(reporter.lines)
                .containsExactly(
                        "info: Terminating session " + id + " (was SUBMITTED)",
                        "info: Session " + id + " is TERMINATED");
    }

    @Test
    void aSessionAlreadyEndingIsLeftAlone() {
        String id = start("t2", Map.of());
        api.terminateSession("app", id);

        assertThat(terminator.terminate("app", id, false)).isEqualTo(SessionTerminator.Outcome.ALREADY_ENDED);
        assertThat(terminateCalls()).isEqualTo(1);
        assertThat(reporter.lines.get(0))
                .matches("info: Session " + id + " is already TERMINAT(ING|ED); nothing to do\\.");
    }

    @Test
    void aMissingSessionWarnsOrFails() {
        assertThat(terminator.terminate("app", "nosuchsession", false)).isEqualTo(SessionTerminator.Outcome.MISSING);
        assertThat(reporter.lines)
                .containsExactly("warn: Session nosuchsession was not found on application app; nothing to terminate.");
        assertThatThrownBy(() -> terminator.terminate("app", "nosuchsession", true))
                .isInstanceOf(SessionException.class)
                .hasMessage(
                        "Session nosuchsession was not found on application app. Check <sessionId> and <applicationId>.");
    }

    @Test
    void theJanitorEndsExactlyTheExpiredSessionsAndSaysWhatItLeft() {
        String expired = start("e1", Map.of("expires-at", "2026-01-01T00:00:00Z", "team", "x"));
        String future = start("e2", Map.of("expires-at", "2999-01-01T00:00:00Z", "team", "x"));
        String unmarked = start("e3", Map.of("team", "x"));
        String otherTeam = start("e4", Map.of("expires-at", "2026-01-01T00:00:00Z", "team", "y"));

        List<String> terminated = terminator.terminateMatching("app", Map.of("team", "x"), true);

        assertThat(terminated).containsExactly(expired);
        for (String left : List.of(future, unmarked, otherTeam)) {
            assertThat(emulator.sessionState(left)).isNotIn("TERMINATING", "TERMINATED");
        }
        assertThat(reporter.lines)
                .contains("info: Terminated 1 expired session(s) on application app matching tags {team=x}: ["
                        + expired + "]. Left 3 live: 1 not expired yet, 1 without an expires-at tag, 1 not matching"
                        + " the tags.");
    }

    @Test
    void theJanitorWithoutMatchTagsEndsOnlyExpiredSessionsThePluginStarted() {
        String ours =
                start("p1", Map.of("expires-at", "2026-01-01T00:00:00Z", "created-by", "emr-serverless-maven-plugin"));
        String theirs = start("p2", Map.of("expires-at", "2026-01-01T00:00:00Z", "owner", "another-tool"));
        TerminationRequest request =
                TerminationRequest.of("app", null, null, true, false, false, "5m", EmulatedBuilds.ORIGIN);

        assertThat(request.matchTags()).containsExactly(Map.entry("created-by", "emr-serverless-maven-plugin"));
        List<String> terminated = terminator.terminateMatching("app", request.matchTags(), request.expired());

        assertThat(terminated).containsExactly(ours);
        assertThat(emulator.sessionState(theirs)).isNotIn("TERMINATING", "TERMINATED");
    }

    @Test
    void terminatesEveryLiveSessionWithMatchingTagsAcrossPages() {
        String a = start("r1", Map.of("ci-run", "42", "team", "x"));
        String b = start("r2", Map.of("ci-run", "43"));
        String c = start("r3", Map.of("ci-run", "42"));
        String ended = start("r4", Map.of("ci-run", "42"));
        api.terminateSession("app", ended);

        List<String> terminated = terminator.terminateMatching("app", Map.of("ci-run", "42"), false);

        assertThat(terminated).containsExactlyInAnyOrder(a, c);
        assertThat(emulator.sessionState(b)).isNotIn("TERMINATING", "TERMINATED");
        assertThat(emulator.calls().stream()
                        .filter(call -> call.operation().equals("ListSessions"))
                        .count())
                .isEqualTo(2);
        assertThat(reporter.lines)
                .contains("info: Terminated 2 of 3 live sessions on application app matching tags {ci-run=42}");
    }

    @Test
    void waitingForTerminationTimesOutWithAClearMessage() {
        String id = start("t5", Map.of());
        terminator.terminate("app", id, false);
        SessionTerminator impatient = new SessionTerminator(
                api,
                new Poller(
                        Clock.systemUTC(),
                        Sleeper.SYSTEM,
                        new PollSchedule(Duration.ofMillis(10), Duration.ofMillis(10), 0)),
                reporter,
                Clock.systemUTC());

        assertThatThrownBy(() -> impatient.awaitEnded("app", List.of(id), Duration.ofMillis(50), Instant.now()))
                .isInstanceOf(SessionException.class)
                .hasMessage("Session " + id + " is still TERMINATING after 50ms; its termination was requested. Raise"
                        + " <terminationTimeout>, or set <waitForTermination>false</waitForTermination>.");
    }
}
