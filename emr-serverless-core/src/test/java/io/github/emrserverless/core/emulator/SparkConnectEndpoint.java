package io.github.emrserverless.core.emulator;

import io.github.emrserverless.core.local.ExitWithParent;
import io.github.emrserverless.core.local.ServerClasspath;
import io.github.emrserverless.core.local.SparkModuleOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real Spark Connect endpoint for the emulator's sessions, as EMR Serverless serves one: TLS on the outside
 * ({@code use_ssl=true}, HTTP/2 by ALPN), and only the unexpired {@code x-aws-proxy-auth} tokens GetSessionEndpoint
 * issued get through ({@link EmulatorTokenCheck}). Behind the TLS front runs a local Spark Connect server in plain
 * text on the loopback interface, started in the background (resolving Spark takes a while on a fresh machine); until
 * it listens, the emulator's sessions on it stay STARTING. It exits with the emulator (its standard input closes).
 */
public final class SparkConnectEndpoint implements AutoCloseable {

    private static final String SERVER_MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";
    static final String TOKEN_CHECK = "io.github.emrserverless.core.emulator.EmulatorTokenCheck";

    private final Path directory;
    private final Path tokensFile;
    private final Map<String, String> issued = new LinkedHashMap<>();
    private volatile String url;
    private volatile Process server;
    private volatile ServerSocket front;

    private SparkConnectEndpoint(Path directory) {
        this.directory = directory;
        this.tokensFile = directory.resolve("issued-tokens");
    }

    /**
     * @param directory where the server's log, the issued tokens and the call log ({@code calls.log}) go
     * @param tls the front's certificate, for {@code localhost}
     */
    public static SparkConnectEndpoint start(
            ServerClasspath classpath, String sparkVersion, Path directory, SSLContext tls) throws IOException {
        Files.createDirectories(directory);
        SparkConnectEndpoint endpoint = new SparkConnectEndpoint(directory);
        Thread starter = new Thread(
                () -> {
                    try {
                        endpoint.run(classpath.resolve(sparkVersion), sparkVersion, tls);
                    } catch (Exception | LinkageError e) {
                        System.err.println("[emulator] the Spark Connect endpoint did not start: " + e);
                        e.printStackTrace();
                    }
                },
                "emulator-spark-connect");
        starter.setDaemon(true);
        starter.start();
        return endpoint;
    }

    /** {@code sc://localhost:<port>} once the server listens. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Path callLog() {
        return directory.resolve("calls.log");
    }

    /** Lets the token in until it expires. */
    public synchronized void issued(String token, String sessionId, Instant expiresAt) {
        issued.put(token, expiresAt.toEpochMilli() + " " + sessionId);
        String lines = issued.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() + "\n")
                .collect(Collectors.joining());
        try {
            io.github.emrserverless.core.support.OwnerOnlyFile.write(tokensFile, lines);
        } catch (RuntimeException e) {
            System.err.println("[emulator] cannot write the issued tokens: " + e);
        }
    }

    private void run(List<Path> jars, String sparkVersion, SSLContext tls) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Properties properties = new Properties();
        properties.put("spark.master", "local[2]");
        properties.put("spark.ui.enabled", "false");
        properties.put("spark.driver.host", "127.0.0.1");
        properties.put("spark.driver.bindAddress", "127.0.0.1");
        properties.put("spark.connect.grpc.binding.address", "127.0.0.1");
        properties.put("spark.connect.grpc.binding.port", Integer.toString(port));
        // By name: the class implements Spark's shaded gRPC interface, which only the server's JVM has.
        properties.put("spark.connect.grpc.interceptor.classes", TOKEN_CHECK);
        // A long query's result stream is cut every few seconds, so that the client reattaches (with its current
        // token) as it would after EMR Serverless's proxy cut a stream.
        properties.put("spark.connect.execute.reattachable.senderMaxStreamDuration", "5s");
        properties.put("spark.sql.shuffle.partitions", "2");
        properties.put(
                "spark.local.dir",
                Files.createDirectories(directory.resolve("scratch")).toString());
        properties.put(EmulatorTokenCheck.TOKENS_FILE, tokensFile.toString());
        properties.put(EmulatorTokenCheck.CALL_LOG, callLog().toString());
        Path propertiesFile = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "the emulator's Spark Connect server");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SparkModuleOptions.of(jars, sparkVersion));
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(Stream.concat(jars.stream(), Stream.of(codeOf(ExitWithParent.class), codeOf(getClass())))
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(ExitWithParent.class.getName());
        command.add(propertiesFile.toString());
        command.add(SERVER_MAIN);
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("spark-connect.log").toFile())
                .start();
        server = process;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitListening(process, port, Duration.ofMinutes(3));
        startFront(tls, port);
    }

    private static void awaitListening(Process process, int port, Duration patience) throws Exception {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IOException("the Spark Connect server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark Connect server did not listen within " + patience);
    }

    /** TLS on the outside, offering HTTP/2 as gRPC requires; the bytes inside go to the server as they are. */
    private void startFront(SSLContext tls, int serverPort) throws IOException {
        SSLServerSocket socket = (SSLServerSocket)
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        front = socket;
        Thread acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            SSLSocket client = (SSLSocket) socket.accept();
                            SSLParameters parameters = client.getSSLParameters();
                            parameters.setApplicationProtocols(new String[] {"h2"});
                            client.setSSLParameters(parameters);
                            daemon(() -> relay(client, serverPort), "emulator-spark-connect-client");
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "emulator-spark-connect-front");
        acceptor.setDaemon(true);
        acceptor.start();
        url = "sc://localhost:" + socket.getLocalPort();
        System.out.println("Spark Connect endpoint for sessions: " + url);
    }

    private static void relay(SSLSocket client, int serverPort) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            client.startHandshake();
            Thread back = daemon(() -> ConnectProxy.pipe(upstream, client), "emulator-spark-connect-back");
            ConnectProxy.pipe(client, upstream);
            back.join(10_000);
        } catch (IOException | InterruptedException e) {
            // The client or the server went away.
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Path codeOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Override
    public void close() {
        try {
            if (front != null) {
                front.close();
            }
        } catch (IOException e) {
            // Closing anyway.
        }
        Process process = server;
        if (process != null) {
            process.destroy();
        }
    }
}
