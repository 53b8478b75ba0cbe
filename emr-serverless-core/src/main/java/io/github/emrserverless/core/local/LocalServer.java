package io.github.emrserverless.core.local;

import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Sleeper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A local Spark Connect server process. Its standard input stays a pipe to this JVM: closing it stops the
 * server ({@link ExitWithParent}), and so does this JVM's death. It is ready when it says so itself (its ready
 * file names the port it bound), and it takes only the build's token ({@link TokenAuthentication}).
 */
public final class LocalServer {

    /** How often readiness is checked: a local server is ready in seconds. */
    static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    private static final Duration AFTER_SIGTERM = Duration.ofSeconds(2);

    /** How waiting for readiness ended. */
    public enum Readiness {
        READY,
        EXITED,
        TIMED_OUT
    }

    private final String sessionId;
    private final String endpoint;
    private final int port;
    /** Null for a warm server this build adopted: it only has the handle. */
    private final Process process;

    private final ProcessHandle handle;
    /** It outlives the build (reuse): the build leaves it running; it exits when idle. */
    private final boolean warm;

    private final Path logFile;
    private final LocalServerCommand.ServerFiles files;
    private final String token;
    private final Instant startedAt;
    private final String sparkVersion;
    private final ClassDataArchive archive;
    /** What a stop adds to its grace for a server that writes its class-data archive at exit. */
    static final Duration ARCHIVE_WRITE = Duration.ofSeconds(20);

    private LocalServer(LocalServerCommand command, Process process, Path logFile, Instant startedAt) {
        this.files = command.files();
        this.token = command.token();
        this.sessionId = command.sessionId();
        this.endpoint = command.endpoint();
        this.port = command.port();
        this.process = process;
        this.handle = process.toHandle();
        this.warm = command.warm() != null;
        this.logFile = logFile;
        this.startedAt = startedAt;
        this.sparkVersion = command.sparkVersion();
        this.archive = command.archive();
    }

    /** @param adoptedAt when this build took it over: its hand-over is timed from then */
    private LocalServer(LocalServerRegistry.Entry entry, ProcessHandle handle, String token, Instant adoptedAt) {
        this.files = LocalServerCommand.ServerFiles.in(entry.directory(), entry.sessionId());
        this.token = token;
        this.sessionId = entry.sessionId();
        this.endpoint = entry.endpoint();
        this.port = entry.port();
        this.process = null;
        this.handle = handle;
        this.warm = true;
        this.logFile = entry.directory().resolve("local-server.log");
        this.startedAt = adoptedAt;
        this.sparkVersion = entry.sparkVersion();
        this.archive = null;
    }

    /** A warm server of the registry, running, for this build to use. */
    static LocalServer adopt(LocalServerRegistry.Entry entry, Clock clock) throws IOException {
        ProcessHandle handle =
                ProcessHandle.of(entry.pid()).orElseThrow(() -> new IOException("Process " + entry.pid() + " is gone"));
        return new LocalServer(
                entry, handle, Files.readString(entry.tokenFile()).trim(), clock.instant());
    }

    /** A warm server this build found running, not one it started. */
    public boolean adopted() {
        return process == null;
    }

    /** Whether it outlives the build (reuse). */
    public boolean warm() {
        return warm;
    }

    /** The Spark version it runs: what a Spark Connect client must not be newer than. */
    public String sparkVersion() {
        return sparkVersion;
    }

    /**
     * Forks the server.
     *
     * @param workDirectory its working directory, where Spark puts spark-warehouse and the like
     */
    public static LocalServer start(LocalServerCommand command, Path workDirectory, Path logFile, Clock clock)
            throws IOException {
        Files.createDirectories(workDirectory);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        // Spark's scratch space: the build's user's only, so other users see no data or artifacts.
        OwnerOnlyFile.folder(command.files().scratch());
        Files.deleteIfExists(command.files().ready());
        OwnerOnlyFile.write(command.files().properties(), propertiesText(command));
        OwnerOnlyFile.write(command.files().arguments(), command.argumentFileText());
        ProcessBuilder builder = new ProcessBuilder(command.arguments())
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        // Where Spark binds what the properties do not place, such as the UI a user may turn on: loopback too.
        builder.environment().put("SPARK_LOCAL_IP", LocalServerCommand.LOOPBACK);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            OwnerOnlyFile.delete(command.files().properties());
            OwnerOnlyFile.delete(command.files().arguments());
            throw e;
        }
        return new LocalServer(command, process, logFile, clock.instant());
    }

    /** A port nobody listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String sessionId() {
        return sessionId;
    }

    public String endpoint() {
        return endpoint;
    }

    int port() {
        return port;
    }

    /** What every call to the server must present (bearer or x-aws-proxy-auth): for the token file. */
    public String token() {
        return token;
    }

    public Path logFile() {
        return logFile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /**
     * Waits until the server reports that its Spark Connect service has bound the port, it exits, or the timeout
     * passes (the server is left as it is). Something else accepting on the port does not count.
     */
    public Readiness awaitReady(Duration timeout, Clock clock, Sleeper sleeper) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            if (!handle.isAlive()) {
                // A JVM that died before its main ran (a bad JVM option, say) has left its files behind.
                deleteSecretFiles();
                return Readiness.EXITED;
            }
            if (reportedBound()) {
                return Readiness.READY;
            }
            if (!clock.instant().isBefore(deadline)) {
                return Readiness.TIMED_OUT;
            }
            sleeper.sleep(CHECK_INTERVAL);
        }
    }

    private boolean reportedBound() {
        try {
            return Files.isRegularFile(files.ready())
                    && Files.readString(files.ready()).trim().equals(Integer.toString(port));
        } catch (IOException notYet) {
            return false;
        }
    }

    private void deleteSecretFiles() {
        OwnerOnlyFile.delete(files.properties());
        OwnerOnlyFile.delete(files.arguments());
    }

    /** The exit code, once the server has exited. */
    public int exitCode() {
        return process == null ? -1 : process.exitValue();
    }

    /**
     * Stops the server: closes its input (Spark shuts down cleanly), after {@code grace} SIGTERM, then SIGKILL.
     *
     * @return true when it had to be killed
     */
    public boolean stop(Duration grace) throws InterruptedException {
        deleteSecretFiles();
        OwnerOnlyFile.delete(files.ready());
        if (!handle.isAlive()) {
            return false;
        }
        if (warm) {
            // A warm server does not watch its input: SIGTERM, on which Spark shuts down cleanly.
            return stopWarm(grace);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // The server has gone or is going; waiting tells.
        }
        // A server that writes its class-data archive as it exits gets the time to write it (about 5 s on 2 cores).
        // Not when the stop is hurried (a failed or interrupted run): then the archive is made by a later start.
        Duration wait = archive != null && archive.making() && grace.compareTo(LocalSessions.STOP_GRACE) >= 0
                ? grace.plus(ARCHIVE_WRITE)
                : grace;
        if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            archived();
            return false;
        }
        process.destroy();
        if (!process.waitFor(AFTER_SIGTERM.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(AFTER_SIGTERM.toMillis(), TimeUnit.MILLISECONDS);
        }
        archived();
        return true;
    }

    private boolean stopWarm(Duration grace) throws InterruptedException {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            return true;
        }
    }

    /** The class-data archive this run made takes its place, or one the JVM rejected goes. */
    private void archived() {
        if (archive != null) {
            archive.afterExit(logFile);
        }
    }

    /** Why the server failed, from its log ({@link ServerLog#failureReason}). */
    public String failureReason() {
        return ServerLog.failureReason(logFile);
    }

    private static String propertiesText(LocalServerCommand command) {
        Properties properties = new Properties();
        properties.putAll(command.serverProperties());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Spark properties of local session " + command.sessionId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
