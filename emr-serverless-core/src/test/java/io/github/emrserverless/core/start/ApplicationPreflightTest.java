package io.github.emrserverless.core.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorCredentials;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/**
 * The pre-flight against the emulator: GetApplication through the session API, StartApplication through the
 * SDK's own emrserverless client, as the goal wires them.
 */
class ApplicationPreflightTest {

    static EmrServerlessEmulator emulator;
    static final SdkHttpClient http = UrlConnectionHttpClient.create();
    static EmrServerlessClient client;
    static SessionApi api;
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> log = reporter.lines;

    @BeforeAll
    static void start() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDPREFLIGHT", "secret", null))
                .application(ApplicationSpec.started("started"))
                .application(ApplicationSpec.started("stoppednoauto")
                        .withState("STOPPED")
                        .withAutoStart(false))
                .application(ApplicationSpec.started("stoppednoauto2")
                        .withState("STOPPED")
                        .withAutoStart(false))
                .application(ApplicationSpec.started("createdauto").withState("CREATED"))
                .application(ApplicationSpec.started("creating")
                        .withState("CREATING")
                        .withTransitionDelay(Duration.ofSeconds(3)))
                .application(ApplicationSpec.started("gone").withState("TERMINATED"))
                .application(ApplicationSpec.started("nosessions")
                        .withState("STOPPED")
                        .withAutoStart(false)
                        .withSessionEnabled(false))
                .start();
        client = EmrServerlessClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(emulator.uri())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPREFLIGHT", "secret")))
                .httpClient(http)
                .build();
        api = sessionApi("AKIDPREFLIGHT", "secret");
    }

    static SessionApi sessionApi(String accessKeyId, String secret) {
        return SessionApis.against(emulator.uri(), http)
                .accessKey(accessKeyId, secret)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        http.close();
        emulator.close();
    }

    ApplicationPreflight preflight() {
        Poller poller = new Poller(
                Clock.systemUTC(), Sleeper.SYSTEM, new PollSchedule(Duration.ofMillis(100), Duration.ofMillis(100), 0));
        return new ApplicationPreflight(api, id -> client.startApplication(r -> r.applicationId(id)), poller, reporter);
    }

    List<String> operationsOn(String applicationId) {
        return emulator.callsBy("AKIDPREFLIGHT").stream()
                .filter(c -> applicationId.equals(c.applicationId()))
                .map(EmrServerlessEmulator.Call::operation)
                .toList();
    }

    @Test
    void aStartedApplicationNeedsNothing() throws Exception {
        assertThat(preflight().ensureReady("started", true, Duration.ofSeconds(10)))
                .isFalse();
        assertThat(operationsOn("started")).containsExactly("GetApplication");
    }

    @Test
    void aStoppedApplicationWithoutAutoStartIsStartedAndAwaited() throws Exception {
        assertThat(preflight().ensureReady("stoppednoauto", true, Duration.ofSeconds(10)))
                .as("it says it started the application")
                .isTrue();

        assertThat(operationsOn("stoppednoauto"))
                .startsWith("GetApplication", "StartApplication")
                .endsWith("GetApplication");
        assertThat(log)
                .containsExactly(
                        "info: Starting application stoppednoauto (STOPPED, auto-start disabled)",
                        "info: Waiting for application stoppednoauto (STOPPED)",
                        "info: Application stoppednoauto is STARTED. Nothing stops it again but its auto-stop setting,"
                                + " or terminate-session with <stopApplication>true</stopApplication>.");
    }

    @Test
    void withoutStartApplicationAStoppedApplicationFailsClearly() {
        assertThatThrownBy(() -> preflight().ensureReady("stoppednoauto2", false, Duration.ofSeconds(10)))
                .isInstanceOf(SessionException.class)
                .hasMessage(
                        "Application stoppednoauto2 is STOPPED and has auto-start disabled. Start it (aws emr-serverless"
                                + " start-application --application-id stoppednoauto2), enable auto-start, or set"
                                + " <startApplication>true</startApplication>.");
        assertThat(operationsOn("stoppednoauto2")).containsExactly("GetApplication");
    }

    @Test
    void anAutoStartingApplicationIsLeftToTheSession() throws Exception {
        preflight().ensureReady("createdauto", true, Duration.ofSeconds(10));
        assertThat(log)
                .containsExactly("info: Application createdauto is CREATED; it starts automatically with the session.");
        assertThat(operationsOn("createdauto")).containsExactly("GetApplication");
    }

    @Test
    void transitionalStatesAreWaitedOut() throws Exception {
        preflight().ensureReady("creating", true, Duration.ofSeconds(10));
        assertThat(log).first().isEqualTo("info: Waiting for application creating (CREATING)");
        assertThat(operationsOn("creating")).hasSizeGreaterThan(1).doesNotContain("StartApplication");
    }

    @Test
    void terminatedOrMissingApplicationsFailClearly() {
        assertThatThrownBy(() -> preflight().ensureReady("gone", true, Duration.ofSeconds(10)))
                .hasMessage("Application gone is TERMINATED and cannot run sessions.");
        assertThatThrownBy(() -> preflight().ensureReady("missing", true, Duration.ofSeconds(10)))
                .hasMessage(
                        "Application missing was not found. Check <applicationId> and that <region> is the application's region.");
    }

    @Test
    void anApplicationWithoutSessionsFailsBeforeAnythingElse() {
        assertThatThrownBy(() -> preflight().ensureReady("nosessions", true, Duration.ofSeconds(10)))
                .isInstanceOf(SessionException.class)
                .hasMessage(
                        "Application nosessions does not allow interactive sessions (interactiveConfiguration.sessionEnabled"
                                + " is false). Enable them: aws emr-serverless update-application --application-id nosessions"
                                + " --interactive-configuration sessionEnabled=true");
        assertThat(operationsOn("nosessions")).containsExactly("GetApplication");
    }

    @Test
    void accessDeniedOnGetApplicationOnlyWarns() {
        ApplicationPreflight preflight = new ApplicationPreflight(
                sessionApi("AKIDUNKNOWN", "x"),
                id -> {
                    throw new AssertionError("not to be started");
                },
                new Poller(Clock.systemUTC(), Sleeper.SYSTEM, PollSchedule.DEFAULT),
                reporter);
        assertThatCode(() -> preflight.ensureReady("started", true, Duration.ofSeconds(1)))
                .doesNotThrowAnyException();
        assertThat(log)
                .containsExactly("warn: Cannot check application started (GetApplication was denied); going on,"
                        + " StartSession will tell. Grant emr-serverless:GetApplication for clearer errors.");
    }
}
