package io.github.emrserverless.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Mode;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExporterTest {

    @TempDir
    Path dir;

    final Map<String, String> properties = new LinkedHashMap<>();
    final StartedSession started = new StartedSession("app", "s1", "arn:s1");
    final Session ready = new Session(
            "app",
            "s1",
            "arn:s1",
            "n",
            SessionState.IDLE,
            "d",
            "emr-7.13.0",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:05Z"),
            null,
            30L,
            Map.of(),
            null,
            null);
    final SessionEndpoint endpoint =
            new SessionEndpoint("app", "s1", "sc://s1:443", "the-secret-token", Instant.parse("2026-01-01T01:00:00Z"));

    SessionExporter exporter(boolean exportAuthToken) {
        return new SessionExporter(
                properties::put,
                new SessionFile(Json.create()),
                new SessionExporter.Settings(
                        "my.session", "n", dir.resolve("session.json"), dir.resolve("token"), exportAuthToken, false),
                new RecordingReporter());
    }

    @Test
    void exportsTheIdentityAtOnceAndTheEndpointOnceReady() throws Exception {
        SessionExporter exporter = exporter(false);
        exporter.onStarted(started);
        assertThat(properties)
                .containsExactly(
                        Map.entry("my.session", "s1"),
                        Map.entry("emr-serverless.sessionArn", "arn:s1"),
                        Map.entry("emr-serverless.applicationId", "app"),
                        Map.entry("emr-serverless.sessionMode", "aws"),
                        Map.entry("emr-serverless.sessionReused", "false"),
                        Map.entry("emr-serverless.sessionReusable", "false"));
        assertThat(Files.readString(dir.resolve("session.json")))
                .contains("\"state\" : \"SUBMITTED\"")
                .contains("\"reused\" : false");

        exporter.onReady(started, ready, endpoint);

        assertThat(properties)
                .containsEntry("emr-serverless.sessionEndpoint", "sc://s1:443")
                .containsEntry(
                        "emr-serverless.sessionTokenFile", dir.resolve("token").toString())
                .doesNotContainKey("emr-serverless.sessionAuthToken");
        assertThat(Files.readString(dir.resolve("token"))).isEqualTo("the-secret-token");
        assertThat(Files.getPosixFilePermissions(dir.resolve("token")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String json = Files.readString(dir.resolve("session.json"));
        assertThat(json)
                .contains(
                        "\"state\" : \"IDLE\"",
                        "\"startedAt\" : \"2026-01-01T00:00:05Z\"",
                        "\"endpoint\" : \"sc://s1:443\"",
                        "\"authTokenExpiresAt\" : \"2026-01-01T01:00:00Z\"")
                .doesNotContain("the-secret-token");
    }

    @Test
    void theTokenGoesIntoAPropertyOnlyWhenAskedFor() {
        exporter(true).onReady(started, ready, endpoint);
        assertThat(properties).containsEntry("emr-serverless.sessionAuthToken", "the-secret-token");
    }

    @Test
    void theTokenFileGoesWhenTheSessionIsTerminated() {
        SessionExporter exporter = exporter(false);
        exporter.onReady(started, ready, endpoint);
        assertThat(dir.resolve("token")).exists();

        exporter.onEnded(started);

        assertThat(dir.resolve("token")).doesNotExist();
    }

    @Test
    void whatWasExportedReadsBackTheSameFromThePropertiesAndFromTheSessionFile() {
        SessionExporter exporter = exporter(false);
        exporter.onApplicationStarted("app");
        exporter.onStarted(started);
        int exportedOnce = properties.size();
        exporter.onReady(started, ready, endpoint);

        ExportedSession expected = new ExportedSession(
                Mode.AWS, "app", "s1", "arn:s1", "sc://s1:443", dir.resolve("token"), false, false, true, "3.5.6");
        assertThat(ExportedSession.fromProperties(properties::get, "my.session"))
                .contains(expected);
        assertThat(SessionFile.read(dir.resolve("session.json"))).contains(expected);
        assertThat(expected.startedByBuild()).isTrue();
        assertThat(properties)
                .as("the endpoint, token file and Spark version come on top; nothing is exported twice")
                .hasSize(exportedOnce + 3)
                .containsEntry("emr-serverless.sparkVersion", "3.5.6");
        assertThat(ExportedSession.fromProperties(properties::get, "emr-serverless.sessionId"))
                .isEmpty();
        assertThat(SessionFile.read(dir.resolve("missing.json"))).isEmpty();
    }
}
