package io.github.emrserverless.core.emulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Verifies a SigV4 signature the way the service does: recompute it from the same secret over the signed
 * headers, the path, the query and the body, at the request's own X-Amz-Date, and compare.
 */
final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The outcome: the caller's access key and region, or the rest-json error to send. */
    record Result(String accessKeyId, String region, String errorType, String message) {
        boolean ok() {
            return errorType == null;
        }
    }

    private final Map<String, EmulatorCredentials> credentials;
    private final String anyKeySecret;
    private final String ownRegion;
    private final Clock clock;

    /** @param ownRegion the region this emulator serves: a signature scoped to another is refused, as AWS does */
    SigV4Verifier(Map<String, EmulatorCredentials> credentials, String anyKeySecret, String ownRegion, Clock clock) {
        this.credentials = credentials;
        this.anyKeySecret = anyKeySecret;
        this.ownRegion = ownRegion;
        this.clock = clock;
    }

    static String accessKeyOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        return m.matches() ? m.group(1) : null;
    }

    Result verify(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        return verify(method, uri, headers, body, "emr-serverless");
    }

    Result verify(String method, URI uri, Map<String, List<String>> headers, byte[] body, String service) {
        String authorization = first(headers, "Authorization");
        if (authorization == null) {
            return failure(null, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return failure(null, "IncompleteSignatureException", "Authorization header is not AWS4-HMAC-SHA256");
        }
        String accessKey = m.group(1);
        String region = m.group(3);
        if (!ownRegion.equals(region)) {
            return failure(
                    accessKey,
                    "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not '" + region + "'.");
        }
        if (!service.equals(m.group(4))) {
            return failure(
                    accessKey,
                    "InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        EmulatorCredentials known = credentials.get(accessKey);
        if (known == null && anyKeySecret != null) {
            known = new EmulatorCredentials(accessKey, anyKeySecret, null);
        }
        if (known == null) {
            return failure(
                    accessKey, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        String token = first(headers, "X-Amz-Security-Token");
        if (known.sessionToken() != null && !known.sessionToken().equals(token)) {
            return failure(
                    accessKey, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(first(headers, "X-Amz-Date"), Instant::from);
        } catch (DateTimeParseException | NullPointerException e) {
            return failure(accessKey, "IncompleteSignatureException", "X-Amz-Date is missing or malformed");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return failure(accessKey, "InvalidSignatureException", "Signature expired");
        }
        SdkHttpRequest.Builder request =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        for (String name : m.group(5).split(";")) {
            List<String> values = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
            if (values.isEmpty()) {
                return failure(accessKey, "InvalidSignatureException", "Signed header " + name + " is missing");
            }
            request.putHeader(name, values);
        }
        AwsCredentialsIdentity identity = token == null
                ? AwsCredentialsIdentity.create(accessKey, known.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(accessKey, known.secretAccessKey(), token);
        SignedRequest expected = AwsV4HttpSigner.create()
                .sign(r -> r.identity(identity)
                        .request(request.build())
                        .payload(body.length == 0 ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String expectedAuthorization =
                expected.request().firstMatchingHeader("Authorization").orElse("");
        if (!expectedAuthorization.endsWith("Signature=" + m.group(6))) {
            return failure(
                    accessKey,
                    "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return new Result(accessKey, region, null, null);
    }

    private static Result failure(String accessKey, String type, String message) {
        return new Result(accessKey, null, type, message);
    }

    static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
