package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.output.TokenRenewer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Once the session is ready with a token file, keeps the token fresh for the rest of the build: the renewer
 * holds a share of the goal's clients and is stopped by terminate-session or the end of the build.
 */
final class TokenRenewalListener implements SessionListener {

    private final SessionSafetyNet safetyNet;
    private final MavenSession build;
    private final Supplier<AwsClients> goalClients;
    private final Path tokenFile;
    private final Path sessionFile;
    private final Log log;

    TokenRenewalListener(
            SessionSafetyNet safetyNet,
            MavenSession build,
            Supplier<AwsClients> goalClients,
            Path tokenFile,
            Path sessionFile,
            Log log) {
        this.safetyNet = safetyNet;
        this.build = build;
        this.goalClients = goalClients;
        this.tokenFile = tokenFile;
        this.sessionFile = sessionFile;
        this.log = log;
    }

    @Override
    public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
        if (endpoint == null || endpoint.authTokenExpiresAt() == null) {
            return;
        }
        AwsClients clients = goalClients.get().share();
        TokenRenewer renewer = new TokenRenewer(
                clients.sessions(),
                new TokenRenewer.Target(started.applicationId(), started.sessionId(), tokenFile, sessionFile),
                new MavenReporter(log),
                Clock.systemUTC(),
                clients::close);
        renewer.start(endpoint.authTokenExpiresAt());
        safetyNet.renew(build, PendingSession.key(started.applicationId(), started.sessionId()), renewer, log);
    }
}
