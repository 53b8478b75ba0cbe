package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.aws.Endpoints;
import io.github.emrserverless.maven.aws.AssumeRoleValidator;
import io.github.emrserverless.maven.aws.NoCredentialsException;
import io.github.emrserverless.maven.aws.SdkLogging;
import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.Durations;
import io.github.emrserverless.maven.session.ParameterOrigin;
import io.github.emrserverless.maven.session.Reporter;
import io.github.emrserverless.maven.session.SessionException;
import io.github.emrserverless.maven.session.Sleeper;
import java.net.URI;
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

    static final String PROPERTY_PREFIX = "emr-serverless.";

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
            run();
        } catch (InvalidConfigurationException | AwsClients.NoRegionException | NoCredentialsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SessionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted", e);
        }
    }

    /** The goal's work, after the skip check. Invalid input throws {@link InvalidConfigurationException}. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException, InterruptedException;

    protected ParameterOrigin origin() {
        return new MavenParameterOrigin(session, project, mojoExecution);
    }

    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }

    /**
     * Checks and gathers where and as whom to call AWS: region, credentials (settings.xml server, role),
     * endpoint, proxy and timeouts. Call before any other work so that bad input fails before any call.
     */
    protected AwsSettings awsSettings() {
        ParameterOrigin origin = origin();
        String regionId = blankToNull(region);
        AwsSettings.validateRegion(regionId, origin);
        URI endpointOverride = endpoint == null || endpoint.isBlank() ? null : Endpoints.parseOverride(endpoint, origin);
        AwsSettings.AssumeRole role = null;
        if (blankToNull(roleArn) != null) {
            role = new AwsSettings.AssumeRole(roleArn.trim(),
                    roleSessionName == null ? AssumeRoleValidator.defaultSessionName(project.getArtifactId()) : roleSessionName,
                    blankToNull(externalId), roleDurationSeconds);
            AssumeRoleValidator.validate(role, origin);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidConfigurationException("Invalid <maxAttempts> '" + maxAttempts + "' (from " + origin.of("maxAttempts")
                    + "); allowed: 1 to 20.");
        }
        return new AwsSettings(regionId, blankToNull(profile), accessKeyFromServer(), role, endpointOverride,
                new MavenSettingsReader(session.getSettings(), settingsDecrypter).activeProxy(),
                maxAttempts, Durations.parse(connectTimeout, "connectTimeout", origin), Durations.parse(readTimeout, "readTimeout", origin));
    }

    private AwsSettings.AccessKey accessKeyFromServer() {
        String id = blankToNull(serverId);
        return id == null ? null : new MavenSettingsReader(session.getSettings(), settingsDecrypter).accessKey(id, origin());
    }

    protected AwsClients openClients(AwsSettings settings) {
        return startOpeningClients(settings).await();
    }

    /**
     * Starts building the AWS clients on other threads, to run while the goal reads and checks its
     * configuration; nothing is sent until {@link AwsClients.Opening#await()}.
     */
    protected AwsClients.Opening startOpeningClients(AwsSettings settings) {
        // Before the first SDK class loads: its loggers are configured when created.
        if (!SdkLogging.keepSdkLoggersQuiet()) {
            getLog().warn("AWS SDK debug logging is on in this JVM; its signer may log request headers.");
        }
        return AwsClients.open(settings, Sleeper.SYSTEM);
    }

    protected static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
