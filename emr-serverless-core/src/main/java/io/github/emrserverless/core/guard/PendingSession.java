package io.github.emrserverless.core.guard;

import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsSettings;
import java.nio.file.Path;

/** A session this build started and has not ended yet, with what it takes to end it later. */
public record PendingSession(StartedSession started, AwsSettings settings, Ending ending) {

    /**
     * @param idleTimeoutMinutes what ends it when the build leaves it running
     * @param tokenFile where its Spark Connect token may have been written, deleted once it is terminated
     * @param withBuild shared with the reactor: ended when the build ends, also after success
     * @param reportFile its report.json, told when the safety net ends it
     */
    public record Ending(long idleTimeoutMinutes, Path tokenFile, boolean withBuild, Path reportFile) {}

    public String key() {
        return key(started.applicationId(), started.sessionId());
    }

    public static String key(String applicationId, String sessionId) {
        return applicationId + "/" + sessionId;
    }
}
