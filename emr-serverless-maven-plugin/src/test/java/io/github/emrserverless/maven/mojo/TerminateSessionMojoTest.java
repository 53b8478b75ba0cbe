package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

@MojoTest
class TerminateSessionMojoTest {

    static final String POM = "classpath:/mojo/terminate-session-pom.xml";

    @Inject
    MavenSession session;

    EmrServerlessEmulator emulator;
    final CapturingLog log = new CapturingLog();
    String sessionId;

    @BeforeEach
    void startSession() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret(System.getProperty("aws.secretAccessKey"))
                .application(ApplicationSpec.started("appready"))
                .terminateDelay(Duration.ofMillis(100))
                .start();
        try (UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create()) {
            sessionId = SessionApis.against(emulator.uri(), http)
                    .accessKey("AKIDSETUP", System.getProperty("aws.secretAccessKey"))
                    .build()
                    .startSession(StartSessionRequests.valid()
                            .applicationId("appready")
                            .build())
                    .sessionId();
        }
        session.getUserProperties()
                .setProperty("emr-serverless.endpoint", emulator.uri().toString());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @InjectMojo(goal = "terminate-session", pom = POM)
    void terminatesTheExportedSessionAndWaitsForIt(TerminateSessionMojo mojo) throws Exception {
        MojoExtensionSupport.set(mojo, "sessionId", sessionId);
        mojo.setLog(log);

        mojo.execute();

        assertThat(emulator.sessionState(sessionId)).isEqualTo("TERMINATED");
        assertThat(log.text())
                .containsPattern("\\[INFO] Terminating session " + sessionId + " \\(was (SUBMITTED|STARTING)\\)")
                .contains("[INFO] Session " + sessionId + " is TERMINATED");
    }

    @Test
    @InjectMojo(goal = "terminate-session", pom = POM)
    void withoutSessionIdOrMatchTagsItSaysWhatToSet(TerminateSessionMojo mojo) {
        mojo.setLog(log);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "Missing <sessionId>. Set it in the plugin configuration or pass -Demr-serverless.sessionId=<id>;"
                                + " start-session earlier in the same build sets it for you; or set <matchTags> to terminate every live"
                                + " session with those tags, or <expired>true</expired> every expired one.");
        assertThat(emulator.callsBy("AKIDUNITTESTS")).isEmpty();
    }

    @Test
    @InjectMojo(goal = "terminate-session", pom = POM)
    @MojoParameter(name = "terminationTimeout", value = "soon")
    void aBadTimeoutNamesTheParameter(TerminateSessionMojo mojo) throws Exception {
        MojoExtensionSupport.set(mojo, "sessionId", sessionId);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "Invalid <terminationTimeout> 'soon' (from POM <terminationTimeout>); allowed: an ISO-8601 duration");
    }
}
