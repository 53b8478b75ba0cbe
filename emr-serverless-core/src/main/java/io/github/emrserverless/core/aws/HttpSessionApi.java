package io.github.emrserverless.core.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.Application;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionPage;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.support.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The session operations, and GetApplication, as rest-json requests built from SDK parts: the SDK signs
 * them (SigV4), resolves the credentials, sends them over its HTTP client and decides on retries and
 * backoff; Jackson reads and writes the JSON. A StartSession retry sends the same body, so the same {@code clientToken}, and the
 * service answers it with the session the first attempt created.
 */
final class HttpSessionApi implements SessionApi {

    static final String SIGNING_NAME = "emr-serverless";

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final Region region;
    private final URI endpoint;
    private final RetryStrategy retryStrategy;
    private final JSON json;
    private final Sleeper sleeper;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final RestJsonErrors errors;

    public HttpSessionApi(
            SdkHttpClient http,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            Region region,
            URI endpoint,
            RetryStrategy retryStrategy,
            JSON json,
            Sleeper sleeper) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.retryStrategy = retryStrategy;
        this.json = json;
        this.sleeper = sleeper;
        this.errors = new RestJsonErrors(json);
    }

    @Override
    public Application getApplication(String applicationId) {
        return call(
                        SdkHttpMethod.GET,
                        ApiPaths.applicationPath(applicationId),
                        Map.of(),
                        null,
                        Responses.GetApplicationResponse.class)
                .application();
    }

    @Override
    public StartedSession startSession(StartSessionRequest request) {
        return call(
                SdkHttpMethod.POST,
                ApiPaths.sessionsPath(request.applicationId()),
                Map.of(),
                write(request.body()),
                StartedSession.class);
    }

    @Override
    public Session getSession(String applicationId, String sessionId) {
        return call(
                        SdkHttpMethod.GET,
                        ApiPaths.sessionPath(applicationId, sessionId),
                        Map.of(),
                        null,
                        Responses.GetSessionResponse.class)
                .session();
    }

    @Override
    public void terminateSession(String applicationId, String sessionId) {
        call(
                SdkHttpMethod.DELETE,
                ApiPaths.sessionPath(applicationId, sessionId),
                Map.of(),
                null,
                Responses.TerminateSessionResponse.class);
    }

    @Override
    public SessionPage listSessions(
            String applicationId, List<SessionState> states, java.time.Instant createdAfter, String nextToken) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (!states.isEmpty()) {
            query.put("states", states.stream().map(SessionState::name).toList());
        }
        if (createdAfter != null) {
            // Timestamps in query strings are ISO 8601 in UTC (rest-json).
            query.put(
                    "createdAtAfter",
                    List.of(createdAfter
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .toString()));
        }
        if (nextToken != null) {
            query.put("nextToken", List.of(nextToken));
        }
        // The largest page the API allows: an application may hold thousands of sessions of the last day.
        query.put("maxResults", List.of("50"));
        return call(SdkHttpMethod.GET, ApiPaths.sessionsPath(applicationId), query, null, SessionPage.class);
    }

    @Override
    public SessionEndpoint getSessionEndpoint(String applicationId, String sessionId) {
        return call(
                SdkHttpMethod.GET,
                ApiPaths.sessionPath(applicationId, sessionId) + "/endpoint",
                Map.of(),
                null,
                SessionEndpoint.class);
    }

    @Override
    public String getSessionDashboard(String applicationId, String sessionId) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("resourceId", List.of(ApiPaths.checkedId("sessionId", sessionId)));
        query.put("resourceType", List.of("SESSION"));
        return call(
                        SdkHttpMethod.GET,
                        ApiPaths.applicationPath(applicationId) + "/dashboard",
                        query,
                        null,
                        Responses.GetResourceDashboardResponse.class)
                .url();
    }

    private <T> T call(
            SdkHttpMethod method, String path, Map<String, List<String>> query, byte[] body, Class<T> responseType) {
        RetryToken token = retryStrategy
                .acquireInitialToken(AcquireInitialTokenRequest.create(SIGNING_NAME))
                .token();
        List<SdkException> earlier = new ArrayList<>();
        while (true) {
            try {
                T response = callOnce(method, path, query, body, responseType);
                retryStrategy.recordSuccess(RecordSuccessRequest.create(token));
                return response;
            } catch (SdkException failure) {
                RefreshRetryTokenResponse retry;
                try {
                    retry = retryStrategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                            .token(token)
                            .failure(failure)
                            .build());
                } catch (TokenAcquisitionFailedException noMoreRetries) {
                    // Each attempt's failure travels with the last one: an earlier attempt may have taken effect.
                    earlier.forEach(failure::addSuppressed);
                    throw SdkFailures.translate(failure);
                }
                earlier.add(failure);
                pause(retry);
                token = retry.token();
            }
        }
    }

    private void pause(RefreshRetryTokenResponse retry) {
        try {
            sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.unanswered("Interrupted while waiting to retry", e);
        }
    }

    private <T> T callOnce(
            SdkHttpMethod method, String path, Map<String, List<String>> query, byte[] body, Class<T> responseType) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .uri(endpoint)
                .encodedPath(stripTrailingSlash(endpoint.getRawPath()) + path)
                .rawQueryParameters(query);
        ContentStreamProvider payload = null;
        if (body != null) {
            request.putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", String.valueOf(body.length));
            payload = ContentStreamProvider.fromByteArrayUnsafe(body);
        }
        SignedRequest signed = sign(request.build(), payload);
        HttpExecuteResponse response;
        byte[] responseBody;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            responseBody = readBody(response);
        } catch (IOException | UncheckedIOException e) {
            throw SdkClientException.builder()
                    .message(method + " " + path + " to " + endpoint.getHost() + " failed: " + e.getMessage())
                    .cause(e)
                    .build();
        }
        if (!response.httpResponse().isSuccessful()) {
            throw errors.toException(response.httpResponse(), responseBody);
        }
        try {
            return json.beanFrom(
                    responseType, responseBody.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : responseBody);
        } catch (IOException e) {
            throw SdkClientException.builder()
                    .message("Unreadable " + method + " " + path + " response: " + e.getMessage())
                    .cause(e)
                    .build();
        }
    }

    private SignedRequest sign(SdkHttpRequest request, ContentStreamProvider payload) {
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveIdentity().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof SdkException sdk
                    ? sdk
                    : SdkClientException.create("No credentials", e.getCause());
        }
        return signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    }

    private static byte[] readBody(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.asBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request body", e);
        }
    }

    private static String stripTrailingSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
