package io.github.emrserverless.maven.mojo;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.config.Configuration;
import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.config.Json;
import io.github.emrserverless.maven.config.MergedConfiguration;
import io.github.emrserverless.maven.config.RuntimeConfigurationAssembler;
import io.github.emrserverless.maven.config.RuntimeConfigurationFileReader;
import io.github.emrserverless.maven.config.SecretMasker;
import io.github.emrserverless.maven.session.ApplicationPreflight;
import io.github.emrserverless.maven.session.CiOutputs;
import io.github.emrserverless.maven.session.DefaultTags;
import io.github.emrserverless.maven.session.Durations;
import io.github.emrserverless.maven.session.LaunchOptions;
import io.github.emrserverless.maven.session.PollSchedule;
import io.github.emrserverless.maven.session.Poller;
import io.github.emrserverless.maven.session.ReadinessWaiter;
import io.github.emrserverless.maven.session.Reporter;
import io.github.emrserverless.maven.session.Session;
import io.github.emrserverless.maven.session.SessionEndpoint;
import io.github.emrserverless.maven.session.SessionException;
import io.github.emrserverless.maven.session.SessionExporter;
import io.github.emrserverless.maven.session.SessionFile;
import io.github.emrserverless.maven.session.SessionHandover;
import io.github.emrserverless.maven.session.SessionLauncher;
import io.github.emrserverless.maven.session.Sleeper;
import io.github.emrserverless.maven.session.StartSessionRequest;
import io.github.emrserverless.maven.session.StartSessionValidator;
import io.github.emrserverless.maven.session.StartedSession;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
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

    /** Tags for the session. (Declared as LinkedHashMap so that Maven keeps the POM's order.) */
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
    private List<PomConfiguration> runtimeConfiguration;

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

    /** A JSON file with applicationId, sessionId, arn, state, name and startedAt. */
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

    @Inject
    public StartSessionMojo(SettingsDecrypter settingsDecrypter, SessionSafetyNet safetyNet) {
        super(settingsDecrypter);
        this.safetyNet = safetyNet;
    }

    @Override
    protected void run() throws MojoExecutionException, InterruptedException {
        Reporter reporter = reporter();
        Duration timeout = Durations.parse(waitTimeout, "waitTimeout", origin());
        AwsSettings settings = awsSettings();
        if (sessionIdProperty == null || sessionIdProperty.isBlank()) {
            throw new InvalidConfigurationException("Invalid <sessionIdProperty> (from " + origin().of("sessionIdProperty")
                    + "): it is empty; allowed: a property name such as emr-serverless.sessionId.");
        }
        // The AWS clients are built on other threads while this one reads and checks the configuration.
        AwsClients.Opening opening = dryRun ? null : startOpeningClients(settings);
        JSON json = Json.create();
        StartSessionRequest request;
        try {
            request = request(json, reporter);
        } catch (RuntimeException e) {
            if (opening != null) {
                opening.discard();
            }
            throw e;
        }
        if (dryRun) {
            getLog().info("Dry run: StartSession request for application " + applicationId
                    + " (not sent; secret-looking values masked):\n" + toJson(Json.pretty(json), masked(request).body()));
            return;
        }
        boolean fetchEndpoint = exportEndpoint == null ? waitForReady : exportEndpoint;
        if (fetchEndpoint && !waitForReady) {
            getLog().warn("<exportEndpoint> needs <waitForReady>true</waitForReady>: a session has an endpoint only once ready.");
            fetchEndpoint = false;
        }
        SessionHandover exports = SessionHandover.all(
                new SessionExporter(this::exportProperty, new SessionFile(json),
                        new SessionExporter.Settings(sessionIdProperty, name, outputFile.toPath(), tokenFile.toPath(), exportAuthToken),
                        reporter),
                new CiOutputs(System.getenv(), envFile.toPath(), tokenFile.toPath()));
        WatchedHandover handover = new WatchedHandover(exports, settings);
        try (AwsClients clients = opening.await()) {
            Clock clock = Clock.systemUTC();
            Poller poller = new Poller(clock, Sleeper.SYSTEM, PollSchedule.DEFAULT);
            SessionLauncher launcher = new SessionLauncher(
                    new ApplicationPreflight(clients.sessions(),
                            id -> clients.emrServerless().startApplication(r -> r.applicationId(id)), poller, reporter),
                    clients.sessions(),
                    new ReadinessWaiter(clients.sessions(), poller, reporter),
                    reporter, clock);
            launcher.launch(request, new LaunchOptions(startApplication, waitForReady, timeout, fetchEndpoint), handover);
        } catch (SessionException e) {
            if (handover.started != null && e.sessionEnded()) {
                safetyNet.release(session, handover.started.applicationId(), handover.started.sessionId());
            }
            throw e;
        }
    }

    /** The StartSession request from every source of configuration, checked against the API's constraints. */
    private StartSessionRequest request(JSON json, Reporter reporter) {
        MergedConfiguration merged = new RuntimeConfigurationAssembler(new RuntimeConfigurationFileReader(reporter::warn))
                .assemble(files(), pomConfiguration(), orEmpty(sparkProperties), session.getUserProperties());
        String token = clientToken == null ? UUID.randomUUID().toString() : clientToken;
        StartSessionRequest request = new StartSessionRequest(applicationId, token, blankToNull(executionRoleArn),
                name, idleTimeoutMinutes, tags(token),
                merged.configurations().isEmpty() ? null : new StartSessionRequest.ConfigurationOverrides(merged.configurations()));
        new StartSessionValidator(origin()).validate(request);
        merged.summary().forEach(line -> getLog().info("Runtime configuration " + line));
        reporter.debug(() -> "Merged runtime configuration (secret-looking values masked): "
                + toJson(json, SecretMasker.mask(merged.configurations()).stream().map(Configuration::toJson).toList()));
        return request;
    }

    private void exportProperty(String key, String value) {
        project.getProperties().setProperty(key, value);
        if (exportToReactor) {
            session.getUserProperties().setProperty(key, value);
        }
    }

    /** Puts the session under the safety net before exporting it, so that no failure after StartSession leaks it. */
    private final class WatchedHandover implements SessionHandover {
        private final SessionHandover exporter;
        private final AwsSettings settings;
        private StartedSession started;

        WatchedHandover(SessionHandover exporter, AwsSettings settings) {
            this.exporter = exporter;
            this.settings = settings;
        }

        @Override
        public void started(StartedSession session) {
            started = session;
            if (!keepSessionOnFailure) {
                safetyNet.watch(StartSessionMojo.this.session, new PendingSession(session, settings, idleTimeoutMinutes), getLog());
            }
            exporter.started(session);
        }

        @Override
        public void ready(StartedSession session, Session ready, SessionEndpoint endpoint) {
            exporter.ready(session, ready, endpoint);
        }
    }

    private Map<String, String> tags(String token) {
        Map<String, String> defaults = defaultTags
                ? DefaultTags.of(project.getGroupId(), project.getArtifactId(), token, System.getenv())
                : Map.of();
        return DefaultTags.merge(defaults, orEmpty(tags));
    }

    private List<java.nio.file.Path> files() {
        List<java.nio.file.Path> paths = new ArrayList<>();
        if (runtimeConfigurationFiles != null) {
            for (File file : runtimeConfigurationFiles) {
                // A -D list is relative to where mvn runs; resolve against the project like Maven does for POM paths.
                paths.add(file.isAbsolute() ? file.toPath() : project.getBasedir().toPath().resolve(file.getPath()));
            }
        }
        return paths;
    }

    private List<Configuration> pomConfiguration() {
        List<Configuration> configurations = new ArrayList<>();
        if (runtimeConfiguration != null) {
            runtimeConfiguration.forEach(c -> configurations.add(c.toConfiguration()));
        }
        return configurations;
    }

    private static StartSessionRequest masked(StartSessionRequest request) {
        return new StartSessionRequest(request.applicationId(), request.clientToken(), request.executionRoleArn(),
                request.name(), request.idleTimeoutMinutes(), request.tags(),
                request.configurationOverrides() == null ? null
                        : new StartSessionRequest.ConfigurationOverrides(SecretMasker.mask(request.runtimeConfiguration())));
    }

    private static String toJson(JSON json, Object value) {
        try {
            return json.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }
}
