package io.github.emrserverless.core.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line, JVM options and Spark properties of one local Spark Connect server: {@code local[*]}, every
 * listener on 127.0.0.1, the gRPC port fixed (no silent move to the next port, so the plugin knows where it
 * listens), the build's token required on every call ({@link TokenAuthentication}), the driver's RPC and block
 * manager authenticated ({@code spark.authenticate}), scratch space in an owner-only folder of the build's own.
 * What may be secret (the token, the user's Spark properties and JVM options) goes into owner-only files, never on
 * the command line, which every local user can read.
 *
 * @param java the java launcher: the build's JVM or a toolchain's
 * @param classpath the server's jars, as Maven resolved them
 * @param launcherCode where {@link ExitWithParent} is (the plugin's jar)
 * @param moduleOptions the {@code --add-opens} flags Spark needs on Java 17+, from Spark's own launcher
 * @param sessionId goes on the command line as a marker, so that the process can be found by it
 * @param token what every Spark Connect call must present
 * @param archive the class-data archive the JVM uses or makes, or null without one
 * @param warm null for a server that ends with its build
 */
record LocalServerCommand(
        Path java,
        List<Path> classpath,
        Path launcherCode,
        List<String> moduleOptions,
        LocalSparkConfiguration spark,
        String sessionId,
        int port,
        String token,
        ServerFiles files,
        String sparkVersion,
        ClassDataArchive archive,
        Warm warm) {

    /**
     * A server that outlives its build (reuse): it exits by itself after {@code idleTimeout} without a call, and
     * touches {@code activityFile} as calls come; {@code setsid}, when not null, starts it in a session of its own.
     */
    record Warm(java.time.Duration idleTimeout, Path activityFile, Path setsid) {

        /** util-linux's setsid, where there is one: it runs the server in the same process, in a new session. */
        static Path findSetsid() {
            Path setsid = Path.of("/usr/bin/setsid");
            return System.getProperty("os.name", "").startsWith("Linux") && Files.isExecutable(setsid) ? setsid : null;
        }
    }

    static final String SERVER_MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";
    /** The system property that marks the server's JVM with its session ID. */
    public static final String MARKER = "emr-serverless.localSession";

    static final String LOOPBACK = "127.0.0.1";
    static final String INTERCEPTORS = "spark.connect.grpc.interceptor.classes";
    /**
     * {@link TokenAuthentication} by name: the class implements Spark's shaded gRPC interface, which Maven's class
     * realm does not have, so the plugin must never load it (a unit test holds the name to the class).
     */
    static final String TOKEN_CHECK = "io.github.emrserverless.core.local.TokenAuthentication";

    /**
     * The files of one server, all in the build's own folder.
     *
     * @param properties the Spark properties (owner-only; the server deletes it once read)
     * @param arguments the JVM options, an {@code @argfile} (owner-only; the server deletes it once running)
     * @param ready where the server writes the port it bound once its Spark Connect service has started
     * @param scratch Spark's local directories, temporary files and uploaded artifacts (owner-only)
     */
    public record ServerFiles(Path properties, Path arguments, Path ready, Path scratch) {

        public static ServerFiles in(Path directory, String sessionId) {
            String name = "local-server-" + sessionId;
            return new ServerFiles(
                    directory.resolve(name + ".properties"),
                    directory.resolve(name + ".args"),
                    directory.resolve(name + ".ready"),
                    directory.resolve(name + "-scratch"));
        }
    }

    public LocalServerCommand {
        classpath = List.copyOf(classpath);
        moduleOptions = List.copyOf(moduleOptions);
    }

    /** The user's spark-defaults, then what makes it a local server on loopback that checks the token (those win). */
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
        // Spark makes a secret of its own for the driver's RPC and block manager ports in local mode.
        properties.put("spark.authenticate", "true");
        String theirs = spark.sparkProperties().get(INTERCEPTORS);
        properties.put(INTERCEPTORS, TOKEN_CHECK + (theirs == null || theirs.isBlank() ? "" : "," + theirs));
        properties.put("spark.local.dir", files.scratch().toString());
        // System properties of the server's JVM, not Spark properties: read by the plugin's own classes there.
        properties.put(TokenAuthentication.TOKEN_PROPERTY, token);
        properties.put(ReadyReport.READY_FILE, files.ready().toString());
        if (warm != null) {
            properties.put(
                    IdleExit.IDLE_MILLIS, Long.toString(warm.idleTimeout().toMillis()));
            properties.put(IdleExit.ACTIVITY_FILE, warm.activityFile().toString());
        }
        return properties;
    }

    /** The JVM options, which go into the owner-only argument file: the user's may hold secrets. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + spark.heapMegabytes() + "m");
        options.addAll(moduleOptions);
        options.addAll(spark.javaOptions());
        // Temporary files and uploaded artifacts (Spark puts them under java.io.tmpdir) stay out of a shared /tmp.
        options.add("-Djava.io.tmpdir=" + files.scratch());
        options.add("-D" + ExitWithParent.ARGUMENT_FILE + "=" + files.arguments());
        return options;
    }

    /** The argument file's text: each option quoted, as the java launcher reads {@code @argfiles}. */
    public String argumentFileText() {
        return jvmOptions().stream()
                .map(option -> "\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The process's arguments: nothing secret among them (see {@link #jvmOptions} and the properties file). */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (warm != null && warm.setsid() != null) {
            // A session of its own: Ctrl-C in the build's terminal signals the build's process group, not it.
            arguments.add(warm.setsid().toString());
        }
        arguments.add(java.toString());
        arguments.add("@" + files.arguments());
        if (archive != null) {
            arguments.addAll(archive.jvmOptions());
        }
        arguments.add("-D" + MARKER + "=" + sessionId);
        arguments.add("-cp");
        arguments.add(Stream.concat(classpath.stream(), Stream.of(launcherCode))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        arguments.add(ExitWithParent.class.getName());
        arguments.add(files.properties().toString());
        arguments.add(SERVER_MAIN);
        return arguments;
    }

    /** {@code sc://127.0.0.1:port}, the Spark Connect URL of the server. */
    public String endpoint() {
        return "sc://" + LOOPBACK + ":" + port;
    }

    /** Without the token: a record's default would print it. */
    @Override
    public String toString() {
        return "LocalServerCommand[sessionId=" + sessionId + ", port=" + port + ", token=****]";
    }
}
