package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.guard.PendingStart;
import io.github.emrserverless.core.handover.HandedSession;
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

    /**
     * What start-session tells the safety net: the session goes under the net (unless it is kept: on failure by
     * keepSessionOnFailure, or as reusable, the next build's too), later goals learn it by session, and its token
     * is renewed.
     */
    static SessionListener forStart(
            SessionSafetyNet safetyNet,
            MavenSession build,
            AwsSettings settings,
            PendingSession.Ending ending,
            boolean keepSessionOnFailure,
            boolean reuse,
            Supplier<AwsClients> goalClients,
            java.nio.file.Path outputFile,
            Log log) {
        SessionListener guard = keepSessionOnFailure || reuse
                ? new SessionListener() {}
                : new SafetyNetListener(safetyNet, build, settings, ending, goalClients, log);
        SessionListener renewal =
                new TokenRenewalListener(safetyNet, build, goalClients, ending.tokenFile(), outputFile, log);
        // Later goals decide by the session, whatever property its ID went to (sessionIdProperty).
        SessionListener record = HandedSession.recorder(reuse, handed -> safetyNet.handedOver(build, handed));
        return SessionListener.all(guard, record, renewal);
    }

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
