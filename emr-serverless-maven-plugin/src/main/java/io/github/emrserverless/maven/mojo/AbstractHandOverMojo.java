package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.start.StartSessionConfiguration;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The parameters of the goals that hand a session to the build (start-session, await-session): where it goes. */
public abstract class AbstractHandOverMojo extends AbstractEmrServerlessMojo {

    /**
     * How long to wait until the session is ready (start-session: in all, for the application and then the
     * session): ISO-8601 ({@code PT20M}) or {@code 90s}, {@code 20m}, {@code 1h}.
     */
    @Parameter(property = "emr-serverless.waitTimeout", defaultValue = "20m")
    protected String waitTimeout;

    /** The project property that receives the session ID. */
    @Parameter(property = "emr-serverless.sessionIdProperty", defaultValue = "emr-serverless.sessionId")
    protected String sessionIdProperty;

    /**
     * A JSON file with applicationId, sessionId, arn, state, name, startedAt and, once ready, the Spark Connect
     * endpoint and authTokenExpiresAt (never the token itself).
     */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session.json")
    protected File outputFile;

    /**
     * Once the session is ready, exports its Spark Connect endpoint as {@code emr-serverless.sessionEndpoint}
     * and writes its auth token to {@code tokenFile}. Default: true when waiting for readiness.
     */
    @Parameter(property = "emr-serverless.exportEndpoint")
    protected Boolean exportEndpoint;

    /**
     * Also puts the auth token in the {@code emr-serverless.sessionAuthToken} property. Off by default: a
     * property can reach logs and reports (for example {@code mvn -X}, or a plugin that prints its
     * configuration); the owner-only token file cannot.
     */
    @Parameter(property = "emr-serverless.exportAuthToken", defaultValue = "false")
    protected boolean exportAuthToken;

    /** Where the Spark Connect auth token is written, readable by its owner only. */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session-token")
    protected File tokenFile;

    /**
     * Also publishes the exported values as user properties of the whole build, so that a start-session in
     * the root project (with {@code <inherited>false</inherited>}) is visible to every module.
     */
    @Parameter(property = "emr-serverless.exportToReactor", defaultValue = "false")
    protected boolean exportToReactor;

    /**
     * {@code KEY=value} lines (EMR_SERVERLESS_SESSION_ID, ...) for GitLab dotenv reports, Jenkins and shell
     * steps; written always. On GitHub Actions the values also go to the step outputs and summary.
     */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session.env")
    protected File envFile;

    /**
     * report.json: the session's states with their times, time to ready, state details, the configuration
     * (secret-looking values masked) and how it ended; completed by terminate-session and the safety net.
     */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/report.json")
    protected File reportFile;

    protected AbstractHandOverMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    protected StartSessionConfiguration.Outputs outputs() {
        return new StartSessionConfiguration.Outputs(
                sessionIdProperty,
                outputFile.toPath(),
                tokenFile.toPath(),
                envFile.toPath(),
                reportFile.toPath(),
                exportAuthToken);
    }

    protected void exportProperty(String key, String value) {
        project.getProperties().setProperty(key, value);
        if (exportToReactor) {
            session.getUserProperties().setProperty(key, value);
        }
    }
}
