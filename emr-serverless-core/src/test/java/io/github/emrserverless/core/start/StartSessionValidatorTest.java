package io.github.emrserverless.core.start;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartSessionValidatorTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/path/to/session-role";
    final StartSessionValidator validator = new StartSessionValidator(parameter -> "-Demr-serverless." + parameter);

    static StartSessionRequest request(
            String app, String token, String role, String name, Long idle, Map<String, String> tags) {
        return StartSessionRequest.builder()
                .applicationId(app)
                .clientToken(token)
                .executionRoleArn(role)
                .name(name)
                .idleTimeoutMinutes(idle)
                .tags(tags)
                .build();
    }

    void assertInvalid(StartSessionRequest request, String message) {
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsAValidRequest() {
        assertThatCode(() -> validator.validate(
                        request("00fabc123", "3f0c-a_b.c", ROLE, "dev", 30L, Map.of("team", "data a/b:c=d+e@f"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(
                        request("a", "t", "arn:aws-cn:iam::123456789012:role/r", null, 1_000_000L, Map.of("k", ""))))
                .doesNotThrowAnyException();
    }

    @Test
    void applicationIdMustBeLowercaseAlphanumeric() {
        assertInvalid(
                request("My-App", "t", ROLE, null, 30L, Map.of()),
                "Invalid <applicationId> 'My-App' (from -Demr-serverless.applicationId); allowed: 1 to 64 characters of 0-9 and a-z, like 00fabcdef1234567.");
        assertInvalid(
                request("a".repeat(65), "t", ROLE, null, 30L, Map.of()),
                "Invalid <applicationId> '" + "a".repeat(65)
                        + "' (from -Demr-serverless.applicationId); allowed: 1 to 64 characters of 0-9 and a-z, like 00fabcdef1234567.");
        assertInvalid(
                request(null, "t", ROLE, null, 30L, Map.of()),
                "Missing <applicationId>. Pass -Demr-serverless.applicationId=<id>.");
    }

    @Test
    void clientTokenFollowsThePattern() {
        assertInvalid(
                request("app", "has space", ROLE, null, 30L, Map.of()),
                "Invalid <clientToken> 'has space' (from -Demr-serverless.clientToken); allowed: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'.");
        assertInvalid(
                request("app", "t".repeat(65), ROLE, null, 30L, Map.of()),
                "Invalid <clientToken> '" + "t".repeat(65)
                        + "' (from -Demr-serverless.clientToken); allowed: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'.");
    }

    @Test
    void executionRoleArnMustBeARoleArn() {
        String allowed =
                "allowed: an IAM role ARN of 20 to 2048 characters, like arn:aws:iam::123456789012:role/my-session-role.";
        assertInvalid(
                request("app", "t", "arn:aws:iam::123456789012:user/bob", null, 30L, Map.of()),
                "Invalid <executionRoleArn> 'arn:aws:iam::123456789012:user/bob' (from -Demr-serverless.executionRoleArn); "
                        + allowed);
        assertInvalid(
                request("app", "t", "arn:aws:iam::12345:role/r", null, 30L, Map.of()),
                "Invalid <executionRoleArn> 'arn:aws:iam::12345:role/r' (from -Demr-serverless.executionRoleArn); "
                        + allowed);
        assertInvalid(
                request("app", "t", null, null, 30L, Map.of()),
                "Missing <executionRoleArn>. Pass"
                        + " -Demr-serverless.executionRoleArn=arn:aws:iam::123456789012:role/my-session-role.");
    }

    @Test
    void nameIsOneTo256NonBlankCharacters() {
        assertInvalid(
                request("app", "t", ROLE, "   ", 30L, Map.of()),
                "Invalid <name> '   ' (from -Demr-serverless.name); allowed: 1 to 256 characters, not blank.");
        assertInvalid(
                request("app", "t", ROLE, "n".repeat(257), 30L, Map.of()),
                "Invalid <name> '" + "n".repeat(80)
                        + "...' (257 characters) (from -Demr-serverless.name); allowed: 1 to 256 characters, not blank.");
    }

    @Test
    void idleTimeoutIsPositiveAndAtMostAMillionMinutes() {
        String allowed =
                "allowed: 1 to 1000000 minutes (the service ends a session idle that long; 0 is not sent, as its meaning is undocumented).";
        assertInvalid(
                request("app", "t", ROLE, null, 0L, Map.of()),
                "Invalid <idleTimeoutMinutes> '0' (from -Demr-serverless.idleTimeoutMinutes); " + allowed);
        assertInvalid(
                request("app", "t", ROLE, null, 1_000_001L, Map.of()),
                "Invalid <idleTimeoutMinutes> '1000001' (from -Demr-serverless.idleTimeoutMinutes); " + allowed);
    }

    @Test
    void tagsFollowTheTagMapConstraints() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            tooMany.put("k" + i, "v");
        }
        assertInvalid(
                request("app", "t", ROLE, null, 30L, tooMany),
                "Invalid <tags> (201 entries, default tags included) (from -Demr-serverless.tags); allowed: at most 200 tags"
                        + " (defaultTags=false leaves out the plugin's own).");
        assertInvalid(
                request("app", "t", ROLE, null, 30L, Map.of("bad#key", "v")),
                "Invalid <tags> key 'bad#key' (from -Demr-serverless.tags); allowed: keys of 1 to 128 characters of letters, digits, spaces and _ . : / = + - @.");
        assertInvalid(
                request("app", "t", ROLE, null, 30L, Map.of("k", "v".repeat(257))),
                "Invalid <tags> value of key 'k' '" + "v".repeat(80)
                        + "...' (257 characters) (from -Demr-serverless.tags); allowed: values of 0 to 256 characters of letters, digits, spaces and _ . : / = + - @.");
    }
}
