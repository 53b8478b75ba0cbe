package io.github.emrserverless.core.local;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Forks a local Spark Connect server: its class path resolved, its command line, its ID and token. */
final class LocalServerLauncher {

    private static final String SESSION_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Reporter reporter;
    private final Clock clock;
    private final Map<String, String> environment;
    private final SecureRandom random = new SecureRandom();

    /** @param environment where the cache directory is, and whether class-data archives are off */
    LocalServerLauncher(Reporter reporter, Clock clock, Map<String, String> environment) {
        this.reporter = reporter;
        this.clock = clock;
        this.environment = environment;
    }

    /** The class-data archive of this Java and class path: used when there is one, made by this start if not. */
    private ClassDataArchive archive(Path java, List<Path> jars, String version) {
        ClassDataArchive archive = ClassDataArchive.of(java, jars, version, environment);
        if (archive != null) {
            archive.prepare();
            reporter.debug(() -> (archive.pending() == null && Files.isRegularFile(archive.file())
                            ? "Class-data archive "
                            : "Making the class-data archive ")
                    + archive.file());
        }
        return archive;
    }

    /**
     * @param warm where a server that outlives the build keeps its files, and how long it waits idle; null for a
     *     server that ends with the build (its files in the build's folder)
     */
    LocalServer fork(
            String version,
            LocalSparkConfiguration spark,
            LocalSessions.Options options,
            ServerClasspath classpath,
            Warmth warm) {
        long begun = System.nanoTime();
        List<Path> jars = classpath.resolve(version);
        long bytes = jars.stream().mapToLong(LocalServerLauncher::size).sum();
        reporter.info("Spark Connect server " + version + ": " + jars.size() + " jars (" + bytes / (1024 * 1024)
                + " MB) resolved in " + Durations.format(Duration.ofNanos(System.nanoTime() - begun)));
        String sessionId = "local-" + randomId();
        try {
            Path directory =
                    warm == null ? options.directory() : warm.registry().newDirectory(sessionId);
            String token = token();
            if (warm != null) {
                // For the builds that adopt it: owner-only, in its own folder of the user's cache.
                OwnerOnlyFile.write(directory.resolve("token"), token);
            }
            LocalServerCommand command = new LocalServerCommand(
                    options.java(),
                    jars,
                    launcherCode(),
                    SparkModuleOptions.of(jars, version),
                    spark,
                    sessionId,
                    LocalServer.freePort(),
                    token,
                    LocalServerCommand.ServerFiles.in(directory, sessionId),
                    version,
                    // A warm server exits by itself, with nobody to put an archive it made in place: it uses one only.
                    warm == null
                            ? archive(options.java(), jars, version)
                            : existingArchive(options.java(), jars, version),
                    warm == null
                            ? null
                            : new LocalServerCommand.Warm(
                                    warm.idleTimeout(),
                                    directory.resolve("activity"),
                                    LocalServerCommand.Warm.findSetsid()));
            // The JVM options may hold secrets (-Dsome.password=...): masked as runtime configuration is.
            reporter.debug(() -> "Local server command: " + String.join(" ", command.arguments()) + " with JVM options"
                    + " (secret-looking values masked): "
                    + command.jvmOptions().stream().map(SecretMasker::maskValue).collect(Collectors.joining(" ")));
            LocalServer server = LocalServer.start(
                    command,
                    directory.resolve(warm == null ? "local-server" : "work"),
                    directory.resolve("local-server.log"),
                    clock);
            reporter.info("Started local Spark Connect server " + sessionId + " (Spark " + version + ", "
                    + spark.heapMegabytes() + " MB heap, pid " + server.pid() + ")");
            return server;
        } catch (IOException e) {
            throw new SessionException(
                    "Cannot start a local Spark Connect server with " + options.java() + ": " + e.getMessage(), e);
        }
    }

    /** A server that outlives the build: where it is registered, and how long it may sit idle. */
    record Warmth(LocalServerRegistry registry, Duration idleTimeout) {}

    private ClassDataArchive existingArchive(Path java, List<Path> jars, String version) {
        ClassDataArchive archive = ClassDataArchive.of(java, jars, version, environment);
        return archive != null && Files.isRegularFile(archive.file()) ? archive : null;
    }

    /** The token the server requires: 256 random bits, URL-safe, so that it fits any header or file. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(SESSION_ALPHABET.charAt(random.nextInt(SESSION_ALPHABET.length())));
        }
        return id.toString();
    }

    private static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            return 0;
        }
    }
    /** The plugin's jar (or classes folder), where {@link ExitWithParent} is. */
    private static Path launcherCode() {
        return codeLocation(ExitWithParent.class);
    }
    /** The jar or classes folder a class was loaded from. */
    static Path codeLocation(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
