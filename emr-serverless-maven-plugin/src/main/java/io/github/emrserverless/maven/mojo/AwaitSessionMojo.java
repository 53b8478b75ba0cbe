package io.github.emrserverless.maven.mojo;

import static io.github.emrserverless.core.config.Text.blankToNull;

import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.flow.SessionAwaiter;
import io.github.emrserverless.core.guard.GuardedStart;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.local.LocalSessions;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Waits until the session that start-session started earlier in the build (with {@code waitForReady} false,
 * bound to an early phase) is ready, then exports it as start-session would have: endpoint, token file,
 * properties, session.json and CI outputs. Compilation and unit tests run while the session starts.
 */
@Mojo(name = "await-session", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class AwaitSessionMojo extends AbstractHandOverMojo {

    /** The session to wait for. Default: the one start-session exported in this build. */
    @Parameter(property = "emr-serverless.sessionId")
    private String sessionId;

    private final SessionSafetyNet safetyNet;
    /** The clients this execution opened; the token renewer shares them. */
    private AwsClients opened;

    @Inject
    public AwaitSessionMojo(SettingsDecrypter settingsDecrypter, SessionSafetyNet safetyNet) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
    }

    /** The local server start-session forked earlier in this build. */
    @Override
    protected void runLocally() throws InterruptedException {
        String id = blankToNull(sessionId);
        new LocalSessions(context())
                .await(
                        id,
                        id == null ? null : safetyNet.localServer(session, id),
                        waitTimeout,
                        exportEndpoint,
                        outputs(),
                        this::exportProperty);
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        // Decided by the session: only one this build's start-session started is ended when waiting fails.
        HandedSession handed = sessionId == null || applicationId == null
                ? null
                : safetyNet.handed(session, applicationId.trim(), sessionId.trim());
        SessionAwaiter.Request request =
                new SessionAwaiter.Request(applicationId, sessionId, waitTimeout, exportEndpoint, handed);
        // The safety net watches the session since start-session; one that ends here needs no watching.
        SessionListener release = new SessionListener() {
            @Override
            public void onEnded(StartedSession started) {
                safetyNet.release(session, started.applicationId(), started.sessionId());
            }
        };
        new SessionAwaiter(context())
                .await(
                        request,
                        outputs(),
                        () -> opened = openClients(),
                        this::exportProperty,
                        SessionListener.all(
                                release,
                                GuardedStart.renewal(
                                        safetyNet.guard(session, getLog()),
                                        () -> opened,
                                        tokenFile.toPath(),
                                        outputFile.toPath(),
                                        new MavenReporter(getLog()))));
    }
}
