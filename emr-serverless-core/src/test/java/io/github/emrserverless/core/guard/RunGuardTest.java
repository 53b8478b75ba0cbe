package io.github.emrserverless.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The guard driven as any front end would (a test run, a Gradle build service): no Maven type in sight. */
class RunGuardTest {

    @TempDir
    Path dir;

    EmrServerlessEmulator emulator;
    StartedSession started;
    final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void startSession() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret("guard-secret")
                .application(ApplicationSpec.started("app"))
                .terminateDelay(Duration.ofMillis(50))
                .start();
        try (UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create()) {
            started = SessionApis.against(emulator.uri(), http)
                    .accessKey("AKIDGUARD", "guard-secret")
                    .build()
                    .startSession(StartSessionRequests.valid().build());
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    PendingSession pending(boolean withRun) {
        AwsSettings settings = new AwsSettings(
                "eu-west-1",
                null,
                new AwsSettings.AccessKey("AKIDGUARD", "guard-secret", "test"),
                null,
                emulator.uri(),
                null,
                2,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        return new PendingSession(
                started, settings, new PendingSession.Ending(30, dir.resolve("token"), withRun, dir.resolve("r.json")));
    }

    @Test
    void aFailedRunEndsWhatItStarted() {
        RunGuard guard = new RunGuard(reporter, RunWords.BUILD);
        guard.add(pending(false), null);

        guard.finished(true);

        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(reporter.lines)
                .contains("warn: Terminated session " + started.sessionId()
                        + " because the build failed before terminate-session ran.");
    }

    @Test
    void aSuccessfulRunLeavesItsOwnSessionAndEndsTheOneSharedWithTheWholeRun() {
        RunGuard guard = new RunGuard(reporter, RunWords.BUILD);
        guard.add(pending(false), null);

        guard.finished(false);

        assertThat(emulator.sessionState(started.sessionId())).isNotIn("TERMINATING", "TERMINATED");
        assertThat(reporter.lines)
                .anySatisfy(
                        line -> assertThat(line).startsWith("info: Session " + started.sessionId() + " stays running"));

        RunGuard shared = new RunGuard(reporter, RunWords.BUILD);
        shared.add(pending(true), null);
        shared.finished(false);

        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
    }
}
