package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.session.StartedSession;
import java.nio.file.Path;

/** A session this build started and has not ended yet, with what it takes to end it later. */
/** @param tokenFile where its Spark Connect token may have been written, deleted once it is terminated */
record PendingSession(StartedSession started, AwsSettings settings, long idleTimeoutMinutes, Path tokenFile) {

    String key() {
        return key(started.applicationId(), started.sessionId());
    }

    static String key(String applicationId, String sessionId) {
        return applicationId + "/" + sessionId;
    }
}
