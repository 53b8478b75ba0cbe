package io.github.emrserverless.core.start;

import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a StartSession request against the API's constraints before anything is sent. */
public final class StartSessionValidator {

    static final Pattern CLIENT_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern ROLE_ARN =
            Pattern.compile("arn:(aws[a-zA-Z0-9-]*):iam::([0-9]{12}):(role((/)|(/[\\u0021-\\u007F]+/))[\\w+=,.@-]+)");
    static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9 /_.:=+@-]{1,128}");
    static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9 /_.:=+@-]{0,256}");
    static final long MAX_IDLE_TIMEOUT = 1_000_000;
    static final int MAX_TAGS = 200;

    private final ParameterOrigin origin;

    public StartSessionValidator(ParameterOrigin origin) {
        this.origin = origin;
    }

    public void validate(StartSessionRequest request) {
        SessionIds.checkApplicationId(request.applicationId(), origin);
        String token = request.clientToken();
        if (token == null || !CLIENT_TOKEN.matcher(token).matches()) {
            throw invalid("clientToken", token, "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        String role = request.executionRoleArn();
        if (role == null || role.isEmpty()) {
            throw InvalidConfigurationException.missing(
                    origin, "executionRoleArn", "arn:aws:iam::123456789012:role/my-session-role", null);
        }
        if (role.length() < 20
                || role.length() > 2048
                || !ROLE_ARN.matcher(role).matches()) {
            throw invalid(
                    "executionRoleArn",
                    role,
                    "an IAM role ARN of 20 to 2048 characters, like arn:aws:iam::123456789012:role/my-session-role");
        }
        String name = request.name();
        if (name != null && (name.isBlank() || name.length() > 256)) {
            throw invalid("name", name, "1 to 256 characters, not blank");
        }
        Long idle = request.idleTimeoutMinutes();
        if (idle == null || idle < 1 || idle > MAX_IDLE_TIMEOUT) {
            throw invalid(
                    "idleTimeoutMinutes",
                    idle,
                    "1 to 1000000 minutes (the service ends a session idle that long; 0 is not sent, as its meaning is undocumented)");
        }
        validateTags(request.tags());
    }

    private void validateTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw invalidTags(
                    "(" + tags.size() + " entries, default tags included)",
                    "at most " + MAX_TAGS + " tags (defaultTags=false leaves out the plugin's own)");
        }
        tags.forEach((key, value) -> {
            if (key == null || !TAG_KEY.matcher(key).matches()) {
                throw invalidTags(
                        "key " + InvalidConfigurationException.quote(key),
                        "keys of 1 to 128 characters of letters, digits, spaces and _ . : / = + - @");
            }
            if (value != null && !TAG_VALUE.matcher(value).matches()) {
                throw invalidTags(
                        "value of key '" + key + "' " + InvalidConfigurationException.quote(value),
                        "values of 0 to 256 characters of letters, digits, spaces and _ . : / = + - @");
            }
        });
    }

    private InvalidConfigurationException invalidTags(String what, String allowed) {
        return InvalidConfigurationException.invalid("<tags> " + what, origin.of("tags"), allowed);
    }

    private InvalidConfigurationException invalid(String parameter, Object value, String allowed) {
        return InvalidConfigurationException.invalid(parameter, value, origin, allowed);
    }
}
