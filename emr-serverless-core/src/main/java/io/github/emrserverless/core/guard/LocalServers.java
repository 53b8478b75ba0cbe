package io.github.emrserverless.core.guard;

import io.github.emrserverless.core.local.LocalServer;
import io.github.emrserverless.core.local.LocalServerStops;
import io.github.emrserverless.core.support.Reporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local servers of one build. Unlike a session on AWS, a local server never outlives its build, whether it
 * succeeded or not: what terminate-session did not stop is stopped at the end (and by the JVM's shutdown hook).
 */
public final class LocalServers {

    private final Map<String, LocalServer> servers = new LinkedHashMap<>();
    /** The servers shared with the reactor (exportToReactor): stopped at the end of the build only. */
    private final Set<String> withBuild = new HashSet<>();

    private final Reporter log;

    LocalServers(Reporter log) {
        this.log = log;
    }

    public synchronized void add(LocalServer server, boolean endsWithBuild) {
        servers.put(server.sessionId(), server);
        if (endsWithBuild) {
            withBuild.add(server.sessionId());
        }
    }

    public synchronized boolean endsWithBuild(String sessionId) {
        return servers.containsKey(sessionId) && withBuild.contains(sessionId);
    }

    public synchronized LocalServer get(String sessionId) {
        return servers.get(sessionId);
    }

    public synchronized boolean isEmpty() {
        return servers.isEmpty();
    }

    public synchronized LocalServer remove(String sessionId) {
        return servers.remove(sessionId);
    }

    /** Stops every server still running, in parallel, each given {@code grace} to shut down by itself. */
    public void stopAll(String reason, Duration grace) {
        List<LocalServer> running;
        synchronized (this) {
            running = new ArrayList<>(servers.values());
            servers.clear();
        }
        running.removeIf(server -> !server.isAlive());
        // A warm server (reuse) outlives the build on purpose, whatever its outcome: it exits when idle.
        running.stream()
                .filter(LocalServer::warm)
                .forEach(server -> log.info("Local server " + server.sessionId() + " stays warm for the next build or"
                        + " test run (reuse); it exits by itself when idle."));
        running.removeIf(LocalServer::warm);
        LocalServerStops.stopAll(
                running,
                grace,
                (server, killed) -> log.info("Stopped local server " + server.sessionId() + " because " + reason
                        + (killed ? " (killed: it did not shut down within " + grace.toSeconds() + " s)." : ".")));
    }
}
