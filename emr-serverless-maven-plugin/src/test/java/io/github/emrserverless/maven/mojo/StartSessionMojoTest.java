package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-session goal configured from a test POM, run against the emulator. Credentials come from the
 * aws.accessKeyId / aws.secretAccessKey system properties that Surefire sets for this JVM.
 */
@MojoTest
class StartSessionMojoTest {

    static final String POM = "classpath:/mojo/start-session-pom.xml";

    @Inject
    MavenSession session;

    @Inject
    MavenProject project;

    @TempDir
    Path temp;

    EmrServerlessEmulator emulator;
    CapturingLog log = new CapturingLog();

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret(System.getProperty("aws.secretAccessKey"))
                .application(ApplicationSpec.started("appready")
                        .withSessions(Duration.ofMillis(300), ApplicationSpec.SessionOutcome.READY))
                .application(ApplicationSpec.started("appfailing")
                        .withSessions(Duration.ofMillis(300), ApplicationSpec.SessionOutcome.FAIL))
                .start();
        session.getUserProperties()
                .setProperty("emr-serverless.endpoint", emulator.uri().toString());
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    StartSessionMojo prepare(StartSessionMojo mojo) throws Exception {
        MojoExtensionSupport.set(
                mojo, "outputFile", temp.resolve("session.json").toFile());
        MojoExtensionSupport.set(
                mojo, "tokenFile", temp.resolve("session-token").toFile());
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    void startsTheSessionExportsItsIdentityAndWritesTheOutputFile(StartSessionMojo mojo) throws Exception {
        prepare(mojo).execute();

        String sessionId = emulator.sessionIds().get(0);
        assertThat(project.getProperties())
                .containsEntry("emr-serverless.sessionId", sessionId)
                .containsEntry("emr-serverless.applicationId", "appready")
                .containsEntry(
                        "emr-serverless.sessionArn",
                        "arn:aws:emr-serverless:eu-west-1:123456789012:/applications/appready/sessions/" + sessionId);
        JsonNode file = new ObjectMapper().readTree(temp.resolve("session.json").toFile());
        assertThat(file.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(file.get("state").asText()).isIn("STARTED", "IDLE");
        assertThat(file.get("name").asText()).isEqualTo("mojo-test");
        assertThat(file.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(log.text())
                .contains(
                        "[INFO] Runtime configuration spark-defaults: 3 properties (POM <runtimeConfiguration>: 2, POM <sparkProperties>: 1)")
                .contains("[INFO] Started session " + sessionId + " on application appready")
                .containsPattern("\\[INFO] Session " + sessionId + " is ready \\((STARTED|IDLE)\\)")
                .contains("\"spark.app.secretKey\":\"****\"")
                .contains(
                        "[WARNING] Secret-looking values are written in the POM (<runtimeConfiguration> spark.app.secretKey)")
                .doesNotContain("hush");
        JsonNode wire = emulator.sessionRequest(sessionId);
        assertThat(wire.at("/configurationOverrides/runtimeConfiguration/0/properties")
                        .toString())
                .isEqualTo(
                        "{\"spark.executor.memory\":\"8g\",\"spark.driver.memory\":\"2g\",\"spark.app.secretKey\":\"hush\"}");
        assertThat(wire.get("idleTimeoutMinutes").asLong()).isEqualTo(30);
        assertThat(wire.get("clientToken").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    void commandLineOverridesWinOverThePom(StartSessionMojo mojo) throws Exception {
        session.getUserProperties().setProperty("emr-serverless.conf.spark-defaults.spark.executor.memory", "16g");
        session.getUserProperties()
                .setProperty("emr-serverless.conf.spark-hive-site.hive.metastore.uris", "thrift://meta:9083");
        // Configured before the test set the properties: reconfigure through the field the property feeds.
        prepare(mojo).execute();

        JsonNode overrides = emulator.sessionRequest(emulator.sessionIds().get(0))
                .at("/configurationOverrides/runtimeConfiguration");
        assertThat(overrides.toString())
                .isEqualTo(
                        "[{\"classification\":\"spark-defaults\",\"properties\":"
                                + "{\"spark.executor.memory\":\"16g\",\"spark.driver.memory\":\"2g\",\"spark.app.secretKey\":\"hush\"}},"
                                + "{\"classification\":\"spark-hive-site\",\"properties\":{\"hive.metastore.uris\":\"thrift://meta:9083\"}}]");
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    @MojoParameter(name = "executionRoleArn", value = "arn:aws:iam::123:role/short-account")
    void invalidInputFailsBeforeAnyCall(StartSessionMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "Invalid <executionRoleArn> 'arn:aws:iam::123:role/short-account' (from POM <executionRoleArn>); allowed: an IAM role ARN");
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    @MojoParameter(name = "dryRun", value = "true")
    void dryRunPrintsTheRequestAndSendsNothing(StartSessionMojo mojo) throws Exception {
        prepare(mojo).execute();

        assertThat(emulator.calls()).isEmpty();
        assertThat(log.text())
                .contains("Dry run: StartSession request for application appready")
                .contains("\"executionRoleArn\" : \"arn:aws:iam::123456789012:role/session-role\"")
                .contains("\"spark.executor.memory\" : \"8g\"")
                .contains("\"spark.app.secretKey\" : \"****\"");
        assertThat(project.getProperties()).doesNotContainKey("emr-serverless.sessionId");
        assertThat(new File(temp.toFile(), "session.json")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    @MojoParameter(name = "applicationId", value = "appfailing")
    void aFailedSessionFailsTheBuildWithItsStateDetails(StartSessionMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(
                        "is FAILED instead of ready: Session failed to start: the execution role could not be assumed");
    }

    @Test
    @InjectMojo(goal = "start-session", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(StartSessionMojo mojo) throws Exception {
        prepare(mojo).execute();
        assertThat(emulator.calls()).isEmpty();
        assertThat(log.text()).isEqualTo("[INFO] Skipping: emr-serverless.skip=true");
    }
}
