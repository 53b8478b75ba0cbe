package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.ConfigurationSource;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.config.Mode;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What of the runtime configuration a local server gets, and the command line it is started with. */
class LocalSparkConfigurationTest {

    private final RecordingReporter reporter = new RecordingReporter();

    @Test
    void onlySparkDefaultsApplyAndTheOthersAreNamedInOneWarning() {
        LocalSparkConfiguration local = LocalSparkConfiguration.of(
                merged(
                        Configuration.of("spark-defaults", Map.of("spark.sql.shuffle.partitions", "4")),
                        Configuration.of("spark-hive-site", Map.of("hive.metastore.client.factory.class", "x")),
                        Configuration.of("spark-env", Map.of("JAVA_HOME", "/x"))),
                reporter);

        assertThat(local.sparkProperties()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "4"));
        assertThat(local.heapMegabytes()).isEqualTo(1024);
        assertThat(local.javaOptions()).isEmpty();
        assertThat(reporter.lines)
                .containsExactly("warn: Local mode applies only the spark-defaults classification; spark-hive-site,"
                        + " spark-env do not apply to a local server and are left out.");
    }

    @Test
    void driverMemoryAndJavaOptionsBecomeTheServersJvmOptions() {
        assertThat(heap("2g")).isEqualTo(2048);
        assertThat(heap("1536m")).isEqualTo(1536);
        assertThat(heap("768")).isEqualTo(768);
        assertThat(heap("2GB")).isEqualTo(2048);
        assertThat(LocalSparkConfiguration.of(
                                merged(Configuration.of(
                                        "spark-defaults",
                                        Map.of("spark.driver.extraJavaOptions", " -Dx=1  -XX:+UseG1GC "))),
                                reporter)
                        .javaOptions())
                .containsExactly("-Dx=1", "-XX:+UseG1GC");
    }

    @Test
    void aDriverMemoryThatIsNoSizeIsRefusedNamingItsSource() {
        assertThatThrownBy(() -> heap("lots"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid spark-defaults spark.driver.memory 'lots' (from POM <sparkProperties>); allowed:"
                        + " a size such as 2g or 1536m (no unit: MiB).");
    }

    @Test
    void theServerListensOnLoopbackOnlyAndChecksTheTokenWhateverTheConfigurationSays() {
        LocalServerCommand command = new LocalServerCommand(
                Path.of("/jdk/bin/java"),
                List.of(Path.of("/repo/spark-core.jar"), Path.of("/repo/spark-connect.jar")),
                Path.of("/repo/plugin.jar"),
                List.of("--add-opens=java.base/java.nio=ALL-UNNAMED"),
                new LocalSparkConfiguration(
                        Map.of(
                                "spark.master", "yarn",
                                "spark.connect.grpc.binding.address", "0.0.0.0",
                                "spark.ui.enabled", "true",
                                "spark.authenticate", "false",
                                "spark.connect.grpc.interceptor.classes", "com.example.Audit",
                                "spark.hadoop.fs.s3a.secret.key", "s3cr3t"),
                        2048,
                        List.of("-Dtrust.password=hunter2")),
                "local-abc",
                15002,
                "t0k3n",
                LocalServerCommand.ServerFiles.in(Path.of("/t"), "local-abc"),
                "4.2.0",
                null,
                null);

        assertThat(command.serverProperties())
                .containsEntry("spark.master", "local[*]")
                .containsEntry("spark.connect.grpc.binding.address", "127.0.0.1")
                .containsEntry("spark.connect.grpc.binding.port", "15002")
                .containsEntry("spark.connect.grpc.port.maxRetries", "0")
                .containsEntry("spark.driver.bindAddress", "127.0.0.1")
                .containsEntry("spark.ui.enabled", "true")
                .containsEntry("spark.authenticate", "true")
                .containsEntry(
                        "spark.connect.grpc.interceptor.classes",
                        TokenAuthentication.class.getName() + ",com.example.Audit")
                .containsEntry("spark.local.dir", "/t/local-server-local-abc-scratch")
                .containsEntry(TokenAuthentication.TOKEN_PROPERTY, "t0k3n")
                .containsEntry(ReadyReport.READY_FILE, "/t/local-server-local-abc.ready")
                .containsEntry("spark.hadoop.fs.s3a.secret.key", "s3cr3t");
        // Nothing secret on the command line, which every local user can read: JVM options go to an @argfile.
        assertThat(command.arguments())
                .containsExactly(
                        "/jdk/bin/java",
                        "@/t/local-server-local-abc.args",
                        "-Demr-serverless.localSession=local-abc",
                        "-cp",
                        "/repo/spark-core.jar:/repo/spark-connect.jar:/repo/plugin.jar",
                        ExitWithParent.class.getName(),
                        "/t/local-server-local-abc.properties",
                        "org.apache.spark.sql.connect.service.SparkConnectServer");
        assertThat(String.join(" ", command.arguments())).doesNotContain("hunter2", "t0k3n", "s3cr3t");
        assertThat(command.argumentFileText())
                .isEqualTo("\"-Xmx2048m\"\n\"--add-opens=java.base/java.nio=ALL-UNNAMED\"\n"
                        + "\"-Dtrust.password=hunter2\"\n\"-Djava.io.tmpdir=/t/local-server-local-abc-scratch\"\n"
                        + "\"-Demr-serverless.local.argumentFile=/t/local-server-local-abc.args\"\n");
        assertThat(command.toString()).doesNotContain("t0k3n");
        assertThat(command.endpoint()).isEqualTo("sc://127.0.0.1:15002");
    }

    @Test
    void modeIsAwsOrLocal() {
        assertThat(Mode.parse(null, p -> "POM <mode>")).isEqualTo(Mode.AWS);
        assertThat(Mode.parse(" Local ", p -> "POM <mode>")).isEqualTo(Mode.LOCAL);
        assertThatThrownBy(() -> Mode.parse("laptop", p -> "-Demr-serverless.mode"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid <mode> 'laptop' (from -Demr-serverless.mode); allowed: aws (EMR Serverless, the"
                        + " default) or local (a Spark Connect server on this machine, no AWS).");
    }

    private long heap(String memory) {
        return LocalSparkConfiguration.of(
                        merged(Configuration.of("spark-defaults", Map.of("spark.driver.memory", memory))), reporter)
                .heapMegabytes();
    }

    private static MergedConfiguration merged(Configuration... configurations) {
        return new MergedConfiguration(
                List.of(configurations),
                List.of(new ConfigurationSource("POM <sparkProperties>", List.of(configurations))));
    }
}
