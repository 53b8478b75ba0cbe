package io.github.emrserverless.core.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Stopping several local servers at once: the end of a run, or every warm server. */
public final class LocalServerStops {

    private LocalServerStops() {}

    /**
     * Stops these servers in parallel, each given {@code grace} to shut down by itself; {@code stopped} hears of each
     * as it ends (true when it had to be killed). Returns early, interrupted, when this thread is.
     */
    public static void stopAll(List<LocalServer> servers, Duration grace, BiConsumer<LocalServer, Boolean> stopped) {
        List<Thread> stops = new ArrayList<>();
        for (LocalServer server : servers) {
            Thread stop = new Thread(
                    () -> {
                        try {
                            stopped.accept(server, server.stop(grace));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "emr-serverless-local-stop");
            stop.setDaemon(true);
            stop.start();
            stops.add(stop);
        }
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
