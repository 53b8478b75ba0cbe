package io.github.emrserverless.core.emulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        String payloadHash = hex(sha256(body));
        String claimed = first(headers, "X-Amz-Content-Sha256");
        if (claimed != null && !claimed.equals(payloadHash) && !claimed.equals("UNSIGNED-PAYLOAD")) {
            return failure(accessKey, "InvalidSignatureException", "The provided x-amz-content-sha256 does not match.");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : m.group(5).split(";")) {
            List<String> values = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .map(value -> value.trim().replaceAll(" +", " "))
                    .toList();
            if (values.isEmpty()) {
                return failure(accessKey, "InvalidSignatureException", "Signed header " + name + " is missing");
            }
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(String.join(",", values))
                    .append('\n');
        }
        // Computed here from the specification, not by the SDK's signer: a verifier that shared the client's signer
        // would accept what only that signer does (it signs x-amz-content-sha256, which botocore does not).
        String canonicalRequest = String.join(
                "\n",
                method,
                canonicalUri(uri.getRawPath()),
                canonicalQuery(uri.getRawQuery()),
                canonicalHeaders.toString(),
                m.group(5),
                claimed != null && claimed.equals("UNSIGNED-PAYLOAD") ? claimed : payloadHash);
        String scope = m.group(2) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + first(headers, "X-Amz-Date") + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + known.secretAccessKey()).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(hmac(hmac(key, region), service), "aws4_request");
        if (!MessageDigest.isEqual(
                hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return failure(
                    accessKey,
                    "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return new Result(accessKey, region, null, null);
    }

    /** The path as sent, encoded once more (every service but S3 signs it double-encoded), "/" when empty. */
    static String canonicalUri(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : encode(rawPath, true);
    }

    /** Parameters sorted by name, then value, each encoded the SigV4 way. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(new String[] {encode(name, false), encode(value, false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 3986: unreserved characters stay, everything else is %XX in upper case ("/" stays in a path). */
    private static String encode(String text, boolean path) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-_.~".indexOf(c) >= 0
                    || (path && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
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
