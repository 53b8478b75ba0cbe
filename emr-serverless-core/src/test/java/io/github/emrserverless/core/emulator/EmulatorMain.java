package io.github.emrserverless.core.emulator;

import io.github.emrserverless.core.emulator.ApplicationSpec.SessionOutcome;
import io.github.emrserverless.core.local.ServerClasspath;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the emulator as its own process, for the invoker builds in {@code src/it} and the demo. It accepts
 * any access key signed with the secret {@value #SECRET}, and exactly the temporary credentials
 * {@value #TOKEN_KEY} with the session token {@value #TOKEN}. It stops when its parent build ends, or
 * after {@code --max-lifetime} at the latest, so a killed build cannot leave it behind.
 *
 * <p>Applications, one per scenario: {@code appready}, {@code appstopped} and {@code appstoppedkeep} (auto-start off),
 * {@code appautostart}, {@code appcreating}, {@code appfailing}, {@code appslow} (never ready),
 * {@code appnosessions}, {@code appoldrelease}, {@code appterminated}, {@code appdemo}, {@code appreaper},
 * {@code appsigterm} (never ready), {@code appslowanswer} (StartSession answers after 60 s). ListSessions pages hold 2 sessions.
 */
public final class EmulatorMain {

    public static final String SECRET = "emulator-secret";
    public static final String TOKEN_KEY = "ASIAEMULATORTOKEN";
    public static final String TOKEN = "emulator-session-token";

    private EmulatorMain() {}

    /**
     * A Spark 4 server (emr-spark-8.x runs Spark 4; 4.2.0 is the version the other integration tests resolve
     * already), resolved as the JUnit extension resolves a local server: that class is on the class path of the
     * plugin's integration tests, which start the emulator, and the core cannot depend on it. The TLS front's
     * certificate is for {@code localhost}; clients trust it through {@code DIR/trust.p12}.
     */
    private static SparkConnectEndpoint sparkConnectEndpoint(Path directory) throws Exception {
        java.lang.reflect.Constructor<?> resolver = Class.forName(
                        "io.github.emrserverless.junit5.ResolverServerClasspath")
                .getDeclaredConstructor();
        resolver.setAccessible(true);
        for (String made : List.of("server.p12", "server.crt", "trust.p12", "issued-tokens", "calls.log")) {
            Files.deleteIfExists(directory.resolve(made));
        }
        Files.createDirectories(directory);
        TlsFiles tls = TlsFiles.create(directory, "localhost");
        return SparkConnectEndpoint.start(
                (ServerClasspath) resolver.newInstance(), "4.2.0", directory, tls.serverContext());
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server leaves Nagle's algorithm on: with the client's delayed acknowledgement, every answer
        // on a kept-alive connection then waited about 40 ms, which the service does not do and which the benchmarks
        // would count against both the plugin and boto3. This process is the emulator: the JVM-wide switch is its own.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = 0;
        Duration maxLifetime = Duration.ofMinutes(30);
        PrintStream requestLog = null;
        // Small pages by default, so that ListSessions callers must follow nextToken; the benchmarks ask for 50.
        int pageSize = 2;
        Path sparkConnect = null;
        Path https = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--max-lifetime" -> maxLifetime = Duration.parse(args[++i]);
                case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                case "--spark-connect" -> sparkConnect = Path.of(args[++i]);
                // Serves https for the host name localhost; its certificate lands in DIR (server.crt, trust.p12).
                case "--https" -> https = Path.of(args[++i]);
                // A file of its own: a full standard output pipe would block the request handlers.
                case "--request-log" ->
                    requestLog = new PrintStream(new FileOutputStream(args[++i], true), true, StandardCharsets.UTF_8);
                default ->
                    throw new IllegalArgumentException(
                            "usage: EmulatorMain [--port N] [--max-lifetime PT30M] [--page-size N] [--request-log FILE]"
                                    + " [--spark-connect DIR] [--https DIR]");
            }
        }
        Duration second = Duration.ofSeconds(1);
        EmulatorBuilder builder = EmrServerlessEmulator.builder();
        if (sparkConnect != null) {
            // Sessions of appsparkconnect are served by a real Spark Connect server with 20-s tokens.
            builder.sparkConnect("appsparkconnect", sparkConnectEndpoint(sparkConnect))
                    .application(ApplicationSpec.started("appsparkconnect")
                            .withReleaseLabel("emr-spark-8.0.0")
                            .withSessions(second, SessionOutcome.READY)
                            .withTokenLifetime(Duration.ofSeconds(20)));
        }
        if (https != null) {
            Files.createDirectories(https);
            for (String made : List.of("server.p12", "server.crt", "trust.p12")) {
                Files.deleteIfExists(https.resolve(made));
            }
            builder.https(TlsFiles.create(https, "localhost").serverContext());
        }
        EmrServerlessEmulator emulator = builder.port(port)
                .anyAccessKeyWithSecret(SECRET)
                .proxyCredentials("itproxy", "itproxypass")
                .logRequests(requestLog)
                // The passes of the integration tests (main, Maven 3.6.3, Maven 4): one account each.
                .account("M3")
                .account("M363")
                .account("M4")
                .credentials(new EmulatorCredentials(TOKEN_KEY, SECRET, TOKEN))
                .application(ApplicationSpec.started("appready").withSessions(second, SessionOutcome.READY))
                .application(ApplicationSpec.started("appstopped")
                        .withState("STOPPED")
                        .withAutoStart(false))
                .application(ApplicationSpec.started("appstoppedkeep")
                        .withState("STOPPED")
                        .withAutoStart(false))
                .application(ApplicationSpec.started("appautostart").withState("STOPPED"))
                .application(ApplicationSpec.started("appcreating").withState("CREATING"))
                .application(ApplicationSpec.started("appfailing").withSessions(second, SessionOutcome.FAIL))
                .application(ApplicationSpec.started("appslow").withSessions(second, SessionOutcome.NEVER_READY))
                .application(ApplicationSpec.started("appnosessions").withSessionEnabled(false))
                .application(ApplicationSpec.started("appoldrelease").withReleaseLabel("emr-7.12.0"))
                .application(ApplicationSpec.started("appterminated").withState("TERMINATED"))
                .application(
                        ApplicationSpec.started("appdemo").withSessions(Duration.ofSeconds(3), SessionOutcome.READY))
                .application(ApplicationSpec.started("appreaper").withSessions(second, SessionOutcome.READY))
                .application(ApplicationSpec.started("applisted"))
                .application(ApplicationSpec.started("appsigterm").withSessions(second, SessionOutcome.NEVER_READY))
                .application(ApplicationSpec.started("appslowanswer").withSessions(second, SessionOutcome.READY))
                .delayStartAnswer("appslowanswer", Duration.ofSeconds(60))
                // Auth tokens that expire after 20 s, for the token renewal IT.
                .application(ApplicationSpec.started("appshorttoken")
                        .withSessions(second, SessionOutcome.READY)
                        .withTokenLifetime(Duration.ofSeconds(20)))
                // For benchmarks/run.sh: sessions that take 20 s to start, as a third of a real one does.
                .application(ApplicationSpec.started("appbench20")
                        .withSessions(Duration.ofSeconds(20), SessionOutcome.READY))
                .pageSize(pageSize)
                .start();
        System.out.println(
                "EMR Serverless emulator listening on " + emulator.uri() + " (stops within " + maxLifetime + ")");
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        never.await(maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
        emulator.close();
        System.exit(0);
    }
}
