package io.github.emrserverless.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.core.api.SessionEndedException;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.testing.AgainstEmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds.Build;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start early (waitForReady false), await late: await-session's work against the emulator. */
class SessionAwaiterTest extends AgainstEmulatedBuilds {

    final List<String> ended = new ArrayList<>();

    /** await-session in the same build, after start-session exported the session. */
    void await(Build build, String waitTimeout) throws InterruptedException {
        await(
                build,
                waitTimeout,
                new HandedSession(
                        build.properties().get("emr-serverless.applicationId"), build.sessionId(), true, false, false));
    }

    /** @param handed what start-session of this build handed over, or null: a session started elsewhere */
    void await(Build build, String waitTimeout, HandedSession handed) throws InterruptedException {
        new SessionAwaiter(new GoalContext(
                        build.reporter(), EmulatedBuilds.ORIGIN, Map.of(), Clock.systemUTC(), Sleeper.SYSTEM))
                .await(
                        new SessionAwaiter.Request(
                                build.properties().get("emr-serverless.applicationId"),
                                build.sessionId(),
                                waitTimeout,
                                null,
                                handed),
                        build.outputs(),
                        builds::clients,
                        build.properties()::put,
                        new SessionListener() {
                            @Override
                            public void onEnded(StartedSession started) {
                                ended.add(started.sessionId());
                            }
                        });
    }

    @Test
    void exportsTheEndpointAndTokenOnceTheEarlyStartedSessionIsReady() throws Exception {
        Build build = builds.start(EmulatedBuilds.Start.early("app"));
        assertThat(build.properties())
                .containsKey("emr-serverless.sessionId")
                .doesNotContainKey("emr-serverless.sessionEndpoint");

        await(build, "1m");

        assertThat(build.properties())
                .containsEntry(
                        "emr-serverless.sessionTokenFile",
                        build.out().resolve("token").toString());
        assertThat(build.properties().get("emr-serverless.sessionEndpoint"))
                .startsWith("sc://" + build.sessionId() + ".");
        assertThat(Files.readString(build.out().resolve("token"))).isNotBlank();
        var file =
                new ObjectMapper().readTree(build.out().resolve("session.json").toFile());
        assertThat(file.get("state").asText()).isIn("STARTED", "IDLE");
        assertThat(file.get("authTokenExpiresAt").asText()).endsWith("Z");
        assertThat(Files.readString(build.out().resolve("session.env")))
                .contains("EMR_SERVERLESS_SESSION_ENDPOINT=sc://" + build.sessionId());
        assertThat(builds.calls("StartSession")).isEqualTo(1);
        assertThat(build.reporter().lines)
                .anySatisfy(line -> assertThat(line).startsWith("info: Awaiting session " + build.sessionId() + " ("));
    }

    @Test
    void aSessionThatFailsFailsTheGoalWithItsStateDetails() throws Exception {
        Build build = builds.start(EmulatedBuilds.Start.early("appfailing"));

        assertThatThrownBy(() -> await(build, "1m"))
                .isInstanceOf(SessionEndedException.class)
                .hasMessageContaining(
                        "Session " + build.sessionId() + " is FAILED instead of ready: Session failed" + " to start");
        assertThat(ended).containsExactly(build.sessionId());
        assertThat(Files.exists(build.out().resolve("token"))).isFalse();
        JsonNode report =
                new ObjectMapper().readTree(build.out().resolve("report.json").toFile());
        assertThat(report.get("sessionId").asText()).isEqualTo(build.sessionId());
        assertThat(report.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(report.get("state").asText()).isEqualTo("FAILED");
        assertThat(report.get("stateDetails").asText()).startsWith("Session failed to start");
        assertThat(report.get("releaseLabel").asText()).isEqualTo("emr-7.13.0");
        assertThat(report.get("timeToReadySeconds").isNull()).isTrue();
        assertThat(report.get("timeline").findValuesAsText("state"))
                .startsWith("SUBMITTED")
                .endsWith("FAILED");
        assertThat(report.at("/configuration/executionRoleArn").asText()).isEqualTo(StartSessionRequests.ROLE);
        assertThat(build.reporter().lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("warn: Session " + build.sessionId() + " was FAILED: Session failed to start")
                        .contains("mvn emr-serverless:dashboard -Demr-serverless.applicationId=appfailing"
                                + " -Demr-serverless.sessionId=" + build.sessionId()));
    }

    @Test
    void theReportOfAReadySessionSaysHowLongItTook() throws Exception {
        Build build = builds.start(EmulatedBuilds.Start.early("app"));
        await(build, "1m");

        JsonNode report =
                new ObjectMapper().readTree(build.out().resolve("report.json").toFile());
        assertThat(report.get("outcome").asText()).isEqualTo("READY");
        assertThat(report.get("timeToReadySeconds").asDouble()).isBetween(0.2, 30.0);
        assertThat(report.get("timeline").findValuesAsText("state"))
                .startsWith("SUBMITTED")
                .contains("IDLE");
        assertThat(Files.readString(build.out().resolve("report.json")))
                .doesNotContain(Files.readString(build.out().resolve("token")));
    }

    @Test
    void aSessionNotReadyInTimeIsTerminated() throws Exception {
        Build build = builds.start(EmulatedBuilds.Start.early("appslow"));

        assertThatThrownBy(() -> await(build, "1s"))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Session " + build.sessionId() + " was not ready within 1s (last state ")
                .hasMessageContaining("The session was terminated.");
        assertThat(builds.emulator.sessionState(build.sessionId())).isIn("TERMINATING", "TERMINATED");
        assertThat(ended).containsExactly(build.sessionId());
    }

    @Test
    void aSessionThisBuildDidNotStartIsLeftRunningWhenTheWaitFails() throws Exception {
        // Started by another build (or by hand) and named with -Demr-serverless.sessionId: not this build's to end.
        Build build = builds.start(EmulatedBuilds.Start.early("appslow"));

        assertThatThrownBy(() -> await(build, "1s", null))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Session " + build.sessionId() + " was not ready within 1s")
                .hasMessageContaining("This build did not start the session, so it was left running");
        assertThat(builds.calls("TerminateSession")).isZero();
        assertThat(builds.emulator.sessionState(build.sessionId())).isNotIn("TERMINATING", "TERMINATED");
        assertThat(ended).isEmpty();
    }

    @Test
    void aSessionAnotherBuildStartedAndThisOneJoinedIsLeftRunningToo() throws Exception {
        Build build = builds.start(EmulatedBuilds.Start.early("appslow"));
        HandedSession joined = new HandedSession("appslow", build.sessionId(), false, true, true);

        assertThatThrownBy(() -> await(build, "1s", joined))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("left running");
        assertThat(builds.calls("TerminateSession")).isZero();
    }

    @Test
    void withoutASessionItSaysWhereOneComesFrom() {
        Build build = builds.newBuild("none");
        build.properties().put("emr-serverless.applicationId", "app");

        assertThatThrownBy(() -> await(build, "1m"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<sessionId>")
                .hasMessageContaining("start-session earlier in the same build sets it for you");
        assertThat(builds.emulator.calls()).isEmpty();
    }
}
