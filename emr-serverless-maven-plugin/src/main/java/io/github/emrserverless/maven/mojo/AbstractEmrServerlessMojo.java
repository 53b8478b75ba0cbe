package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.CiJob;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.aws.NoCredentialsException;
import io.github.emrserverless.core.aws.SharedParameters;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.Mode;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.time.Clock;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The parameters every goal shares (application, region, credentials, endpoint, skip) and their handling. */
public abstract class AbstractEmrServerlessMojo extends AbstractMojo {

    /** The EMR Serverless application (its ID, like {@code 00fabcdef1234567}). Required. */
    @Parameter(property = "emr-serverless.applicationId")
    protected String applicationId;

    /** The AWS region, like {@code eu-west-1}. Default: the SDK's region chain (AWS_REGION, profile, ...). */
    @Parameter(property = "emr-serverless.region")
    protected String region;

    /** A named profile from the AWS config and credentials files. Default: the SDK's default credentials chain. */
    @Parameter(property = "emr-serverless.profile")
    protected String profile;

    /**
     * An endpoint to use instead of the regional one, verbatim (the region still goes into the signature):
     * https, or http for a loopback host such as a local emulator.
     */
    @Parameter(property = "emr-serverless.endpoint")
    protected String endpoint;

    /**
     * The {@code <id>} of a {@code <server>} in settings.xml whose username and password are an access key
     * ID and secret access key (an encrypted password works). Default: the SDK's credentials chain.
     */
    @Parameter(property = "emr-serverless.serverId")
    protected String serverId;

    /** A role to assume with STS on top of the credentials chosen above, e.g. for cross-account builds. */
    @Parameter(property = "emr-serverless.roleArn")
    protected String roleArn;

    /** The session name of the assumed role, as CloudTrail shows it. Default: {@code maven-<artifactId>}. */
    @Parameter(property = "emr-serverless.roleSessionName")
    protected String roleSessionName;

    /** The external ID the role's trust policy asks for. */
    @Parameter(property = "emr-serverless.externalId")
    protected String externalId;

    /** How long the assumed role's credentials last, 900 to 43200 seconds. Default: STS's (one hour). */
    @Parameter(property = "emr-serverless.roleDurationSeconds")
    protected Integer roleDurationSeconds;

    /** How long to wait for a connection: ISO-8601 or {@code 10s}. */
    @Parameter(property = "emr-serverless.connectTimeout", defaultValue = "10s")
    protected String connectTimeout;

    /** How long to wait for a response: ISO-8601 or {@code 60s}. */
    @Parameter(property = "emr-serverless.readTimeout", defaultValue = "60s")
    protected String readTimeout;

    /**
     * How many times each AWS request is tried before the goal gives up, 1 to 20: throttling, 5xx answers and
     * I/O errors are retried by the SDK's standard retry strategy with backoff (StartSession with the same
     * clientToken, so a retry never starts a second session).
     */
    @Parameter(property = "emr-serverless.maxAttempts", defaultValue = "5")
    protected int maxAttempts;

    /**
     * {@code aws}: sessions on EMR Serverless. {@code local}: a Spark Connect server on this machine stands in
     * for the session (start-session, await-session and terminate-session), with no AWS call and no credentials,
     * so that {@code -Demr-serverless.mode=local} runs a POM written for AWS on a laptop.
     */
    @Parameter(property = "emr-serverless.mode", defaultValue = "aws")
    protected String mode;

    /**
     * Names this build's leg of a CI matrix or parallel job, for the {@code ci-job} tag, when legs share the run,
     * attempt and job (a GitHub Actions matrix: {@code -Demr-serverless.ciLeg=${{ matrix.java }}}). Default: the
     * {@code EMR_SERVERLESS_CI_LEG} environment variable. The machine and workspace are part of the tag anyway.
     */
    @Parameter(property = "emr-serverless.ciLeg")
    protected String ciLeg;

    /** Skips the goal. */
    @Parameter(property = "emr-serverless.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    private final SettingsDecrypter settingsDecrypter;
    private AwsClients.Preparation clients;

    protected AbstractEmrServerlessMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: emr-serverless.skip=true");
            return;
        }
        try {
            if (Mode.parse(mode, origin()) == Mode.LOCAL) {
                runLocally();
                return;
            }
            AwsSettings settings = new MavenSettingsReader(session.getSettings(), settingsDecrypter)
                    .check(
                            new SharedParameters(
                                    applicationId,
                                    region,
                                    profile,
                                    endpoint,
                                    roleArn,
                                    roleSessionName,
                                    externalId,
                                    roleDurationSeconds,
                                    maxAttempts,
                                    connectTimeout,
                                    readTimeout,
                                    project.getArtifactId()),
                            serverId,
                            origin());
            try (AwsClients.Preparation prepared = AwsClients.prepare(settings, reporter())) {
                clients = prepared;
                run(settings);
            } finally {
                clients = null;
            }
        } catch (InvalidConfigurationException | AwsClients.NoRegionException | NoCredentialsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SessionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted", e);
        }
    }

    /**
     * The goal's work, once the shared parameters passed their checks. Invalid input throws
     * {@link InvalidConfigurationException}.
     *
     * @param settings where and as whom to call AWS
     */
    protected abstract void run(AwsSettings settings)
            throws MojoExecutionException, MojoFailureException, InterruptedException;

    /** The goal's work in local mode; goals that only make sense against AWS say so. */
    protected void runLocally() throws MojoExecutionException, MojoFailureException, InterruptedException {
        throw new MojoFailureException(mojoExecution.getMojoDescriptor().getGoal() + " works on EMR Serverless"
                + " only and has nothing to do in local mode (<mode>local</mode> from " + origin().of("mode")
                + "); local mode covers start-session, await-session, terminate-session and list-sessions.");
    }

    protected ParameterOrigin origin() {
        return new MavenParameterOrigin(session, project, mojoExecution);
    }

    /** What the goal's plain class works with: the Maven log, parameter origins, the environment, the clock. */
    protected GoalContext context() {
        return new GoalContext(reporter(), origin(), System.getenv(), Clock.systemUTC(), Sleeper.SYSTEM);
    }

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    /**
     * Opens the AWS clients, once per execution: the HTTP client has been in the making since the shared
     * parameters passed their checks. Nothing is sent but what resolving the credentials takes.
     */
    protected AwsClients openClients() {
        return clients.open(Sleeper.SYSTEM);
    }

    /**
     * What start-session exported about this session in this project or, with exportToReactor, to the whole build;
     * all absent for a session it did not export.
     */
    protected ExportedSession exported(String sessionId) {
        return ExportedSession.forSession(
                sessionId,
                key -> project.getProperties()
                        .getProperty(key, session.getUserProperties().getProperty(key)));
    }

    /** This build's CI job leg ({@code ci-job} tag), or null outside CI. */
    protected String ciJob() {
        MavenProject top = session.getTopLevelProject() == null ? project : session.getTopLevelProject();
        return CiJob.of(System.getenv(), ciLeg, top.getBasedir().toPath()).orElse(null);
    }
}
