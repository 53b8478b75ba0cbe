package io.github.emrserverless.core.api;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.util.regex.Pattern;

/** The form of application and session IDs, checked before any call names them in a request path. */
public final class SessionIds {

    static final Pattern ID = Pattern.compile("[0-9a-z]{1,64}");

    private SessionIds() {}

    /** Every goal needs an application. */
    public static void checkApplicationId(String applicationId, ParameterOrigin origin) {
        if (applicationId == null || applicationId.isBlank()) {
            throw InvalidConfigurationException.missing(origin, "applicationId", "<id>", null);
        }
        if (!isValid(applicationId)) {
            throw InvalidConfigurationException.invalid(
                    "applicationId", applicationId, origin, "1 to 64 characters of 0-9 and a-z, like 00fabcdef1234567");
        }
    }

    public static void checkSessionId(String sessionId, ParameterOrigin origin) {
        if (!isValid(sessionId)) {
            throw InvalidConfigurationException.invalid(
                    "sessionId", sessionId, origin, "1 to 64 characters of 0-9 and a-z");
        }
    }

    /** The AWS CLI command that ends a session, for messages that leave it to the user. */
    public static String terminateCommand(String applicationId, String sessionId) {
        return "aws emr-serverless terminate-session --application-id " + applicationId + " --session-id " + sessionId;
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
