package io.github.emrserverless.core.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.testing.AgainstEmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds.Build;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** start-session with reuse on, against the emulator: hits, misses, generations and builds racing each other. */
class SessionReuseTest extends AgainstEmulatedBuilds {

    Build start(String artifactId, Map<String, String> sparkProperties) throws Exception {
        return builds.start(EmulatedBuilds.Start.reusable(artifactId, sparkProperties));
    }

    long calls(String operation) {
        return builds.calls(operation);
    }

    @Test
    void aSecondBuildReusesTheWarmSessionWithoutStartingOne() throws Exception {
        Build first = start("app", Map.of("spark.executor.memory", "4g"));
        Build second = start("app", Map.of("spark.executor.memory", "4g"));

        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(calls("StartSession")).isEqualTo(1);
        assertThat(second.reporter().lines)
                .anySatisfy(line -> assertThat(line)
                        .matches("info: Reusing session " + first.sessionId() + " \\(IDLE, started \\d+s ago\\)"));
        assertThat(second.properties())
                .containsEntry("emr-serverless.sessionReused", "true")
                .containsEntry("emr-serverless.sessionReusable", "true")
                .containsKey("emr-serverless.sessionEndpoint");
        assertThat(first.properties()).containsEntry("emr-serverless.sessionReused", "false");
        JsonNode file =
                new ObjectMapper().readTree(second.out().resolve("session.json").toFile());
        assertThat(file.get("reused").asBoolean()).isTrue();
        assertThat(file.get("state").asText()).isEqualTo("IDLE");
    }

    @Test
    void theRequestCarriesTheReuseKeyAndATokenDerivedFromItButNoCiRun() throws Exception {
        Build build = start("app", Map.of());

        JsonNode wire = builds.emulator.sessionRequest(build.sessionId());
        String key = wire.at("/tags/reuse-key").asText();
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(wire.get("clientToken").asText()).matches("reuse-" + key + "-\\d+-0");
        assertThat(wire.at("/tags/start-token").asText())
                .isEqualTo(wire.get("clientToken").asText());
        assertThat(wire.at("/tags/team").asText()).isEqualTo("data");
        assertThat(wire.get("tags").has("ci-run")).isFalse();
        // From the slot, so that racing builds send the same request: at or after the slot's end plus 4 hours.
        assertThat(Instant.parse(wire.at("/tags/expires-at").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(4)))
                .isBeforeOrEqualTo(Instant.now().plus(Duration.ofHours(8)));
    }

    @Test
    void aChangedConfigurationStartsASessionOfItsOwn() throws Exception {
        Build first = start("app", Map.of("spark.executor.memory", "4g"));
        Build second = start("app", Map.of("spark.executor.memory", "8g"));

        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(builds.emulator.sessionRequest(second.sessionId()).at("/tags/reuse-key"))
                .isNotEqualTo(builds.emulator.sessionRequest(first.sessionId()).at("/tags/reuse-key"));
        assertThat(second.properties()).containsEntry("emr-serverless.sessionReused", "false");
    }

    @Test
    void aReusedSessionThatEndedMeanwhileIsReplacedByTheNextGeneration() throws Exception {
        Build first = start("app", Map.of());
        builds.clients().sessions().terminateSession("app", first.sessionId());

        Build second = start("app", Map.of());

        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(builds.emulator
                        .sessionRequest(second.sessionId())
                        .get("clientToken")
                        .asText())
                .endsWith("-1");
        assertThat(second.reporter().lines)
                .contains("info: Reusable session " + first.sessionId()
                        + " has ended (TERMINATING); trying the next generation of the reuse key");
    }

    @Test
    void buildsStartingTogetherEndUpOnOneSessionEvenFromOtherProjects() throws Exception {
        int count = 4;
        CyclicBarrier together = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Build>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // Other projects have other maven-project tags: the same token with other parameters is a 409.
                String artifactId = "project-" + (i % 2);
                started.add(pool.submit(() -> {
                    together.await();
                    return start(artifactId, Map.of("spark.executor.memory", "4g"));
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Build> build : started) {
                ids.add(build.get().sessionId());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(builds.emulator.sessionIds()).hasSize(1);
            // How each got there depends on timing, and both ways are right: a build racing StartSession with the
            // other project's parameters gets 409 and joins; one whose live-session look-up (beside GetApplication)
            // already saw the session joins without a StartSession.
            long starts = builds.emulator.calls().stream()
                    .filter(call -> call.operation().equals("StartSession"))
                    .count();
            long conflicts = builds.emulator.calls().stream()
                    .filter(call -> call.operation().equals("StartSession") && call.status() == 409)
                    .count();
            assertThat(starts - conflicts)
                    .as("StartSession calls that did not conflict")
                    .isBetween(1L, (long) count);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientTokenOfItsOwnIsRefusedWithReuse() {
        assertThatThrownBy(() -> builds.start(new EmulatedBuilds.Start("app", "app", Map.of(), "mine", true, true, 10)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid <clientToken> 'mine' (from POM <clientToken>); allowed: no"
                        + " <clientToken> with <reuse>true</reuse>");
        assertThat(builds.emulator.calls()).isEmpty();
    }

    /** A session like the build's reusable one, with its tags copied: what anyone who can start sessions can do. */
    String copyOf(Build original, SessionApi api, String executionRole) {
        JsonNode wire = builds.emulator.sessionRequest(original.sessionId());
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        wire.get("tags")
                .fields()
                .forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return api.startSession(StartSessionRequest.builder()
                        .applicationId("app")
                        .clientToken("copied-" + System.nanoTime())
                        .executionRoleArn(executionRole)
                        .name(wire.get("name").asText())
                        .idleTimeoutMinutes(wire.get("idleTimeoutMinutes").asLong())
                        .tags(tags)
                        .build())
                .sessionId();
    }

    @Test
    void aSessionWithCopiedTagsAndAnotherExecutionRoleIsNotHandedOver() throws Exception {
        Build first = start("app", Map.of());
        SessionApi api = builds.clients().sessions();
        api.terminateSession("app", first.sessionId());
        String copy = copyOf(first, api, "arn:aws:iam::123456789012:role/someone-elses-role");

        Build second = start("app", Map.of());

        assertThat(second.sessionId()).isNotIn(copy, first.sessionId());
        assertThat(second.reporter().lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("warn: Session " + copy + " carries this configuration's reuse-key, but")
                        .contains("execution role arn:aws:iam::123456789012:role/someone-elses-role")
                        .endsWith("It is left alone; this build does not reuse it."));
        assertThat(second.properties()).containsEntry("emr-serverless.sessionReused", "false");
        assertThat(builds.emulator.sessionState(copy)).isNotIn("TERMINATING", "TERMINATED");
    }

    @Test
    void aSessionWithCopiedTagsStartedByAnotherPrincipalIsNotHandedOver() throws Exception {
        Build first = start("app", Map.of());
        api().terminateSession("app", first.sessionId());
        // Everything alike but its creator: another IAM principal of the account.
        SessionApi other = io.github.emrserverless.core.aws.SessionApis.against(builds.emulator.uri(), builds.http())
                .accessKey("AKIDSOMEONEELSE", "secret")
                .build();
        String copy = copyOf(first, other, StartSessionRequests.ROLE);

        Build second = start("app", Map.of());

        assertThat(second.sessionId()).isNotEqualTo(copy);
        assertThat(second.reporter().lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("warn: Session " + copy + " carries this configuration's reuse-key, but it was"
                                + " started by arn:aws:iam::123456789012:user/AKIDSOMEONEELSE, outside this build's"
                                + " reuse scope (role of " + EmulatedBuilds.CALLER + ")"));
    }

    @Test
    void aSessionHoldingTheReuseTokenThatDoesNotMatchIsLeftAloneAndTheBuildStartsItsOwn() throws Exception {
        // Client tokens are computable from the published key: another principal used the next generation's first.
        Build first = start("app", Map.of());
        JsonNode wire = builds.emulator.sessionRequest(first.sessionId());
        String tokenZero = wire.get("clientToken").asText();
        api().terminateSession("app", first.sessionId());
        SessionApi other = io.github.emrserverless.core.aws.SessionApis.against(builds.emulator.uri(), builds.http())
                .accessKey("AKIDSQUATTER", "secret")
                .build();
        String tokenOne = tokenZero.replaceAll("-0$", "-1");
        String squatted = other.startSession(StartSessionRequest.builder()
                        .applicationId("app")
                        .clientToken(tokenOne)
                        .executionRoleArn(StartSessionRequests.ROLE)
                        .tags(Map.of("owner", "squatter", DefaultTags.START_TOKEN, tokenOne))
                        .build())
                .sessionId();

        Build second = start("app", Map.of());

        assertThat(second.sessionId()).isNotIn(squatted, first.sessionId());
        assertThat(second.reporter().lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("warn: Reuse: session " + squatted + " holds the reuse token but")
                        .endsWith("Starting a reusable session with a client token of this build's own."));
        JsonNode own = builds.emulator.sessionRequest(second.sessionId());
        assertThat(own.at("/tags/reuse-key").asText())
                .isEqualTo(wire.at("/tags/reuse-key").asText());
        assertThat(own.get("clientToken").asText()).doesNotStartWith("reuse-");
    }

    @Test
    void aSessionAboutToExpireIsNotReused() throws Exception {
        Build first = start("app", Map.of());
        Session found = api().getSession("app", first.sessionId());
        Map<String, String> tags = new java.util.HashMap<>(found.tags());
        tags.put(Expiry.TAG, Expiry.format(Instant.now().plus(Duration.ofMinutes(3))));
        Session expiring = as(found, found.state(), tags, found.idleSince());
        RecordingReporter reporter = new RecordingReporter();
        ReusePlan plan = plan(first);

        assertThat(new ReusableSessions(api(), reporter, java.time.Clock.systemUTC()).find(List.of(expiring), plan))
                .isEmpty();
        assertThat(reporter.lines.get(0))
                .startsWith("info: Session " + first.sessionId() + " expires at ")
                .endsWith("(expires-at): not reused.");
    }

    @Test
    void anIdleSessionAboutToIdleOutIsNotReused() throws Exception {
        Build first = start("app", Map.of());
        Session found = api().getSession("app", first.sessionId());
        // Idle for 25 of its 30 minutes.
        Session idling =
                as(found, SessionState.IDLE, found.tags(), Instant.now().minus(Duration.ofMinutes(25)));
        RecordingReporter reporter = new RecordingReporter();

        assertThat(new ReusableSessions(api(), reporter, java.time.Clock.systemUTC())
                        .find(List.of(idling), plan(first)))
                .isEmpty();
        assertThat(reporter.lines.get(0)).contains(" idles out at ").endsWith(": not reused.");
        assertThat(new ReusableSessions(api(), reporter, java.time.Clock.systemUTC()).find(List.of(found), plan(first)))
                .contains(found);
    }

    @Test
    void usedUpGenerationsFallBackToAnOrdinaryStartInsteadOfFailingTheBuild() throws Exception {
        Build first = start("app", Map.of());
        Session found = api().getSession("app", first.sessionId());
        // The live session shows the last generation in use (and it is not usable: about to expire).
        Map<String, String> tags = new java.util.HashMap<>(found.tags());
        tags.put(
                DefaultTags.START_TOKEN,
                tags.get(DefaultTags.START_TOKEN).replaceAll("-0$", "-" + (ReuseSlot.MAX_GENERATIONS - 1)));
        Session last = as(found, found.state(), tags, found.idleSince());
        RecordingReporter reporter = new RecordingReporter();
        StartSessionRequest request = StartSessionRequest.builder()
                .applicationId("app")
                .clientToken("placeholder")
                .executionRoleArn(found.executionRoleArn())
                .name(found.name())
                .idleTimeoutMinutes(found.idleTimeoutMinutes())
                .tags(found.tags())
                .build();

        ReusableSessions.Started started = new ReusableSessions(api(), reporter, java.time.Clock.systemUTC())
                .startOrJoin(request, plan(first), List.of(last));

        assertThat(started.session().sessionId()).isNotEqualTo(first.sessionId());
        assertThat(started.joined()).isFalse();
        assertThat(reporter.lines)
                .containsExactly("warn: Reuse: all 20 generations of the reuse key in this <reuseMaxAge> slot are used"
                        + " up (something ends these sessions as they start). Starting a reusable session with a client"
                        + " token of this build's own.");
    }

    @Test
    void theReuseKeyHashesMaskedValuesAndTheScope() {
        StartSessionRequest request = StartSessionRequest.builder()
                .applicationId("app")
                .executionRoleArn(StartSessionRequests.ROLE)
                .runtimeConfiguration(List.of(io.github.emrserverless.core.config.Configuration.of(
                        "spark-defaults", Map.of("spark.hadoop.fs.s3a.secret.key", "s3cr3t"))))
                .build();
        StartSessionRequest otherSecret = request.toBuilder()
                .runtimeConfiguration(List.of(io.github.emrserverless.core.config.Configuration.of(
                        "spark-defaults", Map.of("spark.hadoop.fs.s3a.secret.key", "another"))))
                .build();

        // The published key says nothing of the secret (two secrets, one key); the full comparison tells them apart.
        assertThat(ReuseKey.of(otherSecret, "scope")).isEqualTo(ReuseKey.of(request, "scope"));
        assertThat(ReuseKey.of(request, "another scope")).isNotEqualTo(ReuseKey.of(request, "scope"));
        assertThat(ReuseScope.ROLE.of("arn:aws:sts::123456789012:assumed-role/ci/run-1"))
                .isEqualTo(ReuseScope.ROLE.of("arn:aws:sts::123456789012:assumed-role/ci/run-2"))
                .isEqualTo("arn:aws:iam::123456789012:role/ci");
        assertThat(ReuseScope.ACCOUNT.allows(
                        "arn:aws:iam::123456789012:user/a", "arn:aws:sts::123456789012:assumed-role/ci/x"))
                .isTrue();
        assertThat(ReuseScope.ACCOUNT.allows("arn:aws:iam::999999999999:user/a", "arn:aws:iam::123456789012:user/a"))
                .isFalse();
        assertThat(ReuseScope.ROLE.allows(
                        "arn:aws:sts::123456789012:assumed-role/other/x",
                        "arn:aws:sts::123456789012:assumed-role/ci/x"))
                .isFalse();
    }

    /** The session as GetSession described it, in another state, with other tags or idle since another time. */
    static Session as(Session found, SessionState state, Map<String, String> tags, Instant idleSince) {
        return new Session(
                found.applicationId(),
                found.sessionId(),
                found.arn(),
                found.name(),
                state,
                found.stateDetails(),
                found.releaseLabel(),
                found.createdAt(),
                found.startedAt(),
                found.endedAt(),
                found.idleTimeoutMinutes(),
                tags,
                null,
                null,
                found.executionRoleArn(),
                found.createdBy(),
                idleSince,
                found.configurationOverrides());
    }

    SessionApi api() {
        return builds.clients().sessions();
    }

    /** The plan the first build used: its request (from the wire) and key, for the emulator's caller. */
    ReusePlan plan(Build first) {
        Session found = api().getSession("app", first.sessionId());
        StartSessionRequest own = StartSessionRequest.builder()
                .applicationId("app")
                .executionRoleArn(found.executionRoleArn())
                .name(found.name())
                .idleTimeoutMinutes(found.idleTimeoutMinutes())
                .tags(ReuseKey.userTags(found.tags()))
                .runtimeConfiguration(found.runtimeConfiguration())
                .build();
        String key = found.tags().get(ReusableSessions.REUSE_KEY);
        return new ReusePlan(
                ReuseSlot.of(key, Duration.ofHours(4), Instant.now()),
                new ReuseCheck(own, ReuseScope.ROLE, EmulatedBuilds.CALLER));
    }
}
