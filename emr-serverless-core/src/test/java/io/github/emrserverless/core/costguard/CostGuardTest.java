package io.github.emrserverless.core.costguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.testing.AgainstEmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds.Build;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits on what sessions cost: expiry tag, the live-session ceiling, the leftover check. */
class CostGuardTest extends AgainstEmulatedBuilds {

    @Test
    void everySessionIsTaggedWithItsExpiry() throws Exception {
        Instant before = Instant.now();
        Build build = builds.start(EmulatedBuilds.Start.withCeiling(10));

        Instant expiresAt = Instant.parse(builds.emulator
                .sessionRequest(build.sessionId())
                .at("/tags/expires-at")
                .asText());
        assertThat(expiresAt)
                .isBetween(
                        before.plus(Duration.ofHours(4)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(4)));
    }

    @Test
    void atTheCeilingNoSessionIsStartedAndTheLiveOnesAreListed() throws Exception {
        String first = builds.start(EmulatedBuilds.Start.withCeiling(2)).sessionId();
        String second = builds.start(EmulatedBuilds.Start.withCeiling(2)).sessionId();

        assertThatThrownBy(() -> builds.start(EmulatedBuilds.Start.withCeiling(2)))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Project com.example:app already has 2 live sessions on application app, at or"
                        + " above <maxLiveSessions> (2); no session was started:")
                .hasMessageContaining(first + "  ")
                .hasMessageContaining(second + "  ")
                .hasMessageMatching("(?s).*  age \\d+(ms|s)  ci-run 42  expires-at 20\\d\\d-.*")
                .hasMessageContaining("-Demr-serverless.expired=true");
        assertThat(builds.calls("StartSession")).isEqualTo(2);
    }

    @Test
    void endedSessionsAndOtherProjectsDoNotCountAgainstTheCeiling() throws Exception {
        String first = builds.start(EmulatedBuilds.Start.withCeiling(1)).sessionId();
        builds.clients().sessions().terminateSession("app", first);

        builds.start(EmulatedBuilds.Start.withCeiling(1));

        assertThat(builds.calls("StartSession")).isEqualTo(2);
    }

    @Test
    void theLeftoverCheckNamesTheLiveSessionsOfTheJobLegAndPassesWithoutThem() throws Exception {
        String leaked = builds.start(EmulatedBuilds.Start.withCeiling(10)).sessionId();
        RecordingReporter reporter = new RecordingReporter();
        LeftoverCheck check = new LeftoverCheck(builds.clients().sessions(), reporter, Clock.systemUTC());

        assertThatThrownBy(() -> check.check("app", EmulatedBuilds.CI_JOB, Set.of(), true))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("1 live session(s) of CI job " + EmulatedBuilds.CI_JOB
                        + " left on application app: " + leaked + " (")
                .hasMessageContaining("com.example:app)");
        check.check("app", EmulatedBuilds.CI_JOB, Set.of(leaked), true);
        check.check("app", "42-1-it-ffffffff", Set.of(), true);
        builds.clients().sessions().terminateSession("app", leaked);
        check.check("app", EmulatedBuilds.CI_JOB, Set.of(), true);

        assertThat(reporter.lines)
                .containsExactly(
                        "info: No live session of CI job " + EmulatedBuilds.CI_JOB + " is left on application app.",
                        "info: No live session of CI job 42-1-it-ffffffff is left on application app.",
                        "info: No live session of CI job " + EmulatedBuilds.CI_JOB + " is left on application app.");
    }

    @Test
    void theLeftoverCheckCanOnlyWarn() throws Exception {
        String leaked = builds.start(EmulatedBuilds.Start.withCeiling(10)).sessionId();
        RecordingReporter reporter = new RecordingReporter();

        new LeftoverCheck(builds.clients().sessions(), reporter, Clock.systemUTC())
                .check("app", EmulatedBuilds.CI_JOB, Set.of(), false);

        assertThat(reporter.lines)
                .singleElement()
                .asString()
                .startsWith("warn: 1 live session(s) of CI job " + EmulatedBuilds.CI_JOB)
                .contains(leaked);
    }

    @Test
    void anInvalidCeilingIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> builds.start(EmulatedBuilds.Start.withCeiling(-1)))
                .hasMessageStartingWith("Invalid <maxLiveSessions> '-1' (from POM <maxLiveSessions>); allowed: 0");
        assertThat(builds.emulator.calls()).isEmpty();
    }
}
