package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.flow.SessionStarter;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.local.LocalSessions;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Starts an EMR Serverless interactive session with the merged runtime configuration, waits until it is
 * ready, and exports its ID, ARN and application ID as project properties for later steps.
 */
@Mojo(name = "start-session", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartSessionMojo extends AbstractHandOverMojo {

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

    /** Starts the application when it is stopped and has auto-start disabled. */
    @Parameter(property = "emr-serverless.startApplication", defaultValue = "true")
    private boolean startApplication;

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
     * Reuses a warm session: a live session of the application started with the same configuration
     * (application, execution role, runtime configuration, idle timeout, name and {@code <tags>}) not longer than
     * {@code reuseMaxAge} ago is used at once, or awaited while it starts; only when none fits is a session
     * started, tagged {@code reuse-key} for the next build. Builds that start together, on one machine or many,
     * share one session. A session is reused only when its own attributes (GetSession) match and its creator is in
     * {@code reuseScope}; one that expires or idles out within 10 minutes is left alone. terminate-session and the
     * safety net leave a reusable session running.
     */
    @Parameter(property = "emr-serverless.reuse", defaultValue = "false")
    private boolean reuse;

    /** How old a session may be to be reused, 1m to 24h: ISO-8601 ({@code PT4H}) or {@code 4h}, {@code 90m}. */
    @Parameter(property = "emr-serverless.reuseMaxAge", defaultValue = "4h")
    private String reuseMaxAge;

    /**
     * Who shares a reusable session: {@code role} (builds running as the same IAM role; an assumed role's session
     * name does not count) or {@code account} (every principal of the AWS account). A shared session is one Spark
     * driver: temporary views, caches and session settings are visible to every build in the scope.
     */
    @Parameter(property = "emr-serverless.reuseScope", defaultValue = "role")
    private String reuseScope;

    /**
     * How long a session may live before a janitor (terminate-session with {@code expired}) ends it, 1m to 24h:
     * start-session tags it {@code expires-at=<UTC time>}. ISO-8601 ({@code PT4H}) or {@code 4h}, {@code 90m}.
     */
    @Parameter(property = "emr-serverless.maxSessionAge", defaultValue = "4h")
    private String maxSessionAge;

    /**
     * The most live sessions this project may have on the application (tagged {@code created-by} and its
     * {@code maven-project}): at or above it, start-session fails before StartSession, listing them. 0 turns
     * the ceiling off.
     */
    @Parameter(property = "emr-serverless.maxLiveSessions", defaultValue = "10")
    private int maxLiveSessions;

    /**
     * Local mode: the local Spark Connect server's Spark, resolved through Maven: 3.5.x (Scala 2.12, as emr-7.x runs)
     * or 4.0.0 and later (Scala 2.13, as emr-spark-8.x). A test's Spark Connect client must be no newer than this.
     */
    @Parameter(property = "emr-serverless.localSparkVersion", defaultValue = LocalSessions.DEFAULT_SPARK_VERSION)
    private String localSparkVersion;

    private final SessionSafetyNet safetyNet;
    private final RepositorySystem repositorySystem;
    private final ToolchainManager toolchains;
    /** The clients this execution opened; the safety net shares them. */
    private AwsClients opened;

    @Inject
    public StartSessionMojo(
            SettingsDecrypter settingsDecrypter,
            SessionSafetyNet safetyNet,
            RepositorySystem repositorySystem,
            ToolchainManager toolchains) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
        this.repositorySystem = repositorySystem;
        this.toolchains = toolchains;
    }

    /** A local Spark Connect server instead of a session: no AWS call, no credentials. */
    @Override
    protected void runLocally() throws InterruptedException {
        new LocalSessions(context())
                .start(
                        configuration(),
                        new LocalSessions.Options(
                                localSparkVersion,
                                MavenServerClasspath.java(toolchains, session, getLog()),
                                new File(project.getBuild().getDirectory(), "emr-serverless").toPath()),
                        MavenServerClasspath.of(repositorySystem, session, project, origin()),
                        this::exportProperty,
                        server -> safetyNet.watchLocal(session, server, exportToReactor, getLog()));
    }

    @Override
    protected void run(AwsSettings settings) throws InterruptedException {
        SessionListener listeners = SafetyNetListener.forStart(
                safetyNet,
                session,
                settings,
                new PendingSession.Ending(idleTimeoutMinutes, tokenFile.toPath(), exportToReactor, reportFile.toPath()),
                keepSessionOnFailure,
                reuse,
                () -> opened,
                outputFile.toPath(),
                getLog());
        new SessionStarter(context())
                .start(configuration(), () -> opened = openClients(), this::exportProperty, listeners);
    }

    private StartSessionConfiguration configuration() {
        return new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        applicationId,
                        executionRoleArn,
                        name,
                        idleTimeoutMinutes,
                        Objects.requireNonNullElse(tags, Map.of()),
                        clientToken,
                        defaultTags,
                        project.getGroupId(),
                        project.getArtifactId(),
                        ciJob()),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        RuntimeConfigurationEntry.paths(runtimeConfigurationFiles),
                        project.getBasedir().toPath(),
                        RuntimeConfigurationEntry.toConfigurations(runtimeConfiguration),
                        Objects.requireNonNullElse(sparkProperties, Map.of()),
                        session.getUserProperties()),
                new StartSessionConfiguration.Waiting(waitForReady, waitTimeout, startApplication, exportEndpoint),
                new StartSessionConfiguration.Reuse(reuse, reuseMaxAge, reuseScope),
                new StartSessionConfiguration.Limits(maxSessionAge, maxLiveSessions),
                outputs(),
                dryRun);
    }
}
