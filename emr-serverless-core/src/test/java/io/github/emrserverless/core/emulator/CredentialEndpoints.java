package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The credential services the plugin's credential chains call: STS AssumeRole and GetCallerIdentity (query protocol, XML answers) for
 * {@code roleArn} against AWS_ENDPOINT_URL_STS, and the IAM Identity Center portal's GetRoleCredentials
 * (rest-json, a bearer token instead of SigV4) for SSO profiles against AWS_ENDPOINT_URL_SSO. The temporary
 * credentials they issue are accepted by the emulator from then on.
 */
final class CredentialEndpoints {

    private final Map<String, EmulatorCredentials> accepted;
    private final SigV4Verifier verifier;
    private final Ids ids;
    private final Clock clock;
    private final Consumer<EmrServerlessEmulator.Call> calls;
    private final ObjectMapper mapper = new ObjectMapper();

    CredentialEndpoints(
            Map<String, EmulatorCredentials> accepted,
            SigV4Verifier verifier,
            Ids ids,
            Clock clock,
            Consumer<EmrServerlessEmulator.Call> calls) {
        this.accepted = accepted;
        this.verifier = verifier;
        this.ids = ids;
        this.clock = clock;
        this.calls = calls;
    }

    Reply sts(Headers headers, byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> parameters = EmrServerlessEmulator.query(URI.create("http://x/?" + form));
        String accessKey = SigV4Verifier.accessKeyOf(headers.getFirst("Authorization"));
        URI signedUri = URI.create("http://" + headers.getFirst("Host") + "/");
        SigV4Verifier.Result auth = verifier.verify("POST", signedUri, headers, body, "sts");
        String action = parameters.getOrDefault("Action", List.of("?")).get(0);
        Reply reply;
        if (!auth.ok()) {
            reply = Reply.xml(
                    403,
                    "<ErrorResponse><Error><Type>Sender</Type><Code>" + auth.errorType() + "</Code><Message>"
                            + auth.message() + "</Message></Error><RequestId>sts-1</RequestId></ErrorResponse>");
        } else if (action.equals("GetCallerIdentity")) {
            reply = Reply.xml(
                    200,
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetCallerIdentityResult><Arn>" + EmulatedService.principal(accessKey) + "</Arn><UserId>"
                            + "AIDAEMULATOR" + accessKey + "</UserId><Account>" + EmulatedService.ACCOUNT
                            + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>sts-4</RequestId>"
                            + "</ResponseMetadata></GetCallerIdentityResponse>");
        } else if (!action.equals("AssumeRole")
                || !parameters.containsKey("RoleArn")
                || !parameters.get("RoleArn").get(0).matches("arn:aws:iam::\\d{12}:role/.+")) {
            reply = Reply.xml(
                    403,
                    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized"
                            + " to perform sts:AssumeRole</Message></Error><RequestId>sts-2</RequestId></ErrorResponse>");
        } else {
            String role = parameters.get("RoleArn").get(0);
            String sessionName =
                    parameters.getOrDefault("RoleSessionName", List.of("")).get(0);
            EmulatorCredentials issued = issue();
            reply = Reply.xml(
                    200,
                    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                            + "<Credentials><AccessKeyId>" + issued.accessKeyId() + "</AccessKeyId><SecretAccessKey>"
                            + issued.secretAccessKey() + "</SecretAccessKey><SessionToken>" + issued.sessionToken()
                            + "</SessionToken><Expiration>" + expiration().truncatedTo(ChronoUnit.SECONDS)
                            + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEMULATOR:" + sessionName
                            + "</AssumedRoleId><Arn>"
                            + role.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/"
                            + sessionName
                            + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sts-3"
                            + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
        }
        calls.accept(new EmrServerlessEmulator.Call(
                action, null, accessKey, reply.status(), reply.status() == 200 ? null : "AccessDenied", form));
        return reply;
    }

    /** Accepts the token {@value EmrServerlessEmulator#SSO_ACCESS_TOKEN}, as {@code aws sso login} would have cached it. */
    Reply ssoRoleCredentials(Headers headers, URI uri) {
        Map<String, List<String>> parameters = EmrServerlessEmulator.query(uri);
        String account = parameters.getOrDefault("account_id", List.of("")).get(0);
        String role = parameters.getOrDefault("role_name", List.of("")).get(0);
        if (!EmrServerlessEmulator.SSO_ACCESS_TOKEN.equals(headers.getFirst("x-amz-sso_bearer_token"))) {
            calls.accept(new EmrServerlessEmulator.Call(
                    "GetRoleCredentials", null, null, 401, "UnauthorizedException", account + "/" + role));
            return Reply.json(
                    401,
                    mapper.createObjectNode().put("message", "Session token not found or invalid"),
                    "UnauthorizedException");
        }
        EmulatorCredentials issued = issue();
        calls.accept(new EmrServerlessEmulator.Call(
                "GetRoleCredentials", null, null, 200, null, account + "/" + role + " issued " + issued.accessKeyId()));
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("roleCredentials")
                .put("accessKeyId", issued.accessKeyId())
                .put("secretAccessKey", issued.secretAccessKey())
                .put("sessionToken", issued.sessionToken())
                .put("expiration", expiration().toEpochMilli());
        return Reply.json(200, answer, null);
    }

    private EmulatorCredentials issue() {
        // The trailing T: an issued key never ends like an account suffix of EmulatedService by chance.
        EmulatorCredentials issued = new EmulatorCredentials(
                "ASIA" + ids.next().toUpperCase(Locale.ROOT) + "T",
                "secret-" + UUID.randomUUID(),
                "token-" + UUID.randomUUID());
        accepted.put(issued.accessKeyId(), issued);
        return issued;
    }

    private Instant expiration() {
        return clock.instant().plus(Duration.ofHours(1));
    }
}
