package io.github.emrserverless.maven.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.EmulatedBuilds.Build;
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
            assertThat(builds.emulator.calls().stream()
                            .filter(call -> call.operation().equals("StartSession") && call.status() == 409))
                    .isNotEmpty();
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
}
