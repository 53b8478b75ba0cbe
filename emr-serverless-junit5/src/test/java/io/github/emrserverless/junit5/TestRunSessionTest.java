package io.github.emrserverless.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.config.Mode;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the extension finds the session a build handed over, and when it finds none. */
class TestRunSessionTest {

    @TempDir
    Path dir;

    final List<String> lines = new ArrayList<>();
    final Reporter log = new Reporter() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("warn: " + message);
        }

        @Override
        public void debug(Supplier<String> message) {}
    };

    @Test
    void failsafesSystemPropertiesComeFirst() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t");
        Map<String, String> properties = Map.of(
                "emr-serverless.sessionId", "s1",
                "emr-serverless.applicationId", "app",
                "emr-serverless.sessionEndpoint", "sc://s1.example:443",
                "emr-serverless.sessionTokenFile", token.toString(),
                "emr-serverless.sparkVersion", "3.5.6");

        ExportedSession found = TestRunSession.handedOver(properties::get, dir.resolve("none.json"), log)
                .orElseThrow();

        assertThat(found.sessionId()).isEqualTo("s1");
        assertThat(found.sparkVersion()).isEqualTo("3.5.6");
        assertThat(lines).containsExactly("Using session s1, handed over by the build (system properties)");
    }

    @Test
    void unresolvedPropertiesAnEndedSessionOrNoneAtAllMeanNoSessionWasHandedOver() throws Exception {
        // Failsafe passes an unset property as its own expression; a session whose token file is gone has ended.
        Map<String, String> unresolved = Map.of(
                "emr-serverless.sessionId", "${emr-serverless.sessionId}",
                "emr-serverless.sessionEndpoint", "${emr-serverless.sessionEndpoint}",
                "emr-serverless.sessionTokenFile", "${emr-serverless.sessionTokenFile}");
        Path ended = Files.writeString(
                dir.resolve("session.json"),
                "{\"mode\":\"aws\",\"applicationId\":\"app\",\"sessionId\":\"s2\",\"endpoint\":\"sc://s2:443\","
                        + "\"tokenFile\":\"" + dir.resolve("gone") + "\"}");

        assertThat(TestRunSession.handedOver(unresolved::get, ended, log)).isEmpty();
        assertThat(TestRunSession.handedOver(Map.<String, String>of()::get, dir.resolve("none.json"), log))
                .isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void theBuildsSessionFileServesWhenItsSessionIsStillThere() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t");
        Path file = Files.writeString(
                dir.resolve("session.json"),
                "{\"mode\":\"aws\",\"applicationId\":\"app\",\"sessionId\":\"s3\",\"endpoint\":\"sc://s3:443\","
                        + "\"tokenFile\":\"" + token + "\",\"sparkVersion\":\"4.0.2\"}");

        assertThat(TestRunSession.handedOver(Map.<String, String>of()::get, file, log))
                .get()
                .extracting(ExportedSession::sessionId)
                .isEqualTo("s3");
        assertThat(lines).containsExactly("Using session s3, handed over by the build (" + file + ")");
    }

    @Test
    void emrServerlessIsReachedOverTlsALocalServerInPlainText() {
        ExportedSession aws = new ExportedSession(
                Mode.AWS,
                "app",
                "s1",
                "arn",
                "sc://s1.s.emr-serverless-services.eu-west-1.amazonaws.com:443",
                null,
                false,
                false,
                false,
                null);
        assertThat(TestRunSession.connectionString(aws))
                .isEqualTo("sc://s1.s.emr-serverless-services.eu-west-1.amazonaws.com:443/;use_ssl=true");
        assertThat(TestRunSession.connectionString(aws.ready("sc://h:443/;use_ssl=true", null)))
                .isEqualTo("sc://h:443/;use_ssl=true");
        ExportedSession local = new ExportedSession(
                Mode.LOCAL, "local", "local-1", null, "sc://127.0.0.1:15002", null, false, false, false, null);
        assertThat(TestRunSession.connectionString(local)).isEqualTo("sc://127.0.0.1:15002");
    }

    @Test
    void aLocalServerHandedOverWithTheThreePropertiesIsKnownByItsId() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t");
        Map<String, String> properties = Map.of(
                "emr-serverless.sessionId", "local-abcdef123456",
                "emr-serverless.sessionEndpoint", "sc://127.0.0.1:1",
                "emr-serverless.sessionTokenFile", token.toString());

        // Not listening: a local server that is gone is not handed over.
        assertThat(TestRunSession.handedOver(properties::get, dir.resolve("none.json"), log))
                .isEmpty();
        ExportedSession local = ExportedSession.fromProperties(properties::get, "emr-serverless.sessionId")
                .orElseThrow();
        assertThat(local.mode()).isEqualTo(Mode.LOCAL);
        assertThat(TestRunSession.connectionString(local)).isEqualTo("sc://127.0.0.1:1");
    }
}
