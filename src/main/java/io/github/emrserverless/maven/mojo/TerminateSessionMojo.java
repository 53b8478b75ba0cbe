package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.local.LocalSessions;
import io.github.emrserverless.maven.session.ApplicationStop;
import io.github.emrserverless.maven.session.CiOutputs;
import io.github.emrserverless.maven.session.DefaultTags;
import io.github.emrserverless.maven.session.LeftoverCheck;
import io.github.emrserverless.maven.session.PollSchedule;
import io.github.emrserverless.maven.session.Poller;
import io.github.emrserverless.maven.session.Session;
import io.github.emrserverless.maven.session.SessionReport;
import io.github.emrserverless.maven.session.SessionTerminator;
import io.github.emrserverless.maven.session.Sleeper;
import io.github.emrserverless.maven.session.TerminationRequest;
import io.github.emrserverless.maven.session.TokenFile;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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

    /**
     * Janitor mode, when no {@code sessionId} is given: terminate every live session of the application whose
     * {@code expires-at} tag is past (narrowed by {@code matchTags} when set), and report what is left.
     */
    @Parameter(property = "emr-serverless.expired", defaultValue = "false")
    private boolean expired;

    /**
     * After its own work, looks for live sessions tagged with this CI run's {@code ci-run} (GITHUB_RUN_ID,
     * CI_PIPELINE_ID or BUILD_TAG) and fails naming them: for an always-run step at the end of a CI job.
     */
    @Parameter(property = "emr-serverless.checkLeftovers", defaultValue = "false")
    private boolean checkLeftovers;

    /** With {@code checkLeftovers}: fail on leftovers (default), or only warn. */
    @Parameter(property = "emr-serverless.failOnLeftovers", defaultValue = "true")
    private boolean failOnLeftovers;

    /**
     * Stops the application afterwards when this build's start-session started it and no session of it is
     * live any more.
     */
    @Parameter(property = "emr-serverless.stopApplication", defaultValue = "false")
    private boolean stopApplication;

    /** The report start-session wrote; the end state and billing are added to it after waiting for the end. */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/report.json")
    private File reportFile;

    private final SessionSafetyNet safetyNet;

    @Inject
    public TerminateSessionMojo(SettingsDecrypter settingsDecrypter, SessionSafetyNet safetyNet) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
    }

    /** Stops the local server start-session forked in this build. */
    @Override
    protected void runLocally() throws InterruptedException {
        String id = blankToNull(sessionId);
        if (id == null) {
            getLog().info("No local session to stop: start-session (mode=local) exported none in this build.");
            return;
        }
        String tokenFile = project.getProperties().getProperty("emr-serverless.sessionTokenFile");
        new LocalSessions(context())
                .terminate(
                        id,
                        safetyNet.releaseLocal(session, id),
                        reportFile.toPath(),
                        tokenFile == null ? null : Path.of(tokenFile));
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        TerminationRequest request = TerminationRequest.of(
                applicationId,
                sessionId,
                matchTags,
                expired,
                failIfMissing,
                waitForTermination,
                terminationTimeout,
                origin());
        if (request.sessionId() != null) {
            safetyNet.stopRenewal(session, applicationId, request.sessionId());
        }
        String kept = request.sessionId() == null ? null : whyKept(request.sessionId());
        try (AwsClients clients = openClients()) {
            if (kept != null) {
                getLog().info(kept);
            } else {
                new SessionTerminator(
                                clients.sessions(),
                                new Poller(Clock.systemUTC(), Sleeper.SYSTEM, PollSchedule.DEFAULT),
                                reporter(),
                                Clock.systemUTC())
                        .run(request, this::ended, this::reportEnd);
            }
            if (stopApplication) {
                new ApplicationStop(clients.sessions(), clients::stopApplication, reporter())
                        .stopIfUnused(
                                applicationId,
                                Boolean.parseBoolean(exported("emr-serverless.applicationStartedByPlugin")));
            }
            if (checkLeftovers) {
                checkLeftovers(clients);
            }
        }
    }

    private void checkLeftovers(AwsClients clients) {
        String ciRun = DefaultTags.ciRun(System.getenv()).orElse(null);
        if (ciRun == null) {
            getLog().warn("checkLeftovers: not in a CI run (none of " + String.join(", ", DefaultTags.CI_RUN_VARIABLES)
                    + " is set), so there is no ci-run tag to look for; nothing checked.");
            return;
        }
        String shared = exported("emr-serverless.sessionId");
        Set<String> excused =
                shared != null && safetyNet.endsWithBuild(session, applicationId, shared) ? Set.of(shared) : Set.of();
        new LeftoverCheck(clients.sessions(), reporter(), Clock.systemUTC())
                .check(applicationId, ciRun, excused, failOnLeftovers);
    }

    /**
     * A session this build's start-session made reusable stays for the next build; one shared with the reactor
     * ends when the build ends, after the last module, not at a terminate-session in the root.
     */
    private String whyKept(String id) {
        if (id.equals(exported("emr-serverless.sessionId"))
                && Boolean.parseBoolean(exported("emr-serverless.sessionReusable"))) {
            return "Session " + id + " is reusable (reuse=true) and stays running for the next build. It ends after"
                    + " its idle timeout, or with: mvn emr-serverless:terminate-session -Demr-serverless.applicationId="
                    + applicationId + " -Demr-serverless.sessionId=" + id;
        }
        if (safetyNet.endsWithBuild(session, applicationId, id)) {
            return "Session " + id + " is shared with every module of the reactor (exportToReactor): it is"
                    + " terminated when the build ends, not now.";
        }
        return null;
    }

    /** The end state and billing go into this build's report, and to the GitHub Actions job summary. */
    private void reportEnd(Session ended) {
        SessionReport.update(
                reportFile.toPath(),
                ended.sessionId(),
                content -> {
                    SessionReport.Content done = content.ended(ended, Instant.now());
                    CiOutputs.appendSummary(System.getenv(), SessionReport.markdown(done));
                    return done;
                },
                reporter());
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
