package io.github.emrserverless.maven.local;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line and Spark properties of one local Spark Connect server: {@code local[*]}, every listener on
 * 127.0.0.1, the gRPC port fixed (no silent move to the next port, so the plugin knows where it listens).
 *
 * @param java the java launcher: the build's JVM or a toolchain's
 * @param classpath the server's jars, as Maven resolved them
 * @param launcherCode where {@link ExitWithParent} is (the plugin's jar)
 * @param moduleOptions the {@code --add-opens} flags Spark needs on Java 17+, from Spark's own launcher
 * @param sessionId goes on the command line as a marker, so that the process can be found by it
 * @param propertiesFile where the Spark properties go (owner-only; the server deletes it once read)
 */
public record LocalServerCommand(
        Path java,
        List<Path> classpath,
        Path launcherCode,
        List<String> moduleOptions,
        LocalSparkConfiguration spark,
        String sessionId,
        int port,
        Path propertiesFile) {

    static final String SERVER_MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";
    /** The system property that marks the server's JVM with its session ID. */
    public static final String MARKER = "emr-serverless.localSession";

    static final String LOOPBACK = "127.0.0.1";

    public LocalServerCommand {
        classpath = List.copyOf(classpath);
        moduleOptions = List.copyOf(moduleOptions);
    }

    /** The user's spark-defaults, then what makes it a local server on loopback (those win). */
    public Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spark.app.name", "emr-serverless-local " + sessionId);
        // The Spark UI costs start time and a port; a user who wants it sets spark.ui.enabled=true.
        properties.put("spark.ui.enabled", "false");
        properties.putAll(spark.sparkProperties());
        properties.put("spark.master", "local[*]");
        properties.put("spark.driver.host", LOOPBACK);
        properties.put("spark.driver.bindAddress", LOOPBACK);
        properties.put("spark.connect.grpc.binding.address", LOOPBACK);
        properties.put("spark.connect.grpc.binding.port", Integer.toString(port));
        properties.put("spark.connect.grpc.port.maxRetries", "0");
        return properties;
    }

    /** The process's arguments; no Spark property is among them (they can be secrets: see propertiesFile). */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add(java.toString());
        arguments.add("-Xmx" + spark.heapMegabytes() + "m");
        arguments.addAll(moduleOptions);
        arguments.addAll(spark.javaOptions());
        arguments.add("-D" + MARKER + "=" + sessionId);
        arguments.add("-cp");
        arguments.add(Stream.concat(classpath.stream(), Stream.of(launcherCode))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        arguments.add(ExitWithParent.class.getName());
        arguments.add(propertiesFile.toString());
        arguments.add(SERVER_MAIN);
        return arguments;
    }

    /** {@code sc://127.0.0.1:port}, the Spark Connect URL of the server. */
    public String endpoint() {
        return "sc://" + LOOPBACK + ":" + port;
    }
}
