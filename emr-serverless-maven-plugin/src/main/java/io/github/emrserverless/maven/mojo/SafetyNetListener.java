package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.guard.PendingStart;
import io.github.emrserverless.core.handover.SessionListener;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Puts a session under the build's safety net from the moment its StartSession is sent (by its start token
 * until the answer names it), and takes it off again when the launcher itself terminated it.
 */
final class SafetyNetListener implements SessionListener {

    private final SessionSafetyNet safetyNet;
    private final MavenSession build;
    private final AwsSettings settings;
    private final PendingSession.Ending ending;
    private final Log log;
    private String startToken;
    private final Supplier<AwsClients> goalClients;

    SafetyNetListener(
            SessionSafetyNet safetyNet,
            MavenSession build,
            AwsSettings settings,
            PendingSession.Ending ending,
            Supplier<AwsClients> goalClients,
            Log log) {
        this.goalClients = goalClients;
        this.safetyNet = safetyNet;
        this.build = build;
        this.settings = settings;
        this.ending = ending;
        this.log = log;
    }

    @Override
    public void onStarting(StartSessionRequest request) {
        startToken = request.tags().get(DefaultTags.START_TOKEN);
        if (startToken != null) {
            safetyNet.expect(
                    build,
                    new PendingStart(request.applicationId(), startToken, settings),
                    goalClients.get().share(),
                    log);
        }
    }

    @Override
    public void onStartFailed(StartSessionRequest request) {
        if (startToken != null) {
            safetyNet.forget(build, startToken);
        }
    }

    @Override
    public void onStarted(StartedSession started) {
        safetyNet.watch(build, new PendingSession(started, settings, ending), startToken, log);
    }

    @Override
    public void onEnded(StartedSession started) {
        safetyNet.release(build, started.applicationId(), started.sessionId());
    }
}
