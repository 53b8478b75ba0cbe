package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.guard.PendingStart;
import io.github.emrserverless.core.guard.RunGuard;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The safety net against the emulator: what a failed, a successful and a released build do to the session. */
class SessionSafetyNetTest {

    @TempDir
    Path dir;

    EmrServerlessEmulator emulator;
    final SessionSafetyNet safetyNet = new SessionSafetyNet();
    final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    final MavenSession build = mock(MavenSession.class);
    final CapturingLog log = new CapturingLog();
    StartedSession started;

    @BeforeEach
    void startSession() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret("net-secret")
                .application(ApplicationSpec.started("app"))
                .terminateDelay(Duration.ofMillis(50))
                .start();
        try (UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create()) {
            started = SessionApis.against(emulator.uri(), http)
                    .accessKey("AKIDNET", "net-secret")
                    .build()
                    .startSession(StartSessionRequests.valid().build());
        }
        when(build.getRequest()).thenReturn(request);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    PendingSession pending(Path tokenFile) {
        return pending(tokenFile, false);
    }

    PendingSession pending(Path tokenFile, boolean endsWithBuild) {
        AwsSettings settings = new AwsSettings(
                "eu-west-1",
                null,
                new AwsSettings.AccessKey("AKIDNET", "net-secret", "test"),
                null,
                emulator.uri(),
                null,
                2,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        return new PendingSession(
                started, settings, new PendingSession.Ending(30, tokenFile, endsWithBuild, dir.resolve("report.json")));
    }

    /** The clients a start-session goal would have opened and now shares with the net. */
    AwsClients goalClients() {
        return AwsClients.create(pending(dir.resolve("none")).settings(), d -> {})
                .share();
    }

    void buildEnds(boolean failed) {
        DefaultMavenExecutionResult result = new DefaultMavenExecutionResult();
        if (failed) {
            result.addException(new IllegalStateException("a test failed"));
        }
        MavenSession ending = mock(MavenSession.class);
        when(ending.getResult()).thenReturn(result);
        ExecutionEvent event = mock(ExecutionEvent.class);
        when(event.getSession()).thenReturn(ending);
        request.getExecutionListener().sessionEnded(event);
    }

    @Test
    void aFailedBuildTerminatesTheSessionItStartedAndDeletesItsTokenFile() throws Exception {
        Path token = Files.writeString(dir.resolve("session-token"), "secret");
        safetyNet.guard(build, log).add(pending(token), null);

        buildEnds(true);

        assertThat(emulator.callsBy("AKIDNET"))
                .extracting(EmrServerlessEmulator.Call::operation)
                .contains("TerminateSession");
        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(log.text())
                .contains("Terminated session " + started.sessionId()
                        + " because the build failed before terminate-session ran.");
        assertThat(token).doesNotExist();
    }

    @Test
    void aSuccessfulBuildLeavesTheSessionRunningAndSaysHowItEnds() {
        safetyNet.guard(build, log).add(pending(dir.resolve("none")), null);

        buildEnds(false);

        assertThat(emulator.callsBy("AKIDNET"))
                .extracting(EmrServerlessEmulator.Call::operation)
                .doesNotContain("TerminateSession");
        assertThat(log.text())
                .contains("Session " + started.sessionId() + " stays running: the build succeeded.")
                .contains("after 30 idle minutes");
    }

    @Test
    void aSessionSharedWithTheReactorEndsWhenTheBuildSucceedsAndNotBefore() throws Exception {
        Path token = Files.writeString(dir.resolve("session-token"), "secret");
        safetyNet.guard(build, log).add(pending(token, true), null);

        assertThat(safetyNet.endsWithBuild(build, "app", started.sessionId())).isTrue();
        assertThat(safetyNet.endsWithBuild(build, "app", "other")).isFalse();
        assertThat(emulator.sessionState(started.sessionId())).isNotIn("TERMINATING", "TERMINATED");

        buildEnds(false);

        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(log.text())
                .contains("Terminated session " + started.sessionId()
                        + " because the build ended (it was shared with every module of the reactor).")
                .doesNotContain("stays running");
        assertThat(token).doesNotExist();
    }

    /**
     * A renewer whose stop is slow (its clients take a while to close): it waits up to 4 s for the session's
     * TerminateSession, and records whether it came meanwhile.
     */
    io.github.emrserverless.core.output.TokenRenewer renewer(java.util.List<String> events) {
        return new io.github.emrserverless.core.output.TokenRenewer(
                null,
                new io.github.emrserverless.core.output.TokenRenewer.Target(
                        "app", started.sessionId(), dir.resolve("token"), dir.resolve("session.json")),
                new MavenReporter(log),
                java.time.Clock.systemUTC(),
                () -> {
                    long until = System.currentTimeMillis() + 4000;
                    while (!terminated() && System.currentTimeMillis() < until) {
                        sleepQuietly(20);
                    }
                    events.add(terminated() ? "stopped, TerminateSession sent meanwhile" : "stopped, nothing sent");
                });
    }

    boolean terminated() {
        return emulator.callsBy("AKIDNET").stream()
                .anyMatch(call -> call.operation().equals("TerminateSession"));
    }

    @Test
    void theEndingsGoOutWithoutWaitingForTheRenewersToStop() {
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        safetyNet.guard(build, log).add(pending(dir.resolve("none")), null);
        safetyNet.guard(build, log).renew(PendingSession.key("app", started.sessionId()), renewer(events));

        buildEnds(true);

        assertThat(events).containsExactly("stopped, TerminateSession sent meanwhile");
    }

    @Test
    void aRenewerHandedOverAfterTheBuildEndedIsStoppedAtOnce() {
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        safetyNet.guard(build, log).add(pending(dir.resolve("none")), null);
        buildEnds(true);

        safetyNet.guard(build, log).renew(PendingSession.key("app", started.sessionId()), renewer(events));

        // Stopped there and then (nothing would stop it later: the build is over).
        assertThat(events).hasSize(1);
    }

    @Test
    void aReleasedSessionIsLeftAloneEvenWhenTheBuildFails() {
        safetyNet.guard(build, log).add(pending(dir.resolve("none")), null);
        safetyNet.release(build, "app", started.sessionId());

        buildEnds(true);

        assertThat(emulator.callsBy("AKIDNET"))
                .extracting(EmrServerlessEmulator.Call::operation)
                .doesNotContain("TerminateSession");
    }

    @Test
    void theListenerThatWasThereBeforeStillHearsTheEnd() {
        boolean[] heard = {false};
        request.setExecutionListener(new DelegatingExecutionListener(null) {
            @Override
            public void sessionEnded(ExecutionEvent event) {
                heard[0] = true;
            }
        });
        safetyNet.guard(build, log).add(pending(dir.resolve("none")), null);

        buildEnds(false);

        assertThat(heard[0]).isTrue();
    }

    @Test
    void aStartWhoseAnswerNeverCameIsFoundByItsTagAndTerminated() throws Exception {
        StartedSession orphan;
        try (UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create()) {
            orphan = SessionApis.against(emulator.uri(), http)
                    .accessKey("AKIDNET", "net-secret")
                    .build()
                    .startSession(StartSessionRequests.valid()
                            .clientToken("tok-inflight")
                            .tags(Map.of("start-token", "tok-inflight"))
                            .build());
        }
        safetyNet
                .guard(build, log)
                .expect(
                        new PendingStart(
                                "app",
                                "tok-inflight",
                                pending(dir.resolve("none")).settings()),
                        goalClients());
        long begun = System.nanoTime();

        buildEnds(true);

        assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(RunGuard.SHUTDOWN_BOUND);
        assertThat(emulator.sessionState(orphan.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(emulator.sessionState(started.sessionId())).isNotIn("TERMINATING", "TERMINATED");
        assertThat(log.text())
                .contains("Terminated session " + orphan.sessionId() + " (found by its tag start-token=tok-inflight;");
    }

    @Test
    void anAnswerThatArrivesAfterTheGuardEndedEverythingIsEndedAsWell() throws Exception {
        safetyNet
                .guard(build, log)
                .expect(
                        new PendingStart(
                                "app", "tok-late", pending(dir.resolve("none")).settings()),
                        goalClients());
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> {
            sleepQuietly(300);
            safetyNet.guard(build, log).add(pending(dir.resolve("none")), "tok-late");
        });

        buildEnds(true);
        answer.join();

        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(log.text())
                .contains(
                        "Terminated session " + started.sessionId() + " because the build ended while it was starting");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
