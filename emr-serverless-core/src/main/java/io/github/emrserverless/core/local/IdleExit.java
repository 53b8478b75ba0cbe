package io.github.emrserverless.core.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs in a warm local server (reuse): it outlives the build that started it, so nobody stops it but itself. It
 * counts the Spark Connect calls in flight (a long query is one call) and exits once none has run for the idle
 * timeout, as EMR Serverless ends an idle session. Each call also touches the activity file, whose time the
 * registry shows as when the server was last used. Started by {@link TokenAuthentication}, whose interceptor sees
 * every call.
 */
final class IdleExit {

    /** The system property with the idle timeout in milliseconds; absent for a server that ends with its build. */
    static final String IDLE_MILLIS = "emr-serverless.local.idleTimeoutMillis";
    /** The system property naming the file whose modification time says when the server was last used. */
    static final String ACTIVITY_FILE = "emr-serverless.local.activityFile";

    private static final long TOUCH_EVERY_MILLIS = 5_000;
    // Static on purpose, as in ReadyReport: one count per server JVM, however many interceptor instances Spark makes
    // (it creates them by reflection, so they cannot be handed a shared object).
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicLong LAST_ACTIVE = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong LAST_TOUCH = new AtomicLong();

    private IdleExit() {}

    /** Once per server JVM: a warm server watches its idleness; any other does nothing here. */
    static void start() {
        String millis = System.getProperty(IDLE_MILLIS);
        if (millis == null || !STARTED.compareAndSet(false, true)) {
            return;
        }
        long timeout = Long.parseLong(millis);
        Thread watch = new Thread(() -> watch(timeout), "emr-serverless-idle-exit");
        watch.setDaemon(true);
        watch.start();
    }

    static void callStarted() {
        IN_FLIGHT.incrementAndGet();
        active();
    }

    static void callEnded() {
        IN_FLIGHT.decrementAndGet();
        active();
    }

    private static void active() {
        long now = System.currentTimeMillis();
        LAST_ACTIVE.set(now);
        String file = System.getProperty(ACTIVITY_FILE);
        if (file != null && now - LAST_TOUCH.get() >= TOUCH_EVERY_MILLIS) {
            LAST_TOUCH.set(now);
            try {
                Path path = Path.of(file);
                if (!Files.exists(path)) {
                    Files.createFile(path);
                }
                Files.setLastModifiedTime(path, FileTime.fromMillis(now));
            } catch (IOException e) {
                // Only what the registry shows suffers.
            }
        }
    }

    private static void watch(long timeout) {
        while (true) {
            try {
                Thread.sleep(Math.min(timeout, 10_000));
            } catch (InterruptedException e) {
                return;
            }
            long idle = System.currentTimeMillis() - LAST_ACTIVE.get();
            if (IN_FLIGHT.get() == 0 && idle >= timeout) {
                System.err.println("[emr-serverless] idle for " + idle / 1000 + " s (the idle timeout is "
                        + timeout / 1000 + " s): the warm local server exits");
                System.exit(0);
            }
        }
    }
}
