package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.emrserverless.core.api.Application;
import io.github.emrserverless.core.api.ApplicationState;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionPage;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorCredentials;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class HttpSessionApiTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/session-role";

    EmrServerlessEmulator emulator;
    UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDBASIC", "basic-secret", null))
                .credentials(new EmulatorCredentials("ASIATEMP", "temp-secret", "temp-session-token"))
                .application(ApplicationSpec.started("app1"))
                .application(ApplicationSpec.started("nosessions").withSessionEnabled(false))
                .application(ApplicationSpec.started("listed"))
                .pageSize(2)
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    SessionApi api(AwsCredentialsIdentity credentials) {
        StaticCredentialsProvider provider = StaticCredentialsProvider.create(
                credentials instanceof AwsSessionCredentials s ? s : (AwsBasicCredentials) credentials);
        return SessionApis.against(emulator.uri(), http).credentials(provider).build();
    }

    SessionApi basic() {
        return api(AwsBasicCredentials.create("AKIDBASIC", "basic-secret"));
    }

    static StartSessionRequest request(String applicationId, String token) {
        return StartSessionRequests.valid()
                .applicationId(applicationId)
                .clientToken(token)
                .executionRoleArn(ROLE)
                .name("dev")
                .tags(Map.of("team", "data"))
                .runtimeConfiguration(
                        List.of(Configuration.of("spark-defaults", Map.of("spark.executor.memory", "4g"))))
                .build();
    }

    @Test
    void getApplicationReadsWhatSessionsDependOn() {
        Application started = basic().getApplication("app1");
        assertThat(started)
                .isEqualTo(new Application(
                        "app1",
                        ApplicationState.STARTED,
                        null,
                        new Application.AutoStartConfiguration(true),
                        new Application.InteractiveConfiguration(true)));
        assertThat(started.sessionsDisabled()).isFalse();
        assertThat(basic().getApplication("nosessions").sessionsDisabled()).isTrue();
        assertThat(emulator.calls())
                .extracting(EmrServerlessEmulator.Call::operation, EmrServerlessEmulator.Call::status)
                .containsExactly(tuple("GetApplication", 200), tuple("GetApplication", 200));
    }

    @Test
    void getApplicationOfAMissingApplicationThrowsTheSdkException() {
        assertThatThrownBy(() -> basic().getApplication("missing"))
                .isInstanceOf(ServiceException.NotFoundException.class);
    }

    @Test
    void startSessionSendsTheDocumentedBodyAndReturnsTheIdentity() {
        StartedSession started = basic().startSession(request("app1", "token-1"));

        assertThat(started.applicationId()).isEqualTo("app1");
        assertThat(started.arn())
                .isEqualTo("arn:aws:emr-serverless:eu-west-1:123456789012:/applications/app1/sessions/"
                        + started.sessionId());
        JsonNode body = emulator.sessionRequest(started.sessionId());
        assertThat(body.toString())
                .isEqualTo("{\"clientToken\":\"token-1\",\"executionRoleArn\":\"" + ROLE + "\","
                        + "\"name\":\"dev\",\"idleTimeoutMinutes\":30,\"tags\":{\"team\":\"data\"},"
                        + "\"configurationOverrides\":{\"runtimeConfiguration\":[{\"classification\":\"spark-defaults\","
                        + "\"properties\":{\"spark.executor.memory\":\"4g\"}}]}}");
    }

    @Test
    void getSessionReadsStateAndTimestamps() throws Exception {
        StartedSession started = basic().startSession(request("app1", "token-2"));
        Session submitted = basic().getSession("app1", started.sessionId());
        assertThat(submitted.state()).isIn(SessionState.SUBMITTED, SessionState.STARTING);
        assertThat(submitted.createdAt()).isNotNull();
        Thread.sleep(700);
        Session ready = basic().getSession("app1", started.sessionId());
        assertThat(ready.state()).isEqualTo(SessionState.STARTED);
        assertThat(ready.startedAt()).isAfter(ready.createdAt());
        assertThat(ready.tags()).containsEntry("team", "data");
        // What reuse compares: who started it, with which role and configuration.
        assertThat(ready.executionRoleArn()).startsWith("arn:aws:iam::");
        assertThat(ready.createdBy()).startsWith("arn:aws:");
        assertThat(ready.runtimeConfiguration())
                .containsExactly(io.github.emrserverless.core.config.Configuration.of(
                        "spark-defaults", java.util.Map.of("spark.executor.memory", "4g")));
    }

    @Test
    void sameClientTokenReturnsTheSameSessionAndDifferentParametersConflict() {
        StartedSession first = basic().startSession(request("app1", "token-3"));
        StartedSession again = basic().startSession(request("app1", "token-3"));
        assertThat(again).isEqualTo(first);
        assertThat(emulator.sessionIds()).hasSize(1);

        StartSessionRequest changed = StartSessionRequests.valid()
                .applicationId("app1")
                .clientToken("token-3")
                .executionRoleArn(ROLE)
                .name("other")
                .build();
        assertThatThrownBy(() -> basic().startSession(changed)).isInstanceOf(ServiceException.ConflictException.class);
    }

    @Test
    void aLostStartSessionResponseIsRetriedWithTheSameTokenAndStartsNoSecondSession() {
        emulator.failNext("StartSession", 500, "InternalServerException", true);
        emulator.failNext("StartSession", 429, "ThrottlingException", false);

        StartedSession started = basic().startSession(request("app1", "token-retry"));

        assertThat(emulator.sessionIds()).containsExactly(started.sessionId());
        List<EmrServerlessEmulator.Call> calls = emulator.calls();
        assertThat(calls).extracting(EmrServerlessEmulator.Call::status).containsExactly(500, 429, 200);
        assertThat(calls)
                .extracting(EmrServerlessEmulator.Call::body)
                .allMatch(body -> body.contains("\"clientToken\":\"token-retry\""));
    }

    @Test
    void clientErrorsAreNotRetried() {
        emulator.failNext("GetSession", 400, "ValidationException", false);
        assertThatThrownBy(() -> basic().getSession("app1", "abc")).satisfies(code("ValidationException"));
        assertThat(emulator.calls()).hasSize(1);
    }

    @Test
    void terminateMovesTheSessionToTerminatingAndIsIdempotent() {
        StartedSession started = basic().startSession(request("app1", "token-4"));
        basic().terminateSession("app1", started.sessionId());
        assertThat(emulator.sessionState(started.sessionId())).isIn("TERMINATING", "TERMINATED");
        basic().terminateSession("app1", started.sessionId());
    }

    @Test
    void listSessionsFiltersByStateAndPages() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(basic().startSession(request("listed", "list-" + i)).sessionId());
        }
        basic().terminateSession("listed", ids.get(0));

        SessionPage first = basic().listSessions("listed", List.of(), null, null);
        assertThat(first.sessions()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        SessionPage second = basic().listSessions("listed", List.of(), null, first.nextToken());
        assertThat(second.sessions()).hasSize(1);
        assertThat(second.nextToken()).isNull();

        SessionPage live =
                basic().listSessions("listed", List.of(SessionState.SUBMITTED, SessionState.STARTING), null, null);
        assertThat(live.sessions()).extracting(Session::sessionId).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(live.sessions()).allSatisfy(s -> assertThat(s.tags()).isNull());
    }

    static final List<SessionState> LIVE =
            List.of(SessionState.SUBMITTED, SessionState.STARTING, SessionState.STARTED, SessionState.IDLE);

    @Test
    void pagesGoOnThroughTheFirstPagesListingWhileOthersStartAndEndSessions() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(basic().startSession(request("listed", "paged-" + i)).sessionId());
        }
        SessionPage first = basic().listSessions("listed", LIVE, null, null);
        // Between the pages another build ends a listed session and starts one: the CI run where an offset into
        // the live list skipped a session the janitor had to see.
        basic().terminateSession("listed", first.sessions().get(0).sessionId());
        basic().startSession(request("listed", "paged-late"));
        List<String> listed = new java.util.ArrayList<>();
        first.sessions().forEach(s -> listed.add(s.sessionId()));
        for (String token = first.nextToken(); token != null; ) {
            SessionPage page = basic().listSessions("listed", LIVE, null, token);
            page.sessions().forEach(s -> listed.add(s.sessionId()));
            token = page.nextToken();
        }
        // The ended session left the live list after the first page: an offset into the list as it is now skips one.
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        // The last page asked for again with its token, as a retry after a lost answer does: the same page.
        SessionPage again = basic().listSessions("listed", LIVE, null, first.nextToken());
        assertThat(again.sessions()).isNotEmpty();
        assertThatThrownBy(() -> basic().listSessions("listed", List.of(), null, "l999o2"))
                .satisfies(code("ValidationException"));
    }

    @Test
    void sessionEndpointOnlyForReadySessionsAndItsTokenStaysOutOfToString() throws Exception {
        StartedSession started = basic().startSession(request("app1", "token-endpoint"));
        assertThatThrownBy(() -> basic().getSessionEndpoint("app1", started.sessionId()))
                .satisfies(code("ValidationException"));
        Thread.sleep(700);

        SessionEndpoint endpoint = basic().getSessionEndpoint("app1", started.sessionId());

        assertThat(endpoint.endpoint()).startsWith("sc://" + started.sessionId());
        assertThat(endpoint.authToken()).startsWith("emulated-token-");
        assertThat(endpoint.authTokenExpiresAt()).isAfter(java.time.Instant.now());
        assertThat(endpoint.toString()).doesNotContain(endpoint.authToken()).contains("authToken=****");
    }

    @Test
    void temporaryCredentialsSignTheSecurityToken() {
        SessionApi temporary = api(AwsSessionCredentials.create("ASIATEMP", "temp-secret", "temp-session-token"));
        assertThat(temporary.startSession(request("app1", "token-5")).sessionId())
                .isNotBlank();

        SessionApi wrongToken = api(AwsSessionCredentials.create("ASIATEMP", "temp-secret", "other-token"));
        assertThatThrownBy(() -> wrongToken.startSession(request("app1", "token-6")))
                .satisfies(code("UnrecognizedClientException"));
    }

    @Test
    void aWrongSecretFailsSignatureVerification() {
        SessionApi wrong = api(AwsBasicCredentials.create("AKIDBASIC", "not-the-secret"));
        assertThatThrownBy(() -> wrong.getSession("app1", "abc"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("signature")
                .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(403));
        assertThat(emulator.calls())
                .extracting(EmrServerlessEmulator.Call::errorType)
                .containsOnly("InvalidSignatureException");
    }

    @Test
    void modelledErrorsKeepTheirCodes() {
        assertThatThrownBy(() -> basic().getSession("app1", "missing"))
                .isInstanceOf(ServiceException.NotFoundException.class)
                .hasMessageContaining("Session missing does not exist");
        assertThatThrownBy(() -> basic().startSession(request("nosessions", "token-7")))
                .satisfies(code("ValidationException"))
                .hasMessageContaining("sessionEnabled");
    }

    @Test
    void unreachableEndpointIsAClientError() {
        SessionApi closed = SessionApis.against(java.net.URI.create("http://127.0.0.1:1"), http)
                .maxAttempts(2)
                .build();
        assertThatThrownBy(() -> closed.getSession("app1", "abc"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("GET /applications/app1/sessions/abc");
    }

    @Test
    void aRequestForANullOrForeignIdIsRefusedBeforeItIsSent() {
        assertThatThrownBy(() -> basic().terminateSession("app1", null))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("Refused to send a request for session ID null");
        assertThatThrownBy(() -> basic().getSession("../app1", "abc"))
                .hasMessageStartingWith("Refused to send a request for application ID '../app1'");
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    void aFailureAfterRetriesCarriesEveryEarlierAttempt() {
        emulator.failNext("StartSession", 500, "InternalServerException", true);
        emulator.failNext("StartSession", 400, "ValidationException", false);
        SessionApi twoTries = SessionApis.against(emulator.uri(), http)
                .accessKey("AKIDBASIC", "basic-secret")
                .maxAttempts(2)
                .build();

        assertThatThrownBy(() -> twoTries.startSession(request("app1", "token-9")))
                .satisfies(code("ValidationException"))
                .satisfies(last -> assertThat(((ServiceException) last).mayHaveTakenEffect())
                        .as("the first attempt's 500 may have started a session")
                        .isTrue());
    }

    /** The failure the core sees carries the service's error code (the SDK's exception is only its cause). */
    private static java.util.function.Consumer<Throwable> code(String errorCode) {
        return e -> assertThat(e)
                .isInstanceOf(ServiceException.class)
                .extracting(f -> ((ServiceException) f).errorCode())
                .isEqualTo(errorCode);
    }
}
