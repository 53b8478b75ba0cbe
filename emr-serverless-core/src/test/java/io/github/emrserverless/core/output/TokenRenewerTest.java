package io.github.emrserverless.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.testing.FakeClock;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.ScriptedSessionApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renewer's decisions, one renewal at a time on a fake clock: no sleeping, no scheduler. */
class TokenRenewerTest {

    @TempDir
    Path out;

    final FakeClock clock = new FakeClock();
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> seen = new ArrayList<>();
    /** What GetSessionEndpoint answers next: a SessionEndpoint or a RuntimeException. */
    Object endpointAnswer;

    SessionState state = SessionState.IDLE;

    final SessionApi api = new ScriptedSessionApi(clock) {
        @Override
        public SessionEndpoint getSessionEndpoint(String applicationId, String sessionId) {
            seen.add("GetSessionEndpoint");
            if (endpointAnswer instanceof RuntimeException failure) {
                throw failure;
            }
            return (SessionEndpoint) endpointAnswer;
        }

        @Override
        public Session getSession(String applicationId, String sessionId) {
            seen.add("GetSession");
            return new Session(
                    "app", "s1", null, null, state, "details", null, null, null, null, null, Map.of(), null, null);
        }
    };

    @BeforeEach
    void sessionFile() throws Exception {
        Files.writeString(out.resolve("session.json"), "{\"sessionId\":\"s1\"}");
    }

    TokenRenewer renewer() {
        return new TokenRenewer(
                api,
                new TokenRenewer.Target("app", "s1", out.resolve("token"), out.resolve("session.json")),
                reporter,
                clock,
                () -> seen.add("closed"));
    }

    SessionEndpoint endpoint(String token, Instant expiresAt) {
        return new SessionEndpoint("app", "s1", "sc://s1.example:443", token, expiresAt);
    }

    @Test
    void aTokenIsRenewedAtFourFifthsOfItsLifetime() {
        endpointAnswer = endpoint("t2", clock.instant().plus(Duration.ofMinutes(60)));

        assertThat(renewer().renewOnce()).isEqualTo(Duration.ofMinutes(48));
    }

    @Test
    void aTokenThatArrivesExpiredBacksOffInsteadOfLoopingEverySecond() {
        TokenRenewer renewer = renewer();
        endpointAnswer = endpoint("t2", clock.instant().minusSeconds(30));

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(renewer.renewOnce());
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1));
        assertThat(reporter.lines.get(0)).startsWith("warn: The Spark Connect auth token of session s1 expires at");
        assertThat(reporter.lines.get(0)).contains("already past");
    }

    @Test
    void anAnswerWithoutExpiryIsRenewedWithinTheHourInsteadOfFailing() {
        endpointAnswer = endpoint("t2", null);

        assertThat(renewer().renewOnce()).isEqualTo(TokenRenewer.WITHOUT_EXPIRY);
        assertThat(renewer().delayFor(null)).isEqualTo(TokenRenewer.WITHOUT_EXPIRY);
    }

    @Test
    void anEndedSessionStopsTheRenewalInsteadOfRetryingEveryMinute() {
        endpointAnswer =
                ServiceException.answered("ValidationException", 400, "Session s1 is TERMINATED", false, false, null);
        state = SessionState.TERMINATED;

        assertThat(renewer().renewOnce()).isNull();
        assertThat(seen).containsExactly("GetSessionEndpoint", "GetSession");
        assertThat(reporter.lines)
                .containsExactly("info: Session s1 has ended: its Spark Connect auth token is no longer renewed.");
    }

    @Test
    void aFailureOfALiveSessionIsRetriedWithBackoff() {
        TokenRenewer renewer = renewer();
        endpointAnswer = new IllegalStateException("connection reset");

        assertThat(renewer.renewOnce()).isEqualTo(Duration.ofSeconds(2));
        assertThat(renewer.renewOnce()).isEqualTo(Duration.ofSeconds(4));
        endpointAnswer = endpoint("t2", clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(renewer.renewOnce()).isEqualTo(Duration.ofMinutes(8));
        endpointAnswer = new IllegalStateException("connection reset");
        assertThat(renewer.renewOnce()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRenewalAnsweredAfterCloseDoesNotWriteTheDeletedTokenFileAgain() throws Exception {
        TokenRenewer renewer = renewer();
        endpointAnswer = endpoint("t2", clock.instant().plus(Duration.ofMinutes(60)));
        renewer.close();
        OwnerOnlyFile.delete(out.resolve("token"));

        assertThat(renewer.renewOnce()).isNull();
        assertThat(Files.exists(out.resolve("token"))).isFalse();
        assertThat(seen).containsExactly("closed", "GetSessionEndpoint");
    }

    @Test
    void closeReturnsAtOnceAndOnlyOnce() {
        TokenRenewer renewer = renewer();
        renewer.start(clock.instant().plus(Duration.ofMinutes(60)));

        renewer.close();
        renewer.close();

        assertThat(seen).containsExactly("closed");
    }
}
