package io.github.emrserverless.core.testing;

import io.github.emrserverless.core.api.StartSessionRequest;
import java.util.Map;

/** Requests for tests: valid unless a test changes a member. */
public final class StartSessionRequests {

    public static final String ROLE = "arn:aws:iam::123456789012:role/r";

    private StartSessionRequests() {}

    /** Application {@code app}, client token {@code t}, role {@link #ROLE}, 30 idle minutes, no name, tags or configuration. */
    public static StartSessionRequest.Builder valid() {
        return StartSessionRequest.builder()
                .applicationId("app")
                .clientToken("t")
                .executionRoleArn(ROLE)
                .idleTimeoutMinutes(30L)
                .tags(Map.of());
    }
}
