package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.guard.RunGuard;
import io.github.emrserverless.core.guard.RunWords;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.local.LocalServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.ExecutionEvent;
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
 * sessions stay running on purpose, and the build log says so. The work is the core's {@link RunGuard}, one per
 * build; this class only connects it to Maven.
 */
@Named
@Singleton
public class SessionSafetyNet {

    /** One guard per build; keyed by the request, which parallel builds' session clones share. */
    private final Map<MavenExecutionRequest, RunGuard> guards = new WeakHashMap<>();
    /** The sessions each build handed over, by application and session ID: what later goals decide by. */
    private final Map<MavenExecutionRequest, Map<String, HandedSession>> handed = new WeakHashMap<>();

    /** The session was ended (or handed to someone who ends it): no need to watch it any more. */
    public synchronized void release(MavenSession build, String applicationId, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.remove(PendingSession.key(applicationId, sessionId));
        }
    }

    /** start-session handed the session to this build (started, joined or reused it). */
    public synchronized void handedOver(MavenSession build, HandedSession session) {
        handed.computeIfAbsent(build.getRequest(), request -> new HashMap<>())
                .put(PendingSession.key(session.applicationId(), session.sessionId()), session);
    }

    /** What start-session of this build knows of the session, or null when it handed over no such session. */
    public synchronized HandedSession handed(MavenSession build, String applicationId, String sessionId) {
        Map<String, HandedSession> sessions = handed.get(build.getRequest());
        return sessions == null ? null : sessions.get(PendingSession.key(applicationId, sessionId));
    }

    /** The session has ended: its token needs no renewing any more. */
    public synchronized void stopRenewal(MavenSession build, String applicationId, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.stopRenewal(PendingSession.key(applicationId, sessionId));
        }
    }

    /** Whether the session is shared with the reactor, to be ended when the build ends rather than now. */
    public synchronized boolean endsWithBuild(MavenSession build, String applicationId, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        return guard != null && guard.endsWithBuild(PendingSession.key(applicationId, sessionId));
    }

    /** The sessions shared with the reactor that the end of the build will end: not leftovers of this build. */
    public synchronized Set<String> endingWithBuild(MavenSession build) {
        RunGuard guard = guards.get(build.getRequest());
        return guard == null ? Set.of() : guard.endingWithBuild();
    }

    /**
     * A local server (mode local): stopped when the build ends, whatever the outcome, unless stopped before.
     *
     * @param withBuild shared with the reactor: terminate-session leaves it to the end of the build
     */
    public synchronized void watchLocal(MavenSession build, LocalServer server, boolean withBuild, Log log) {
        guard(build, log).local().add(server, withBuild);
    }

    /** Whether the local server is shared with the reactor, to be stopped when the build ends rather than now. */
    public synchronized boolean localEndsWithBuild(MavenSession build, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        return guard != null && guard.local().endsWithBuild(sessionId);
    }

    /** The local server of this build by its session ID, or null. */
    public synchronized LocalServer localServer(MavenSession build, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        return guard == null ? null : guard.local().get(sessionId);
    }

    /** terminate-session stops it: the net lets go of it, and returns it (null when this build runs none by that ID). */
    public synchronized LocalServer releaseLocal(MavenSession build, String sessionId) {
        RunGuard guard = guards.get(build.getRequest());
        return guard == null ? null : guard.local().remove(sessionId);
    }

    /** The build's guard; its end (success or failure) reaches the guard through the chained execution listener. */
    /** The build's guard, made (and tied to the end of the build) on first use. */
    public synchronized RunGuard guard(MavenSession build, Log log) {
        return guards.computeIfAbsent(build.getRequest(), request -> {
            RunGuard guard = new RunGuard(new MavenReporter(log), RunWords.BUILD);
            request.setExecutionListener(new DelegatingExecutionListener(request.getExecutionListener()) {
                @Override
                public void sessionEnded(ExecutionEvent event) {
                    guard.finished(event.getSession().getResult().hasExceptions());
                    super.sessionEnded(event);
                }
            });
            return guard;
        });
    }
}
