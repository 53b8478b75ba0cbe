package io.github.emrserverless.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The emulator refuses what the service refuses: every part of a request is covered by its signature. */
class SigV4VerifierTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final URI URI_SESSIONS = URI.create("http://127.0.0.1:8080/applications/app/sessions");
    static final byte[] BODY = "{\"clientToken\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    final SigV4Verifier verifier = new SigV4Verifier(
            Map.of("AKIDTEST", new EmulatorCredentials("AKIDTEST", "secret", null)),
            null,
            "eu-west-1",
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** A request as the SDK signs it: the headers it would send. */
    static Map<String, List<String>> signed(
            SdkHttpMethod method, URI uri, byte[] body, String service, String region, Instant at) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(method)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .build();
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("AKIDTEST", "secret"))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request()
                .headers();
    }

    static Map<String, List<String>> signed() {
        return signed(SdkHttpMethod.POST, URI_SESSIONS, BODY, "emr-serverless", "eu-west-1", NOW);
    }

    SigV4Verifier.Result verify(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        return verifier.verify(method, uri, headers, body);
    }

    @Test
    void anUntouchedRequestPasses() {
        SigV4Verifier.Result result = verify("POST", URI_SESSIONS, signed(), BODY);
        assertThat(result.ok()).isTrue();
        assertThat(result.region()).isEqualTo("eu-west-1");
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] other = "{\"clientToken\":\"u\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify("POST", URI_SESSIONS, signed(), other).errorType()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aTamperedPathIsRefused() {
        URI other = URI.create("http://127.0.0.1:8080/applications/other/sessions");
        assertThat(verify("POST", other, signed(), BODY).errorType()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aTamperedMethodIsRefused() {
        assertThat(verify("PUT", URI_SESSIONS, signed(), BODY).errorType()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aSignatureScopedToAnotherServiceOrRegionIsRefused() {
        Map<String, String> scopes =
                Map.of("emr-containers/eu-west-1", "correct service", "emr-serverless/us-east-1", "valid region");
        scopes.forEach((scope, complaint) -> {
            String[] parts = scope.split("/");
            Map<String, List<String>> headers = signed(SdkHttpMethod.POST, URI_SESSIONS, BODY, parts[0], parts[1], NOW);
            SigV4Verifier.Result result = verify("POST", URI_SESSIONS, headers, BODY);
            assertThat(result.errorType()).as(scope).isEqualTo("InvalidSignatureException");
            assertThat(result.message()).as(scope).contains(complaint);
        });
    }

    @Test
    void aSignatureSixteenMinutesOffIsRefusedFourteenIsNot() {
        for (Duration skew : List.of(Duration.ofMinutes(16), Duration.ofMinutes(-16))) {
            Map<String, List<String>> headers =
                    signed(SdkHttpMethod.POST, URI_SESSIONS, BODY, "emr-serverless", "eu-west-1", NOW.plus(skew));
            assertThat(verify("POST", URI_SESSIONS, headers, BODY).message()).isEqualTo("Signature expired");
        }
        Map<String, List<String>> close = signed(
                SdkHttpMethod.POST,
                URI_SESSIONS,
                BODY,
                "emr-serverless",
                "eu-west-1",
                NOW.minus(Duration.ofMinutes(14)));
        assertThat(verify("POST", URI_SESSIONS, close, BODY).ok()).isTrue();
    }

    @Test
    void anotherSecretIsRefused() {
        SigV4Verifier strict = new SigV4Verifier(
                Map.of("AKIDTEST", new EmulatorCredentials("AKIDTEST", "other-secret", null)),
                null,
                "eu-west-1",
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(strict.verify("POST", URI_SESSIONS, signed(), BODY).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    /**
     * A request as botocore (boto3, the AWS CLI) signs it: only host and x-amz-date, no x-amz-content-sha256. The
     * signature was computed by botocore 1.43.11 ({@code SigV4Auth(...).add_auth}) for these values.
     */
    @Test
    void aRequestSignedByBotocoreIsAccepted() {
        Instant at = Instant.parse("2026-12-05T15:59:23Z");
        SigV4Verifier botocoreVerifier =
                new SigV4Verifier(Map.of(), "emulator-secret", "eu-west-1", Clock.fixed(at, ZoneOffset.UTC));
        String authorization =
                "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/20261205/eu-west-1/emr-serverless/aws4_request,"
                        + " SignedHeaders=host;x-amz-date,"
                        + " Signature=8553ea4087782261040f4cdb6e9845259f971c6efc7188568b3ce10cc9b89c0c";
        Map<String, List<String>> headers = Map.of(
                "Host", List.of("127.0.0.1:18555"),
                "X-Amz-Date", List.of("20261205T155923Z"),
                "Authorization", List.of(authorization));
        URI uri = URI.create("http://127.0.0.1:18555/applications/appready");

        assertThat(botocoreVerifier.verify("GET", uri, headers, new byte[0]).ok())
                .isTrue();
        assertThat(botocoreVerifier
                        .verify("GET", URI.create("http://127.0.0.1:18555/applications/other"), headers, new byte[0])
                        .ok())
                .isFalse();
    }
}
