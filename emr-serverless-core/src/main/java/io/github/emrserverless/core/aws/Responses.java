package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.api.Application;
import io.github.emrserverless.core.api.Session;

/** The bodies of the session operations' answers that are not the model's own types. */
final class Responses {

    private Responses() {}

    /** {@code url} is left out when the service has no dashboard for the resource. */
    record GetResourceDashboardResponse(String url) {
        @Override
        public String toString() {
            return "GetResourceDashboardResponse[url=****]";
        }
    }

    record GetApplicationResponse(Application application) {}

    record GetSessionResponse(Session session) {}

    record TerminateSessionResponse(String applicationId, String sessionId) {}
}
