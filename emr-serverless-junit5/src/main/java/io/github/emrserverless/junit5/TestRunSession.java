package io.github.emrserverless.junit5;

import io.github.emrserverless.core.api.SparkRelease;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Mode;
import io.github.emrserverless.core.guard.RunGuard;
import io.github.emrserverless.core.guard.RunWords;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.local.LocalSessions;
import io.github.emrserverless.core.output.SessionFile;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test run's session: found where the build handed it over, or started for the run (a local Spark Connect
 * server); and the one SparkSession connected to it. Closing it closes the SparkSession and ends what was started.
 */
final class TestRunSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** Where start-session writes {@code session.json}, seen from the module a test runs in. */
    static final Path SESSION_FILE = Path.of("target", "emr-serverless", "session.json");

    private final SparkClient client;
    private final Object spark;
    private final ExportedSession session;
    private final RunGuard guard;
    private final Reporter log;
    private boolean closed;

    /** @param guard what ends the session this test run started; null for one the build handed over */
    private TestRunSession(SparkClient client, Object spark, ExportedSession session, RunGuard guard, Reporter log) {
        this.log = log;
        this.client = client;
        this.spark = spark;
        this.session = session;
        this.guard = guard;
    }

    /** The client's SparkSession, of its generation's class ({@link SparkClient}). */
    Object spark() {
        return spark;
    }

    /** A further SparkSession on the same server: a Spark Connect session of its own (isolated state). */
    Object newSpark() {
        return client.connect(connectionString(session), session.tokenFile(), session.mode() == Mode.LOCAL);
    }

    static TestRunSession open(Reporter log) {
        SparkClient client = SparkClient.on(Thread.currentThread().getContextClassLoader());
        Optional<ExportedSession> handed = handedOver(System::getProperty, SESSION_FILE, log);
        if (handed.isPresent()) {
            return new TestRunSession(client, connect(client, handed.get(), log), handed.get(), null, log);
        }
        TestSettings settings = TestSettings.load(Thread.currentThread().getContextClassLoader());
        RunGuard guard = new RunGuard(log, RunWords.TEST_RUN);
        try {
            ExportedSession started;
            if (settings.get("applicationId") != null && !"local".equalsIgnoreCase(settings.get("mode"))) {
                started = AwsTestSession.start(settings, DIRECTORY.toAbsolutePath(), guard, log);
                log.info("Using session " + started.sessionId() + ", "
                        + (started.reused()
                                ? "reused (a warm session of the same configuration)"
                                : "started for this test run")
                        + " on EMR Serverless (application " + started.applicationId() + ", Spark "
                        + started.sparkVersion() + ")");
            } else {
                started = startLocal(client, settings, guard, log);
                log.info("Using session " + started.sessionId() + ", "
                        + (started.reused()
                                ? "reused (a warm local Spark Connect server"
                                : "started for this test run" + " (a local Spark Connect server")
                        + ", Spark " + started.sparkVersion() + ", at " + started.endpoint() + ")");
            }
            return new TestRunSession(client, connect(client, started, log), started, guard, log);
        } catch (InterruptedException e) {
            guard.finished(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the session started", e);
        } catch (RuntimeException | Error e) {
            guard.finished(true);
            throw e;
        }
    }

    /** Where a session the test run gets by itself keeps its files, in the module a test runs in. */
    static final Path DIRECTORY = Path.of("target", "emr-serverless-junit5");

    /**
     * The session the build handed over: Failsafe's system properties (what the README passes), else the
     * {@code session.json} of a build whose session is still there (its token file is deleted when it ends).
     */
    static Optional<ExportedSession> handedOver(Function<String, String> properties, Path sessionFile, Reporter log) {
        Optional<ExportedSession> fromProperties = ExportedSession.fromProperties(
                        key -> resolved(properties.apply(key)), ExportedSession.SESSION_ID)
                .filter(TestRunSession::usable);
        if (fromProperties.isPresent()) {
            log.info("Using session " + fromProperties.get().sessionId() + ", handed over by the build (system"
                    + " properties)");
            return fromProperties;
        }
        Optional<ExportedSession> fromFile = SessionFile.read(sessionFile).filter(TestRunSession::usable);
        fromFile.ifPresent(session ->
                log.info("Using session " + session.sessionId() + ", handed over by the build (" + sessionFile + ")"));
        return fromFile;
    }

    /** Ready, with its token still there, and (a local server) still listening. */
    private static boolean usable(ExportedSession session) {
        if (session.endpoint() == null || session.tokenFile() == null || !Files.isReadable(session.tokenFile())) {
            return false;
        }
        return session.mode() != Mode.LOCAL || listening(session.endpoint());
    }

    /** An unset property reaches Failsafe's system properties as its own {@code ${...}} expression. */
    private static String resolved(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value;
    }

    private static boolean listening(String endpoint) {
        URI uri = URI.create(endpoint.replaceFirst("^sc://", "http://"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A local server as mode=local starts one, of the client's own Spark version unless told otherwise. */
    private static ExportedSession startLocal(SparkClient client, TestSettings settings, RunGuard guard, Reporter log) {
        Path directory = DIRECTORY.toAbsolutePath();
        String version = settings.get("localSparkVersion", client.version());
        Map<String, String> exported = new ConcurrentHashMap<>();
        StartSessionConfiguration configuration = new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        StartedSession.LOCAL_APPLICATION,
                        null,
                        null,
                        Long.parseLong(settings.get("idleTimeoutMinutes", "30")),
                        Map.of(),
                        null,
                        false,
                        null,
                        null,
                        null),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        List.of(), directory, List.of(), Map.of(), System.getProperties()),
                new StartSessionConfiguration.Waiting(true, settings.get("waitTimeout", "3m"), false, true),
                // A warm server for the next IDE run, unless told otherwise (and never in CI unless asked for).
                new StartSessionConfiguration.Reuse(
                        Boolean.parseBoolean(settings.get("reuse", "true")), settings.get("reuseMaxAge", "4h"), null),
                new StartSessionConfiguration.Limits("4h", 0),
                new StartSessionConfiguration.Outputs(
                        ExportedSession.SESSION_ID,
                        directory.resolve("session.json"),
                        directory.resolve("session-token"),
                        directory.resolve("session.env"),
                        directory.resolve("report.json"),
                        false),
                false);
        // No CI outputs: a test run writes nothing to the CI system's. Only where the cache is, whether class-data
        // archives and warm servers are off, and whether this is CI (where servers are not kept warm).
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment
                .keySet()
                .removeIf(key -> !key.startsWith("EMR_SERVERLESS_")
                        && !key.equals("XDG_CACHE_HOME")
                        && !key.equals("CI")
                        && !key.equals("LOCALAPPDATA"));
        GoalContext context = new GoalContext(log, settings, environment, Clock.systemUTC(), Sleeper.SYSTEM);
        try {
            new LocalSessions(context)
                    .start(
                            configuration,
                            new LocalSessions.Options(
                                    version, Path.of(System.getProperty("java.home"), "bin", "java"), directory),
                            new ResolverServerClasspath(),
                            exported::put,
                            server -> guard.local().add(server, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the local Spark Connect server started", e);
        }
        return ExportedSession.fromProperties(exported::get, ExportedSession.SESSION_ID)
                .orElseThrow(() -> new IllegalStateException("The local server exported no session"));
    }

    /** Fails fast, naming both versions, when the client may not talk to the server. */
    private static Object connect(SparkClient client, ExportedSession session, Reporter log) {
        if (session.sparkVersion() != null) {
            SparkRelease.ofVersion(session.sparkVersion())
                    .refusal(client.version(), client.scalaBinaryVersion())
                    .ifPresent(refusal -> {
                        throw new IllegalStateException(refusal);
                    });
        } else {
            log.warn("The server's Spark version is unknown: a Spark Connect client " + client.version()
                    + " must be no newer than it.");
        }
        return client.connect(connectionString(session), session.tokenFile(), session.mode() == Mode.LOCAL);
    }

    /**
     * EMR Serverless serves Spark Connect over TLS on port 443, which the JVM client uses only when the connection
     * string says {@code use_ssl=true}; a local server listens in plain text on the loopback interface.
     */
    static String connectionString(ExportedSession session) {
        String endpoint = session.endpoint();
        if (session.mode() == Mode.LOCAL || endpoint.contains("use_ssl=")) {
            return endpoint;
        }
        return endpoint + (endpoint.contains("/;") ? ";use_ssl=true" : "/;use_ssl=true");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            SparkClient.close(spark);
        } finally {
            if (guard != null) {
                if (session.reusable() && session.mode() != Mode.LOCAL) {
                    log.info("Session " + session.sessionId() + " stays running for the next test run (reuse); it"
                            + " ends after its idle timeout.");
                }
                guard.finished(false);
                // The server is gone; its token is a secret all the same.
                OwnerOnlyFile.delete(session.tokenFile());
            }
        }
    }
}
