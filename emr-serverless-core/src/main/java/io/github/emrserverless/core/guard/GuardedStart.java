package io.github.emrserverless.core.guard;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.output.TokenRenewer;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a front end (a goal, a test run) tells its {@link RunGuard} about a session it starts on EMR Serverless: the
 * session is under the guard from the moment StartSession is sent (by its start token, until the answer names it),
 * unless it is kept on purpose (reusable, or kept on failure); and once it is ready, its token is renewed until the
 * session or the run ends.
 */
public final class GuardedStart {

    private GuardedStart() {}

    /**
     * @param keep the session outlives the run: a reusable one, or one kept for a failure to be looked at
     * @param clients the front end's clients, opened once the configuration passed its checks; the guard and the
     *     renewer hold shares of them
     * @param sessionFile {@code session.json}, whose token file the renewer keeps fresh (may be null)
     */
    public static SessionListener listener(
            RunGuard guard,
            AwsSettings settings,
            PendingSession.Ending ending,
            boolean keep,
            Supplier<AwsClients> clients,
            Path sessionFile,
            Reporter reporter) {
        SessionListener watch = keep ? new SessionListener() {} : new Watch(guard, settings, ending, clients);
        return SessionListener.all(watch, renewal(guard, clients, ending.tokenFile(), sessionFile, reporter));
    }

    /** Renews the token of a session once it is ready with a token file; the guard stops the renewer at the end. */
    public static SessionListener renewal(
            RunGuard guard, Supplier<AwsClients> clients, Path tokenFile, Path sessionFile, Reporter reporter) {
        return new SessionListener() {
            @Override
            public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
                if (endpoint == null || endpoint.authTokenExpiresAt() == null) {
                    return;
                }
                AwsClients share = clients.get().share();
                TokenRenewer renewer = new TokenRenewer(
                        share.sessions(),
                        new TokenRenewer.Target(started.applicationId(), started.sessionId(), tokenFile, sessionFile),
                        reporter,
                        Clock.systemUTC(),
                        share::close);
                renewer.start(endpoint.authTokenExpiresAt());
                guard.renew(PendingSession.key(started.applicationId(), started.sessionId()), renewer);
            }
        };
    }

    /** Watches the session until it is ended, or the run ends. */
    private static final class Watch implements SessionListener {

        private final RunGuard guard;
        private final AwsSettings settings;
        private final PendingSession.Ending ending;
        private final Supplier<AwsClients> clients;
        private String startToken;

        Watch(RunGuard guard, AwsSettings settings, PendingSession.Ending ending, Supplier<AwsClients> clients) {
            this.guard = guard;
            this.settings = settings;
            this.ending = ending;
            this.clients = clients;
        }

        @Override
        public void onStarting(StartSessionRequest request) {
            startToken = request.tags().get(DefaultTags.START_TOKEN);
            if (startToken != null) {
                guard.expect(
                        new PendingStart(request.applicationId(), startToken, settings),
                        clients.get().share());
            }
        }

        @Override
        public void onStartFailed(StartSessionRequest request) {
            if (startToken != null) {
                guard.forget(startToken);
            }
        }

        @Override
        public void onStarted(StartedSession started) {
            guard.add(new PendingSession(started, settings, ending), startToken);
        }

        @Override
        public void onEnded(StartedSession started) {
            guard.remove(PendingSession.key(started.applicationId(), started.sessionId()));
        }
    }
}
