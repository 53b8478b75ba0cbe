package io.github.emrserverless.core.local;

import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.support.GoalContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warm local servers (reuse in local mode): a build or test run adopts a running one of the same key from the
 * {@link LocalServerRegistry}, or starts one that stays after it and exits by itself when idle.
 */
public final class WarmServers {

    private final GoalContext context;

    public WarmServers(GoalContext context) {
        this.context = context;
    }

    /**
     * A warm server of the same key (Spark version, Java, merged configuration with secrets masked) adopted at once,
     * or a new one started to stay warm after the build.
     */
    LocalServer adoptOrStart(
            String version,
            LocalSparkConfiguration spark,
            LocalSessions.Options options,
            ServerClasspath classpath,
            MergedConfiguration merged,
            long idleTimeoutMinutes)
            throws InterruptedException {
        LocalServerRegistry registry = LocalServerRegistry.of(context.environment());
        String key = WarmKey.of(version, options.java(), SecretMasker.mask(merged.configurations()));
        // Two builds or test runs beginning together: the second waits while the first starts its server, then
        // adopts it (still starting, its readiness awaited as a new server's), instead of starting a second.
        try (LocalServerRegistry.Lock held = registry.lock(key, KEY_LOCK_WAIT, context.sleeper())) {
            Optional<LocalServerRegistry.Entry> found = registry.find(key)
                    .or(() -> registry.starting(
                            key, STARTING_BOUND, context.clock().instant()));
            if (found.isPresent()) {
                LocalServerRegistry.Entry entry = found.get();
                try {
                    LocalServer adopted = LocalServer.adopt(entry, context.clock());
                    context.reporter()
                            .info("Adopting warm local server " + entry.sessionId() + " (Spark " + entry.sparkVersion()
                                    + ", started " + age(entry.startedAt()) + " ago, last used "
                                    + age(entry.lastUsed()) + " ago, at " + entry.endpoint() + ")");
                    return adopted;
                } catch (IOException e) {
                    context.reporter()
                            .info("Warm local server " + entry.sessionId() + " cannot be adopted (" + e.getMessage()
                                    + "): starting another.");
                }
            }
            return startWarm(version, spark, options, classpath, registry, key, idleTimeoutMinutes);
        }
    }

    /** How long a build waits for another that holds the key's lock (resolving Spark for the first time may take it). */
    private static final Duration KEY_LOCK_WAIT = Duration.ofMinutes(3);
    /** A server of the key younger than this that does not listen yet is starting, not unhealthy. */
    private static final Duration STARTING_BOUND = Duration.ofMinutes(2);

    private LocalServer startWarm(
            String version,
            LocalSparkConfiguration spark,
            LocalSessions.Options options,
            ServerClasspath classpath,
            LocalServerRegistry registry,
            String key,
            long idleTimeoutMinutes) {
        Duration idle = Duration.ofMinutes(Math.max(1, idleTimeoutMinutes));
        LocalServer server = new LocalServerLauncher(context.reporter(), context.clock(), context.environment())
                .fork(version, spark, options, classpath, new LocalServerLauncher.Warmth(registry, idle));
        registry.register(new LocalServerRegistry.Entry(
                server.sessionId(),
                key,
                server.port(),
                server.pid(),
                ProcessHandle.of(server.pid())
                        .flatMap(handle -> handle.info().startInstant())
                        .orElse(context.clock().instant()),
                version,
                server.startedAt(),
                idle.toMinutes(),
                server.logFile().getParent()));
        context.reporter()
                .info("Local server " + server.sessionId() + " stays warm after the build (reuse): the next build or"
                        + " test run with the same configuration adopts it; it exits after " + idle.toMinutes()
                        + " idle minutes.");
        return server;
    }

    /** list-sessions in local mode: this user's warm servers (key, port, Spark version, age, idle time). */
    public void list() {
        List<LocalServerRegistry.Entry> live =
                LocalServerRegistry.of(context.environment()).live();
        if (live.isEmpty()) {
            context.reporter().info("No warm local server is running (reuse=true in local mode keeps one).");
            return;
        }
        context.reporter().info(live.size() + " warm local server(s):");
        for (LocalServerRegistry.Entry entry : live) {
            context.reporter()
                    .info("  " + entry.sessionId() + "  " + entry.endpoint() + "  Spark " + entry.sparkVersion()
                            + "  key " + entry.key() + "  up " + age(entry.startedAt()) + "  idle "
                            + age(entry.lastUsed()) + " (exits after " + entry.idleTimeoutMinutes()
                            + " idle minutes)");
        }
        context.reporter()
                .info("End one with: mvn emr-serverless:terminate-session -Demr-serverless.mode=local"
                        + " -Demr-serverless.sessionId=<id>");
    }

    /** terminate-session with allWarmServers: every warm server of this user ends, in parallel. */
    public void endAll() {
        LocalServerRegistry registry = LocalServerRegistry.of(context.environment());
        List<LocalServer> running = new ArrayList<>();
        for (LocalServerRegistry.Entry entry : registry.live()) {
            try {
                running.add(LocalServer.adopt(entry, context.clock()));
            } catch (IOException gone) {
                context.reporter().info("Warm local server " + entry.sessionId() + " had exited already.");
            }
        }
        if (running.isEmpty()) {
            context.reporter().info("No warm local server is running: nothing to stop.");
            return;
        }
        LocalServerStops.stopAll(
                running,
                LocalSessions.STOP_GRACE,
                (server, killed) -> context.reporter()
                        .info("Stopped warm local server " + server.sessionId()
                                + (killed ? " (killed after the grace period)." : ".")));
        // Their entries and folders go with the next look, which finds their processes gone.
        registry.live();
    }

    /** A warm server of this user, by its ID, to be ended; null when none runs (a stale entry is cleaned up). */
    LocalServer byId(String sessionId) {
        LocalServerRegistry registry = LocalServerRegistry.of(context.environment());
        Optional<LocalServerRegistry.Entry> entry = registry.get(sessionId);
        if (entry.isEmpty()) {
            return null;
        }
        try {
            return LocalServer.adopt(entry.get(), context.clock());
        } catch (IOException gone) {
            registry.remove(entry.get());
            return null;
        }
    }

    /** The server has been stopped: its entry, token and folder go (a look removes those of gone processes). */
    void forget() {
        LocalServerRegistry.of(context.environment()).live();
    }

    /** Off in CI (a fresh machine every time) unless asked for: a build there leaves nothing running. */
    static boolean allowed(Map<String, String> environment) {
        String setting = environment.get("EMR_SERVERLESS_LOCAL_REUSE");
        return setting == null ? environment.get("CI") == null : Boolean.parseBoolean(setting.trim());
    }

    private String age(Instant since) {
        return Durations.format(
                Duration.between(since, context.clock().instant()).abs());
    }
}
