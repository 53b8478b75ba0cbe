package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode end to end with a stand-in server: forked, awaited, handed over, stopped, reported. */
class LocalSessionsTest {

    private static final ParameterOrigin ORIGIN = parameter -> "POM <" + parameter + ">";

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<LocalServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (LocalServer server : servers) {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void startsAServerAndHandsItOverLikeASession() throws Exception {
        start(configuration(Map.of("spark.sql.shuffle.partitions", "4"), true, "4.2.0"));

        LocalServer server = servers.get(0);
        String id = properties.get("emr-serverless.sessionId");
        assertThat(id).matches("local-[0-9a-z]{12}").isEqualTo(server.sessionId());
        assertThat(properties)
                .containsEntry("emr-serverless.applicationId", "local")
                .containsEntry("emr-serverless.sessionEndpoint", server.endpoint())
                .containsEntry("emr-serverless.sparkVersion", "4.2.0")
                .doesNotContainKey("emr-serverless.sessionArn")
                .doesNotContainKey("emr-serverless.sessionAuthToken");
        assertThat(server.endpoint()).matches("sc://127\\.0\\.0\\.1:\\d+");
        assertThat(accepting(server)).isTrue();
        assertThat(Files.readString(dir.resolve("session-token")))
                .hasSizeGreaterThan(40)
                .isEqualTo(server.token());
        Map<String, Object> session =
                JSON.std.mapFrom(dir.resolve("session.json").toFile());
        assertThat(session)
                .containsEntry("mode", "local")
                .containsEntry("state", "IDLE")
                .containsEntry("sparkVersion", "4.2.0");
        assertThat(timeline()).containsExactly("SUBMITTED", "STARTING", "IDLE");
        // The Spark properties reached the server, and their file (secrets, maybe) is gone.
        assertThat(Files.readString(server.logFile())).contains("spark.master=local[*], SPARK_LOCAL_IP=127.0.0.1");
        // So is the file of JVM options; the scratch space is the build user's alone.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::toString))
                    .noneMatch(name -> name.endsWith(".properties") || name.endsWith(".args"));
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("local-server-" + id + "-scratch"))))
                .isEqualTo("rwx------");
        assertThat(reporter.lines)
                .anyMatch(line ->
                        line.matches("info: Local server " + id + " is ready after \\d+\\.\\ds \\(Spark Connect on .*"))
                .anyMatch(line -> line.contains("the local server requires it as authorization: Bearer <token> or"
                        + " x-aws-proxy-auth: <token>"));

        sessions().terminate(id, server, dir.resolve("report.json"), dir.resolve("session-token"));

        assertThat(server.isAlive()).isFalse();
        assertThat(accepting(server)).isFalse();
        assertThat(dir.resolve("session-token")).doesNotExist();
        assertThat(timeline()).containsExactly("SUBMITTED", "STARTING", "IDLE", "TERMINATED");
        assertThat(reporter.lines).anyMatch(line -> line.startsWith("info: Stopped local server " + id + " in "));
    }

    @Test
    void awaitSessionHandsOverAServerStartedWithoutWaiting() throws Exception {
        start(configuration(Map.of(), false, "4.2.0"));
        LocalServer server = servers.get(0);
        String id = properties.get("emr-serverless.sessionId");
        assertThat(properties).doesNotContainKey("emr-serverless.sessionEndpoint");

        sessions().await(id, server, "30s", null, outputs(), properties::put);

        assertThat(properties).containsEntry("emr-serverless.sessionEndpoint", server.endpoint());
        assertThat(timeline()).containsExactly("SUBMITTED", "STARTING", "IDLE");
        assertThat(reporter.lines).anyMatch(line -> line.startsWith("info: Awaiting local server " + id));
    }

    @Test
    void aServerThatFailsAtStartFailsTheGoalWithTheReasonFromItsLog() throws Exception {
        assertThatThrownBy(() -> start(configuration(Map.of("spark.fake.mode", "fail"), true, "4.2.0")))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("exited with code 1 before it was ready: java.lang.IllegalArgumentException:"
                        + " System memory 1 must be at least 471859200.")
                .hasMessageContaining("Its log: " + dir.resolve("local-server.log"));

        Map<String, Object> report = JSON.std.mapFrom(dir.resolve("report.json").toFile());
        assertThat(report)
                .containsEntry("state", "FAILED")
                .containsEntry("outcome", "FAILED")
                .containsEntry("timeToReadySeconds", null);
        assertThat((String) report.get("stateDetails")).startsWith("java.lang.IllegalArgumentException");
    }

    @Test
    void aJvmThatCannotStartFailsTheGoalAndLeavesNoSparkPropertiesBehind() throws IOException {
        assertThatThrownBy(() -> start(configuration(
                        Map.of("spark.driver.extraJavaOptions", "-XX:+NoSuchOption", "spark.hadoop.secret", "s3cr3t"),
                        true,
                        "4.2.0")))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("exited with code 1 before it was ready");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".properties"));
        }
    }

    @Test
    void aServerNotReadyInTimeIsStopped() {
        assertThatThrownBy(() -> start(withTimeout(configuration(Map.of("spark.fake.mode", "silent"), true, "4.2.0"))))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("was not ready within 1s (last state STARTING: its log: ")
                .hasMessageContaining("The session was terminated.");
        assertThat(servers.get(0).isAlive()).isFalse();
    }

    @Test
    void somethingAcceptingOnThePortIsNotReadinessOnlyTheServersOwnWordIs() {
        // The port accepts, but the Spark Connect service never said it started (another process could hold it).
        assertThatThrownBy(
                        () -> start(withTimeout(configuration(Map.of("spark.fake.mode", "unreported"), true, "4.2.0"))))
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("was not ready within");
        assertThat(properties).doesNotContainKey("emr-serverless.sessionEndpoint");
    }

    @Test
    void aServerThatDoesNotShutDownIsKilled() throws Exception {
        start(configuration(Map.of("spark.fake.mode", "stubborn"), true, "4.2.0"));
        LocalServer server = servers.get(0);

        assertThat(server.stop(Duration.ofMillis(500))).isTrue();
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void aVersionWithoutSessionsOnEmrServerlessFailsBeforeAnythingIsResolved() {
        FakeSpark spark = new FakeSpark(dir);
        assertThatThrownBy(() -> sessions()
                        .start(
                                configuration(Map.of(), true, "3.4.1"),
                                options("3.4.1"),
                                spark,
                                properties::put,
                                servers::add))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid <localSparkVersion> '3.4.1' (from POM <localSparkVersion>); allowed: a Spark"
                        + " release of 3.5.x (as emr-7.x runs) or 4.0.0 or later (as emr-spark-8.x runs) whose"
                        + " org.apache.spark:spark-connect_2.12 (3.5) or _2.13 (4.x) your repositories serve, such as"
                        + " 3.5.7 or 4.2.0 (the default).");
        assertThat(spark.resolutions).isZero();
    }

    @Test
    void spark35IsResolvedWithItsScala212Artifacts() {
        assertThat(ServerClasspath.roots("3.5.7"))
                .containsExactly(
                        "org.apache.spark:spark-connect_2.12:3.5.7",
                        "org.apache.spark:spark-sql_2.12:3.5.7",
                        "org.apache.spark:spark-mllib_2.12:3.5.7");
        assertThat(ServerClasspath.roots("4.2.0")).first().isEqualTo("org.apache.spark:spark-connect_2.13:4.2.0");
    }

    @Test
    void aDryRunResolvesAndForksNothing() throws Exception {
        FakeSpark spark = new FakeSpark(dir);
        StartSessionConfiguration dry =
                configuration(Map.of("spark.hadoop.fs.s3a.secret.key", "s3cr3t"), true, "4.2.0");
        dry = new StartSessionConfiguration(
                dry.request(),
                dry.runtimeConfiguration(),
                dry.waiting(),
                dry.reuse(),
                dry.limits(),
                dry.outputs(),
                true);

        sessions().start(dry, options("4.2.0"), spark, properties::put, servers::add);

        assertThat(spark.resolutions).isZero();
        assertThat(servers).isEmpty();
        assertThat(properties).isEmpty();
        assertThat(reporter.lines)
                .anyMatch(line -> line.startsWith("info: Dry run: a local Spark Connect server (Spark 4.2.0)"))
                .noneMatch(line -> line.contains("s3cr3t"));
    }

    @Test
    void awaitAndTerminateOfAServerThisBuildDoesNotRun() throws Exception {
        assertThatThrownBy(() -> sessions().await("local-abc", null, "30s", null, outputs(), properties::put))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Local session local-abc is not running in this build");

        sessions().terminate("local-abc", null, dir.resolve("report.json"), null);
        assertThat(reporter.lines)
                .containsExactly("info: Local session local-abc is not running in this build (a local server lives"
                        + " only as long as the build that started it). Nothing to stop.");
    }

    @Test
    void theLimitsAreCheckedAsOnAwsBeforeAnyServerStarts() {
        StartSessionConfiguration typo = configuration(Map.of(), true, "4.2.0");
        typo = new StartSessionConfiguration(
                typo.request(),
                typo.runtimeConfiguration(),
                typo.waiting(),
                new StartSessionConfiguration.Reuse(true, "4hours", null),
                new StartSessionConfiguration.Limits("4h", -1),
                typo.outputs(),
                false);
        StartSessionConfiguration badLimits = typo;

        assertThatThrownBy(() -> start(badLimits))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<maxLiveSessions>");
        StartSessionConfiguration badReuseAge = new StartSessionConfiguration(
                typo.request(),
                typo.runtimeConfiguration(),
                typo.waiting(),
                typo.reuse(),
                new StartSessionConfiguration.Limits("4h", 10),
                typo.outputs(),
                false);
        assertThatThrownBy(() -> start(badReuseAge))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<reuseMaxAge>")
                .hasMessageContaining("4hours");
        StartSessionConfiguration badScope = new StartSessionConfiguration(
                typo.request(),
                typo.runtimeConfiguration(),
                typo.waiting(),
                new StartSessionConfiguration.Reuse(true, "4h", "team"),
                new StartSessionConfiguration.Limits("4h", 10),
                typo.outputs(),
                false);
        assertThatThrownBy(() -> start(badScope))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<reuseScope> 'team'");
        assertThat(servers).isEmpty();
    }

    @Test
    void theServerMakesOrUsesTheClassDataArchiveOfItsJavaAndClassPath() throws Exception {
        start(configuration(Map.of(), true, "4.2.0"));
        String commandLine = ProcessHandle.of(servers.get(0).pid())
                .flatMap(p -> p.info().commandLine())
                .orElse("");
        Path folder = dir.resolve("cache").resolve("class-data");
        if (ClassDataArchive.javaFeature(FakeSpark.java()) >= 19) {
            assertThat(commandLine).contains("-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + folder);
        } else {
            assertThat(commandLine).contains("-XX:ArchiveClassesAtExit=" + folder);
        }
        // (The fake server's classes are a folder, which a class-data archive leaves out: ClassDataArchiveTest
        // covers what happens to the file; a real server's archive is measured by benchmarks/run.sh.)
    }

    private void start(StartSessionConfiguration configuration) throws InterruptedException {
        sessions().start(configuration, options("4.2.0"), new FakeSpark(dir), properties::put, servers::add);
    }

    private LocalSessions sessions() {
        // Class-data archives in this test's own folder, not the user's cache.
        return new LocalSessions(new GoalContext(
                reporter,
                ORIGIN,
                Map.of("EMR_SERVERLESS_CACHE", dir.resolve("cache").toString()),
                Clock.systemUTC(),
                Sleeper.SYSTEM));
    }

    private LocalSessions.Options options(String version) {
        return new LocalSessions.Options(version, FakeSpark.java(), dir);
    }

    private StartSessionConfiguration configuration(Map<String, String> spark, boolean waitForReady, String version) {
        return new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        null, null, "local-test", 30, Map.of(), null, true, "com.example", "app", null),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        List.of(), dir, List.of(), spark, new Properties()),
                new StartSessionConfiguration.Waiting(waitForReady, "30s", true, null),
                StartSessionConfiguration.Reuse.OFF,
                new StartSessionConfiguration.Limits("4h", 10),
                outputs(),
                false);
    }

    private static StartSessionConfiguration withTimeout(StartSessionConfiguration configuration) {
        StartSessionConfiguration.Waiting waiting = configuration.waiting();
        return new StartSessionConfiguration(
                configuration.request(),
                configuration.runtimeConfiguration(),
                new StartSessionConfiguration.Waiting(waiting.waitForReady(), "1s", true, null),
                configuration.reuse(),
                configuration.limits(),
                configuration.outputs(),
                false);
    }

    private StartSessionConfiguration.Outputs outputs() {
        return new StartSessionConfiguration.Outputs(
                "emr-serverless.sessionId",
                dir.resolve("session.json"),
                dir.resolve("session-token"),
                dir.resolve("session.env"),
                dir.resolve("report.json"),
                false);
    }

    @SuppressWarnings("unchecked")
    private List<String> timeline() throws IOException {
        Map<String, Object> report = JSON.std.mapFrom(dir.resolve("report.json").toFile());
        return ((List<Map<String, Object>>) report.get("timeline"))
                .stream().map(entry -> (String) entry.get("state")).toList();
    }

    private static boolean accepting(LocalServer server) {
        int port =
                Integer.parseInt(server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
