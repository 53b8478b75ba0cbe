package io.github.emrserverless.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartedSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiOutputsTest {

    @TempDir
    Path dir;

    final StartedSession started = new StartedSession(
            "app", "s1", "arn:aws:emr-serverless:eu-west-1:123456789012:/applications/app/sessions/s1");
    final Session ready = new Session(
            "app",
            "s1",
            "arn",
            null,
            SessionState.IDLE,
            "",
            "emr-7.13.0",
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            30L,
            Map.of(),
            null,
            null);

    CiOutputs outputs(Map<String, String> environment) {
        return new CiOutputs(environment, dir.resolve("session.env"), dir.resolve("session-token"));
    }

    @Test
    void theEnvFileHoldsTheIdentityThenTheEndpointButNeverTheToken() throws Exception {
        CiOutputs outputs = outputs(Map.of());
        outputs.onStarted(started);
        assertThat(dir.resolve("session.env"))
                .hasContent(
                        "EMR_SERVERLESS_APPLICATION_ID=app\nEMR_SERVERLESS_SESSION_ID=s1\nEMR_SERVERLESS_SESSION_ARN="
                                + started.arn());

        outputs.onReady(started, ready, new SessionEndpoint("app", "s1", "sc://s1:443", "the-token", Instant.EPOCH));

        String env = Files.readString(dir.resolve("session.env"));
        assertThat(env)
                .contains("EMR_SERVERLESS_SESSION_ENDPOINT=sc://s1:443\n")
                .contains("EMR_SERVERLESS_SESSION_TOKEN_FILE=" + dir.resolve("session-token"))
                .doesNotContain("the-token");
    }

    @Test
    void onGitHubActionsTheStepOutputsAndSummaryAreAppended() throws Exception {
        Path output = Files.writeString(dir.resolve("output"), "earlier=1\n");
        Path summary = dir.resolve("summary");
        CiOutputs outputs =
                outputs(Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));

        outputs.onStarted(started);
        outputs.onReady(started, ready, new SessionEndpoint("app", "s1", "sc://s1:443", "the-token", Instant.EPOCH));

        assertThat(output)
                .hasContent("earlier=1\nsession-id=s1\nsession-arn=" + started.arn()
                        + "\napplication-id=app\nsession-endpoint=sc://s1:443");
        assertThat(Files.readString(summary))
                .contains("| Session | `s1` |")
                .contains("is ready (IDLE)")
                .doesNotContain("the-token");
    }

    @Test
    void aValueWithALineBreakIsRefusedAndNothingIsWritten() {
        Path output = dir.resolve("output");
        CiOutputs outputs = outputs(Map.of("GITHUB_OUTPUT", output.toString()));
        StartedSession injected = new StartedSession("app", "s1", "arn:x\nsession-endpoint=sc://attacker:443");

        assertThatThrownBy(() -> outputs.onStarted(injected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Refused to write the CI output EMR_SERVERLESS_SESSION_ARN: its value holds a line break");
        assertThat(output).doesNotExist();
        assertThat(dir.resolve("session.env")).doesNotExist();
    }

    @Test
    void anEqualsSignInANameIsRefused() {
        assertThatThrownBy(() -> CiOutputs.lines(Map.of("a=b", "v")))
                .hasMessageContaining("an = or a line break in its name");
    }
}
