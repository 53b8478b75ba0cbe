package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.session.PollSchedule;
import io.github.emrserverless.maven.session.Poller;
import io.github.emrserverless.maven.session.SessionTerminator;
import io.github.emrserverless.maven.session.Sleeper;
import io.github.emrserverless.maven.session.TokenFile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Ends the sessions a build started when the build fails or is interrupted before terminate-session ran.
 *
 * <p>A plugin declared the ordinary way gets no lifecycle-participant callbacks, so the net hooks into the
 * build in two ways that need no {@code <extensions>}: it chains an {@code ExecutionListener} into the
 * execution request, whose {@code sessionEnded} tells whether the build failed; and it adds a JVM shutdown
 * hook for Ctrl-C and SIGTERM, which end the JVM before {@code sessionEnded}. After a successful build the
 * sessions stay running on purpose, and the build log says so.
 */
@Named
@Singleton
public class SessionSafetyNet {

    /** One guard per build; keyed by the request, which parallel builds' session clones share. */
    private final Map<MavenExecutionRequest, Guard> guards = new WeakHashMap<>();

    /** Watches a session this build started, until terminate-session releases it or the build ends. */
    public synchronized void watch(MavenSession build, PendingSession pending, Log log) {
        guards.computeIfAbsent(build.getRequest(), request -> new Guard(request, log))
                .add(pending);
    }

    /** The session was ended (or handed to someone who ends it): no need to watch it any more. */
    public synchronized void release(MavenSession build, String applicationId, String sessionId) {
        Guard guard = guards.get(build.getRequest());
        if (guard != null) {
            guard.remove(PendingSession.key(applicationId, sessionId));
        }
    }

    private static final class Guard {
        private final Map<String, PendingSession> pending = new LinkedHashMap<>();
        private final Log log;
        private final Thread shutdownHook;

        Guard(MavenExecutionRequest request, Log log) {
            this.log = log;
            request.setExecutionListener(new DelegatingExecutionListener(request.getExecutionListener()) {
                @Override
                public void sessionEnded(ExecutionEvent event) {
                    buildEnded(event.getSession().getResult().hasExceptions());
                    super.sessionEnded(event);
                }
            });
            this.shutdownHook = new Thread(() -> endAll("the build was interrupted"), "emr-serverless-safety-net");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        synchronized void add(PendingSession session) {
            pending.put(session.key(), session);
        }

        synchronized void remove(String key) {
            pending.remove(key);
        }

        private void buildEnded(boolean failed) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it ends whatever is still pending.
            }
            if (failed) {
                endAll("the build failed");
            } else {
                for (PendingSession session : drain()) {
                    log.info("Session " + session.started().sessionId() + " stays running: the build succeeded."
                            + " End it with emr-serverless:terminate-session; otherwise it ends after "
                            + session.idleTimeoutMinutes() + " idle minutes.");
                }
            }
        }

        private synchronized List<PendingSession> drain() {
            List<PendingSession> sessions = new ArrayList<>(pending.values());
            pending.clear();
            return sessions;
        }

        private void endAll(String reason) {
            for (PendingSession session : drain()) {
                String id = session.started().sessionId();
                String applicationId = session.started().applicationId();
                try (AwsClients clients = AwsClients.create(session.settings(), Sleeper.SYSTEM)) {
                    SessionTerminator terminator = new SessionTerminator(
                            clients.sessions(),
                            new Poller(Clock.systemUTC(), Sleeper.SYSTEM, PollSchedule.DEFAULT),
                            new MavenReporter(log));
                    if (terminator.terminate(applicationId, id, false) == SessionTerminator.Outcome.TERMINATED) {
                        log.warn("Terminated session " + id + " because " + reason + " before terminate-session ran.");
                    }
                    TokenFile.delete(session.tokenFile());
                } catch (RuntimeException e) {
                    log.error("Could not terminate session " + id + " after " + reason + " (" + e.getMessage()
                            + "). End it yourself: aws emr-serverless terminate-session --application-id "
                            + applicationId + " --session-id " + id);
                }
            }
        }
    }
}
