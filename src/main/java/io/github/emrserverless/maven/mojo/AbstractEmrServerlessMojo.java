package io.github.emrserverless.maven.mojo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.aws.Endpoints;
import io.github.emrserverless.maven.aws.SdkLogging;
import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.ParameterOrigin;
import io.github.emrserverless.maven.session.Reporter;
import io.github.emrserverless.maven.session.SessionException;
import io.github.emrserverless.maven.session.Sleeper;
import java.net.URI;
import java.time.Duration;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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

    /** Skips the goal. */
    @Parameter(property = "emr-serverless.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: emr-serverless.skip=true");
            return;
        }
        try {
            run();
        } catch (InvalidConfigurationException | AwsClients.NoRegionException e) {
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

    /** Checks region and endpoint; call before any other work so that bad input fails before any call. */
    protected AwsSettings awsSettings() {
        String regionId = blankToNull(region);
        AwsSettings.validateRegion(regionId, origin());
        URI endpointOverride = endpoint == null || endpoint.isBlank() ? null : Endpoints.parseOverride(endpoint, origin());
        return new AwsSettings(regionId, blankToNull(profile), endpointOverride, 3, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    protected AwsClients openClients(AwsSettings settings, ObjectMapper mapper) {
        if (!SdkLogging.keepSdkLoggersQuiet()) {
            getLog().warn("AWS SDK debug logging is on in this JVM; its signer may log request headers.");
        }
        return AwsClients.create(settings, mapper, Sleeper.SYSTEM);
    }

    protected static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
