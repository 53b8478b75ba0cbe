package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.session.StartedSession;

/** A session this build started and has not ended yet, with what it takes to end it later. */
record PendingSession(StartedSession started, AwsSettings settings, long idleTimeoutMinutes) {

    String key() {
        return key(started.applicationId(), started.sessionId());
    }

    static String key(String applicationId, String sessionId) {
        return applicationId + "/" + sessionId;
    }
}
