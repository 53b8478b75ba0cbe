package io.github.emrserverless.core.local;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.flow.SessionOutputs;
import io.github.emrserverless.core.handover.SessionHandOver;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.start.StartLimits;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Local mode: a Spark Connect server on this machine stands in for an EMR Serverless session. start-session
 * forks it, await-session waits for it, terminate-session stops it; the build sees the same properties, files
 * and CI outputs as for a session on AWS, and no AWS call is made.
 */
public final class LocalSessions {

    /** The newest Spark 4 release whose Spark Connect server Maven Central serves with all its dependencies. */
    public static final String DEFAULT_SPARK_VERSION = "4.2.0";
    /** How long a stop waits for Spark to shut down by itself before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * @param sparkVersion {@code localSparkVersion} as written
     * @param java the java launcher of the server
     * @param directory where the server's log, working directory and properties go ({@code target/emr-serverless})
     */
    public record Options(String sparkVersion, Path java, Path directory) {}

    private final GoalContext context;

    public LocalSessions(GoalContext context) {
        this.context = context;
    }

    /**
     * start-session in local mode: resolves and forks the server, then (with waitForReady) hands it over.
     *
     * @param watch told about the server as soon as it runs: it must end with the build
     */
    public void start(
            StartSessionConfiguration configuration,
            Options options,
            ServerClasspath classpath,
            BiConsumer<String, String> properties,
            Consumer<LocalServer> watch)
            throws InterruptedException {
        Duration timeout = Durations.parse(configuration.waiting().waitTimeout(), "waitTimeout", context.origin());
        configuration.outputs().check(context.origin());
        // Checked though unused here: the same POM runs on AWS, where they count.
        StartLimits.check(configuration, context.origin());
        String version = LocalSparkVersion.checked(options.sparkVersion(), context.origin());
        MergedConfiguration merged = configuration.runtimeConfiguration().merge(context.reporter());
        LocalSparkConfiguration spark = LocalSparkConfiguration.of(merged, context.reporter());
        merged.summary().forEach(line -> context.reporter().info("Runtime configuration " + line));
        boolean warm = configuration.reuse().enabled() && WarmServers.allowed(context.environment());
        if (configuration.reuse().enabled() && !warm) {
            context.reporter()
                    .info("reuse keeps no local server warm in CI (CI is set): this one ends with the build. Set"
                            + " EMR_SERVERLESS_LOCAL_REUSE=true to keep it anyway.");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mode", "local");
        summary.put("sparkVersion", version);
        summary.put(
                "runtimeConfiguration",
                SecretMasker.mask(merged.configurations()).stream()
                        .map(Configuration::toJson)
                        .toList());
        if (configuration.dryRun()) {
            context.reporter()
                    .info("Dry run: a local Spark Connect server (Spark " + version + ") would start with"
                            + " (secret-looking values masked): " + json(summary));
            return;
        }
        LocalServer server = warm
                ? new WarmServers(context)
                        .adoptOrStart(
                                version,
                                spark,
                                options,
                                classpath,
                                merged,
                                configuration.request().idleTimeoutMinutes())
                : new LocalServerLauncher(context.reporter(), context.clock(), context.environment())
                        .fork(version, spark, options, classpath, null);
        watch.accept(server);
        StartedSession started = new StartedSession(StartedSession.LOCAL_APPLICATION, server.sessionId(), null);
        String name = configuration.request().name();
        SessionListener listener = SessionOutputs.of(
                configuration.outputs(),
                new SessionReport(
                        configuration.outputs().reportFile(),
                        summary,
                        context.environment(),
                        context.clock(),
                        context.reporter()),
                name,
                server.warm(),
                properties,
                context.environment(),
                Json.create(),
                context.reporter());
        if (server.adopted()) {
            listener.onReused(started);
        }
        boolean waitForReady = configuration.waiting().waitForReady();
        handOver(
                server,
                started,
                session(server, name, SessionState.STARTING, null),
                name,
                timeout,
                waitForReady,
                exportEndpoint(configuration.waiting()),
                listener);
        if (!waitForReady) {
            context.reporter()
                    .info("Local server " + server.sessionId() + " is starting; await-session hands it over.");
        }
    }

    /**
     * await-session in local mode: the server start-session forked earlier in this build.
     *
     * @param server null when this build runs none by that ID
     */
    public void await(
            String sessionId,
            LocalServer server,
            String waitTimeout,
            Boolean exportEndpoint,
            StartSessionConfiguration.Outputs outputs,
            BiConsumer<String, String> properties)
            throws InterruptedException {
        Duration timeout = Durations.parse(waitTimeout, "waitTimeout", context.origin());
        if (sessionId == null) {
            throw InvalidConfigurationException.missing(
                    context.origin(),
                    "sessionId",
                    "local-<id>",
                    "start-session (mode=local) earlier in the same build sets it for you");
        }
        if (server == null) {
            throw new SessionException(notRunning(sessionId) + " await-session waits for the local server that"
                    + " start-session (mode=local) started earlier in the same build.");
        }
        context.reporter()
                .info("Awaiting local server " + sessionId + " (started "
                        + Durations.format(Duration.between(
                                server.startedAt(), context.clock().instant())) + " ago)");
        StartedSession started = new StartedSession(StartedSession.LOCAL_APPLICATION, sessionId, null);
        SessionListener listener = SessionOutputs.of(
                outputs,
                SessionReport.continuing(
                        outputs.reportFile(), sessionId, context.environment(), context.clock(), context.reporter()),
                null,
                false,
                properties,
                context.environment(),
                Json.create(),
                context.reporter());
        handOver(
                server,
                started,
                null,
                null,
                timeout,
                true,
                exportEndpoint == null || exportEndpoint,
                SessionListener.withoutIdentity(listener));
    }

    /**
     * terminate-session in local mode: stops the server, completes the report and removes the token file.
     *
     * @param server null when this build runs none by that ID
     * @param tokenFile the token file start-session wrote, or null
     */
    public void terminate(String sessionId, LocalServer server, Path reportFile, Path tokenFile)
            throws InterruptedException {
        if (server != null && server.warm()) {
            context.reporter()
                    .info("Local server " + sessionId + " is warm (reuse=true) and stays running for the next build or"
                            + " test run; it exits by itself when idle. To end it now: mvn emr-serverless:terminate-session"
                            + " -Demr-serverless.mode=local -Demr-serverless.sessionId=" + sessionId);
            return;
        }
        boolean warm = server == null;
        if (warm) {
            // Not of this build: a warm server of this user, named to be ended (mvn ... -Demr-serverless.sessionId).
            server = new WarmServers(context).byId(sessionId);
        }
        if (server == null) {
            context.reporter().info(notRunning(sessionId) + " Nothing to stop.");
            return;
        }
        Instant begun = context.clock().instant();
        boolean killed = server.stop(STOP_GRACE);
        if (tokenFile != null) {
            OwnerOnlyFile.delete(tokenFile);
        }
        context.reporter()
                .info("Stopped local server " + sessionId
                        + (killed
                                ? ": it did not shut down within " + Durations.format(STOP_GRACE) + " and was killed."
                                : " in "
                                        + Durations.format(Duration.between(
                                                begun, context.clock().instant())) + "."));
        if (warm) {
            new WarmServers(context).forget();
        }
        Session ended = session(server, null, SessionState.TERMINATED, killed ? "killed after the grace period" : null);
        SessionReport.update(
                reportFile,
                sessionId,
                content -> content.ended(ended, context.clock().instant()),
                context.reporter());
    }

    /**
     * The same hand-over as a session on AWS: a server that exits or is not ready in time is stopped, the report
     * and the listeners are told, and the goal fails.
     *
     * @param known the server's state as start-session announces it, or null for await-session
     */
    private void handOver(
            LocalServer server,
            StartedSession started,
            Session known,
            String name,
            Duration timeout,
            boolean waitForReady,
            boolean exportEndpoint,
            SessionListener listener)
            throws InterruptedException {
        new SessionHandOver(new LocalBackend(server, name, context.clock(), context.sleeper()), context.reporter())
                .handOver(
                        started,
                        known,
                        new SessionHandOver.Plan(waitForReady, timeout, timeout, exportEndpoint, null),
                        listener);
    }

    private static String notRunning(String sessionId) {
        return "Local session " + sessionId + " is not running in this build (a local server lives only as long as"
                + " the build that started it).";
    }

    private Session session(LocalServer server, String name, SessionState state, String details) {
        return new LocalBackend(server, name, context.clock(), context.sleeper()).session(state, details);
    }

    private static boolean exportEndpoint(StartSessionConfiguration.Waiting waiting) {
        return waiting.exportEndpoint() == null || waiting.exportEndpoint();
    }

    private static String json(Object value) {
        try {
            return Json.create().asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
