package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.session.PollSchedule;
import io.github.emrserverless.maven.session.Poller;
import io.github.emrserverless.maven.session.SessionTerminator;
import io.github.emrserverless.maven.session.Sleeper;
import io.github.emrserverless.maven.session.TerminationRequest;
import io.github.emrserverless.maven.session.TokenFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Terminates the session that start-session started (its exported {@code emr-serverless.sessionId} and
 * {@code emr-serverless.applicationId} are picked up without configuration), idempotently. Without a
 * session ID but with {@code matchTags}, terminates every live session of the application whose tags match:
 * a janitor for CI.
 */
@Mojo(name = "terminate-session", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class TerminateSessionMojo extends AbstractEmrServerlessMojo {

    /** The session to terminate. Default: the one start-session exported in this build. */
    @Parameter(property = "emr-serverless.sessionId")
    private String sessionId;

    /** Waits until the session is TERMINATED. */
    @Parameter(property = "emr-serverless.waitForTermination", defaultValue = "true")
    private boolean waitForTermination;

    /** How long to wait for termination: ISO-8601 ({@code PT5M}) or {@code 90s}, {@code 5m}. */
    @Parameter(property = "emr-serverless.terminationTimeout", defaultValue = "5m")
    private String terminationTimeout;

    /** Fails the build when the session does not exist, instead of warning. */
    @Parameter(property = "emr-serverless.failIfMissing", defaultValue = "false")
    private boolean failIfMissing;

    /**
     * Reaper mode, when no {@code sessionId} is given: terminate every live session of the application that
     * has all these tags, e.g. {@code <maven-project>com.example:app</maven-project>} or {@code <ci-run>...</ci-run>}.
     */
    @Parameter
    private Map<String, String> matchTags;

    private final SessionSafetyNet safetyNet;

    @Inject
    public TerminateSessionMojo(SettingsDecrypter settingsDecrypter, SessionSafetyNet safetyNet) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        TerminationRequest request = TerminationRequest.of(
                applicationId, sessionId, matchTags, failIfMissing, waitForTermination, terminationTimeout, origin());
        try (AwsClients clients = openClients()) {
            new SessionTerminator(
                            clients.sessions(),
                            new Poller(Clock.systemUTC(), Sleeper.SYSTEM, PollSchedule.DEFAULT),
                            reporter())
                    .run(request, this::ended);
        }
    }

    /** Off the safety net; and the token file start-session wrote for it in this build goes. */
    private void ended(String endedId) {
        safetyNet.release(session, applicationId, endedId);
        String tokenFile = project.getProperties().getProperty("emr-serverless.sessionTokenFile");
        if (tokenFile != null && endedId.equals(project.getProperties().getProperty("emr-serverless.sessionId"))) {
            TokenFile.delete(Path.of(tokenFile));
        }
    }
}
