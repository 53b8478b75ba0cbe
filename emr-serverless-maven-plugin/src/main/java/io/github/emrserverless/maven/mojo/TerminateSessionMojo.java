package io.github.emrserverless.maven.mojo;

import static io.github.emrserverless.core.config.Text.blankToNull;

import io.github.emrserverless.core.api.CiJob;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.costguard.ApplicationStop;
import io.github.emrserverless.core.costguard.LeftoverCheck;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.local.LocalSessions;
import io.github.emrserverless.core.local.WarmServers;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.terminate.SessionTerminator;
import io.github.emrserverless.core.terminate.TerminationRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
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

    /**
     * Janitor mode, when no {@code sessionId} is given: terminate every live session of the application whose
     * {@code expires-at} tag is past (narrowed by {@code matchTags} when set), and report what is left.
     */
    @Parameter(property = "emr-serverless.expired", defaultValue = "false")
    private boolean expired;

    /**
     * Reaper mode for an always-run clean-up step of a CI job: terminate every live session this job leg started
     * (its {@code ci-job} tag: run, attempt, job, {@code ciLeg}, machine and workspace), and none of a sibling
     * matrix leg's or parallel job's.
     */
    @Parameter(property = "emr-serverless.cleanUpCiJob", defaultValue = "false")
    private boolean cleanUpCiJob;

    /**
     * After its own work, looks for live sessions this CI job leg started (its {@code ci-job} tag) and fails naming
     * them: for an always-run step at the end of a CI job. Sibling legs' sessions are theirs to check.
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

    /** Local mode: ends every warm local server of this user (reuse), not only this build's. */
    @Parameter(property = "emr-serverless.allWarmServers", defaultValue = "false")
    private boolean allWarmServers;

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
        if (allWarmServers) {
            new WarmServers(context()).endAll();
            return;
        }
        String id = blankToNull(sessionId);
        if (id == null) {
            getLog().info("No local session to stop: start-session (mode=local) exported none in this build.");
            return;
        }
        if (safetyNet.localEndsWithBuild(session, id)) {
            getLog().info("Local server " + id + " is shared with every module of the reactor (exportToReactor): it"
                    + " is stopped when the build ends, not now.");
            return;
        }
        new LocalSessions(context())
                .terminate(
                        id,
                        safetyNet.releaseLocal(session, id),
                        reportFile.toPath(),
                        exported(id).tokenFile());
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        Map<String, String> tags = matchTags;
        if (cleanUpCiJob && blankToNull(sessionId) == null) {
            String job = ciJob();
            if (job == null) {
                getLog().warn(CiJob.notInCi("cleanUpCiJob") + " nothing terminated.");
                return;
            }
            tags = new LinkedHashMap<>(matchTags == null ? Map.of() : matchTags);
            tags.put(CiJob.TAG, job);
        }
        TerminationRequest request = TerminationRequest.of(
                applicationId,
                sessionId,
                tags,
                expired,
                failIfMissing,
                waitForTermination,
                terminationTimeout,
                origin());
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
                        .run(
                                request,
                                this::ended,
                                ended -> SessionReport.recordEnd(reportFile.toPath(), ended, reporter()));
            }
            if (stopApplication) {
                new ApplicationStop(clients.sessions(), clients::stopApplication, reporter())
                        .stopIfUnused(
                                applicationId, exported(request.sessionId()).applicationStartedByPlugin());
            }
            if (checkLeftovers) {
                // By session, whatever property their IDs went to: shared with the reactor, they end after the last.
                new LeftoverCheck(clients.sessions(), reporter(), Clock.systemUTC())
                        .check(applicationId, ciJob(), safetyNet.endingWithBuild(session), failOnLeftovers);
            }
        }
    }

    /**
     * A session this build's start-session made reusable stays for the next build; one shared with the reactor
     * ends when the build ends, after the last module, not at a terminate-session in the root.
     */
    private String whyKept(String id) {
        HandedSession handed = safetyNet.handed(session, applicationId, id);
        if (handed != null && handed.reusable()) {
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

    /**
     * Off the safety net, its token no longer renewed (only now: a session kept running keeps its renewal); and
     * the token file start-session wrote for it in this build goes.
     */
    private void ended(String endedId) {
        safetyNet.release(session, applicationId, endedId);
        safetyNet.stopRenewal(session, applicationId, endedId);
        Path tokenFile = exported(endedId).tokenFile();
        if (tokenFile != null && safetyNet.handed(session, applicationId, endedId) != null) {
            OwnerOnlyFile.delete(tokenFile);
        }
    }
}
