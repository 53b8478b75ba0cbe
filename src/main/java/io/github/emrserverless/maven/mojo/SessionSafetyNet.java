package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.local.LocalServer;
import io.github.emrserverless.maven.session.TokenRenewer;
import java.util.Map;
import java.util.WeakHashMap;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Ends the sessions a build started when the build fails or is interrupted before terminate-session ran, and
 * the session of a StartSession still on its way when that happens.
 *
 * <p>A plugin declared the ordinary way gets no lifecycle-participant callbacks, so the net hooks into the
 * build in two ways that need no {@code <extensions>}: it chains an {@code ExecutionListener} into the
 * execution request, whose {@code sessionEnded} tells whether the build failed; and it adds a JVM shutdown
 * hook for Ctrl-C and SIGTERM, which end the JVM before {@code sessionEnded}. After a successful build the
 * sessions stay running on purpose, and the build log says so. The work is {@link BuildGuard}'s, one per build.
 */
@Named
@Singleton
public class SessionSafetyNet {

    /** One guard per build; keyed by the request, which parallel builds' session clones share. */
    private final Map<MavenExecutionRequest, BuildGuard> guards = new WeakHashMap<>();

    /** Before StartSession is sent: a session it creates is ended even if its answer never arrives. */
    public synchronized void expect(MavenSession build, PendingStart start, AwsClients goalClients, Log log) {
        guard(build, log).expect(start, goalClients);
    }

    /** Watches a session this build started, until terminate-session releases it or the build ends. */
    public synchronized void watch(MavenSession build, PendingSession pending, String startToken, Log log) {
        guard(build, log).add(pending, startToken);
    }

    /** StartSession failed for good (the launcher looked for an orphan itself). */
    public synchronized void forget(MavenSession build, String startToken) {
        BuildGuard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.forget(startToken);
        }
    }

    /** The session was ended (or handed to someone who ends it): no need to watch it any more. */
    public synchronized void release(MavenSession build, String applicationId, String sessionId) {
        BuildGuard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.remove(PendingSession.key(applicationId, sessionId));
        }
    }

    /** Keeps the session's token fresh until terminate-session stops it, or the build ends. */
    public synchronized void renew(MavenSession build, String key, TokenRenewer renewer, Log log) {
        guard(build, log).renew(key, renewer);
    }

    /** terminate-session: the session's token needs no renewing any more. */
    public synchronized void stopRenewal(MavenSession build, String applicationId, String sessionId) {
        BuildGuard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.stopRenewal(PendingSession.key(applicationId, sessionId));
        }
    }

    /** Whether the session is shared with the reactor, to be ended when the build ends rather than now. */
    public synchronized boolean endsWithBuild(MavenSession build, String applicationId, String sessionId) {
        BuildGuard guard = guards.get(build.getRequest());
        return guard != null && guard.endsWithBuild(PendingSession.key(applicationId, sessionId));
    }

    /** A local server (mode local): stopped when the build ends, whatever the outcome, unless stopped before. */
    public synchronized void watchLocal(MavenSession build, LocalServer server, Log log) {
        guard(build, log).local().add(server);
    }

    /** The local server of this build by its session ID, or null. */
    public synchronized LocalServer localServer(MavenSession build, String sessionId) {
        BuildGuard guard = guards.get(build.getRequest());
        return guard == null ? null : guard.local().get(sessionId);
    }

    /** terminate-session stops it: the net lets go of it, and returns it (null when this build runs none by that ID). */
    public synchronized LocalServer releaseLocal(MavenSession build, String sessionId) {
        BuildGuard guard = guards.get(build.getRequest());
        return guard == null ? null : guard.local().remove(sessionId);
    }

    private BuildGuard guard(MavenSession build, Log log) {
        return guards.computeIfAbsent(build.getRequest(), request -> new BuildGuard(request, log));
    }
}
