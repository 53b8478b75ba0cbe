package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.session.SessionListener;
import io.github.emrserverless.maven.session.SessionStarter;
import io.github.emrserverless.maven.session.Sleeper;
import io.github.emrserverless.maven.session.StartSessionConfiguration;
import java.io.File;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Starts an EMR Serverless interactive session with the merged runtime configuration, waits until it is
 * ready, and exports its ID, ARN and application ID as project properties for later steps.
 */
@Mojo(name = "start-session", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartSessionMojo extends AbstractEmrServerlessMojo {

    /** The IAM role the session runs as, like {@code arn:aws:iam::123456789012:role/my-session-role}. Required. */
    @Parameter(property = "emr-serverless.executionRoleArn")
    private String executionRoleArn;

    /** A name for the session, 1 to 256 characters. */
    @Parameter(property = "emr-serverless.name")
    private String name;

    /**
     * Minutes of idleness after which the service ends the session. Always sent: it caps what a session
     * nobody ends (a killed build, a lost machine) can cost.
     */
    @Parameter(property = "emr-serverless.idleTimeoutMinutes", defaultValue = "30")
    private long idleTimeoutMinutes;

    /** Tags for the session, in the POM's order. */
    // LinkedHashMap, not Map: Maven instantiates the declared type, and for an interface a sorted map.
    @Parameter
    private LinkedHashMap<String, String> tags;

    /**
     * The idempotency token of StartSession. Default: a UUID generated once per execution and reused by
     * every retry, so that a retried request never starts a second session.
     */
    @Parameter(property = "emr-serverless.clientToken")
    private String clientToken;

    /**
     * JSON files of runtime configuration, lowest precedence first: a JSON array of configurations, or an
     * object with {@code runtimeConfiguration} or {@code applicationConfiguration}.
     */
    @Parameter(property = "emr-serverless.runtimeConfigurationFiles")
    private List<File> runtimeConfigurationFiles;

    /** Runtime configuration: {@code <configuration>} elements with classification, properties, configurations. */
    @Parameter
    private List<RuntimeConfigurationEntry> runtimeConfiguration;

    /** Spark properties, merged into the {@code spark-defaults} classification. */
    @Parameter
    private LinkedHashMap<String, String> sparkProperties;

    /** Waits until the session is ready (STARTED, IDLE or BUSY) before the build goes on. */
    @Parameter(property = "emr-serverless.waitForReady", defaultValue = "true")
    private boolean waitForReady;

    /**
     * How long to wait in all, for the application and then the session: ISO-8601 ({@code PT20M}) or
     * {@code 90s}, {@code 20m}, {@code 1h}.
     */
    @Parameter(property = "emr-serverless.waitTimeout", defaultValue = "20m")
    private String waitTimeout;

    /** Starts the application when it is stopped and has auto-start disabled. */
    @Parameter(property = "emr-serverless.startApplication", defaultValue = "true")
    private boolean startApplication;

    /** The project property that receives the session ID. */
    @Parameter(property = "emr-serverless.sessionIdProperty", defaultValue = "emr-serverless.sessionId")
    private String sessionIdProperty;

    /**
     * A JSON file with applicationId, sessionId, arn, state, name, startedAt and, once ready, the Spark Connect
     * endpoint and authTokenExpiresAt (never the token itself).
     */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session.json")
    private File outputFile;

    /** Prints the StartSession request that would be sent, and sends nothing. Needs no credentials. */
    @Parameter(property = "emr-serverless.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Adds {@code created-by=emr-serverless-maven-plugin}, {@code maven-project=<groupId>:<artifactId>},
     * {@code start-token=<clientToken>} and, in CI, {@code ci-run=<GITHUB_RUN_ID, CI_PIPELINE_ID or BUILD_TAG>}
     * to the tags, so that terminate-session (and start-session itself, after a lost answer) can find sessions
     * by tags. Tags in {@code <tags>} win.
     */
    @Parameter(property = "emr-serverless.defaultTags", defaultValue = "true")
    private boolean defaultTags;

    /**
     * Leaves the session running when the build fails or is interrupted, for debugging. By default the
     * plugin terminates a session it started whenever the build does not succeed before terminate-session ran.
     */
    @Parameter(property = "emr-serverless.keepSessionOnFailure", defaultValue = "false")
    private boolean keepSessionOnFailure;

    /**
     * Once the session is ready, exports its Spark Connect endpoint as {@code emr-serverless.sessionEndpoint}
     * and writes its auth token to {@code tokenFile}. Default: true when waiting for readiness.
     */
    @Parameter(property = "emr-serverless.exportEndpoint")
    private Boolean exportEndpoint;

    /**
     * Also puts the auth token in the {@code emr-serverless.sessionAuthToken} property. Off by default: a
     * property can reach logs and reports (for example {@code mvn -X}, or a plugin that prints its
     * configuration); the owner-only token file cannot.
     */
    @Parameter(property = "emr-serverless.exportAuthToken", defaultValue = "false")
    private boolean exportAuthToken;

    /** Where the Spark Connect auth token is written, readable by its owner only. */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session-token")
    private File tokenFile;

    /**
     * Also publishes the exported values as user properties of the whole build, so that a start-session in
     * the root project (with {@code <inherited>false</inherited>}) is visible to every module.
     */
    @Parameter(property = "emr-serverless.exportToReactor", defaultValue = "false")
    private boolean exportToReactor;

    /**
     * {@code KEY=value} lines (EMR_SERVERLESS_SESSION_ID, ...) for GitLab dotenv reports, Jenkins and shell
     * steps; written always. On GitHub Actions the values also go to the step outputs and summary.
     */
    @Parameter(defaultValue = "${project.build.directory}/emr-serverless/session.env")
    private File envFile;

    private final SessionSafetyNet safetyNet;
    /** The clients this execution opened; the safety net shares them. */
    private AwsClients opened;

    @Inject
    public StartSessionMojo(SettingsDecrypter settingsDecrypter, SessionSafetyNet safetyNet) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        SessionListener guard = keepSessionOnFailure
                ? new SessionListener() {}
                : new SafetyNetListener(
                        safetyNet, session, settings, idleTimeoutMinutes, tokenFile.toPath(), () -> opened, getLog());
        new SessionStarter(reporter(), origin(), System.getenv(), Clock.systemUTC(), Sleeper.SYSTEM)
                .start(configuration(), () -> opened = openClients(), this::exportProperty, guard);
    }

    private StartSessionConfiguration configuration() {
        return new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        applicationId,
                        executionRoleArn,
                        name,
                        idleTimeoutMinutes,
                        orEmpty(tags),
                        clientToken,
                        defaultTags,
                        project.getGroupId(),
                        project.getArtifactId()),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        runtimeConfigurationFiles == null
                                ? List.of()
                                : runtimeConfigurationFiles.stream()
                                        .map(File::toPath)
                                        .toList(),
                        project.getBasedir().toPath(),
                        runtimeConfiguration == null
                                ? List.of()
                                : runtimeConfiguration.stream()
                                        .map(RuntimeConfigurationEntry::toConfiguration)
                                        .toList(),
                        orEmpty(sparkProperties),
                        session.getUserProperties()),
                new StartSessionConfiguration.Waiting(waitForReady, waitTimeout, startApplication, exportEndpoint),
                new StartSessionConfiguration.Outputs(
                        sessionIdProperty, outputFile.toPath(), tokenFile.toPath(), envFile.toPath(), exportAuthToken),
                dryRun);
    }

    private void exportProperty(String key, String value) {
        project.getProperties().setProperty(key, value);
        if (exportToReactor) {
            session.getUserProperties().setProperty(key, value);
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
