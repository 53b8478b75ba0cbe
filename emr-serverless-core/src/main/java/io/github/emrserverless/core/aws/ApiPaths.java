package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.SessionIds;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** The REST paths of the session operations, with every ID in them checked and encoded. */
final class ApiPaths {

    private ApiPaths() {}

    static String applicationPath(String applicationId) {
        return "/applications/" + SdkHttpUtils.urlEncode(checkedId("application", applicationId));
    }

    /** No request goes out with an ID the service could not have issued (a null from an empty answer, say). */
    static String checkedId(String kind, String id) {
        if (!SessionIds.isValid(id)) {
            throw new ServiceException(
                    "Refused to send a request for " + kind + " ID " + (id == null ? "null" : "'" + id + "'")
                            + ": not an ID the service issues (1 to 64 characters of 0-9 and a-z)",
                    null,
                    0,
                    null,
                    false,
                    false,
                    null);
        }
        return id;
    }

    static String sessionsPath(String applicationId) {
        return applicationPath(applicationId) + "/sessions";
    }

    static String sessionPath(String applicationId, String sessionId) {
        return sessionsPath(applicationId) + "/" + SdkHttpUtils.urlEncode(checkedId("session", sessionId));
    }
}
