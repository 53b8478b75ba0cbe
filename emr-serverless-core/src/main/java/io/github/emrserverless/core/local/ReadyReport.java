package io.github.emrserverless.core.local;

import io.github.emrserverless.core.support.OwnerOnlyFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs in the forked server: tells the plugin, through a ready file, the port Spark's own Spark Connect service
 * has bound once it says it has started. Readiness is then the server's word, not "something accepts on the port
 * the plugin picked", which another process could do first. Started by {@link TokenAuthentication}, which Spark
 * creates inside the service's start: the service object is initialised by then, so reading it changes nothing
 * of Spark's own order of start-up.
 */
final class ReadyReport {

    /** The system property naming the file the bound port goes to. */
    static final String READY_FILE = "emr-serverless.local.readyFile";

    private static final String SERVICE = "org.apache.spark.sql.connect.service.SparkConnectService$";
    private static final long CHECK_MILLIS = 20;
    /** One report per server JVM, however many interceptor instances Spark makes. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ReadyReport() {}

    static void start() {
        String file = System.getProperty(READY_FILE);
        if (file == null || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> reportWhenBound(Path.of(file)), "emr-serverless-ready-report");
        thread.setDaemon(true);
        thread.start();
    }

    private static void reportWhenBound(Path readyFile) {
        try {
            Object service = Class.forName(SERVICE).getField("MODULE$").get(null);
            while (true) {
                int port = boundPort(service);
                if (port > 0) {
                    // Atomically (the plugin never reads half a file), as every file of the plugin's is written.
                    OwnerOnlyFile.write(readyFile, Integer.toString(port));
                    return;
                }
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("[emr-serverless] cannot tell the plugin that the server is ready: " + e);
        }
    }

    /**
     * 0 while not yet bound. Spark 4 says {@code started}; Spark 3.5 has no such flag, and its {@code localPort}
     * fails until the gRPC server it reads has started.
     */
    private static int boundPort(Object service) throws ReflectiveOperationException {
        Class<?> type = service.getClass();
        try {
            if (!(boolean) type.getMethod("started").invoke(service)) {
                return 0;
            }
        } catch (NoSuchMethodException spark35) {
            if (type.getMethod("server").invoke(service) == null) {
                return 0;
            }
        }
        try {
            return (int) type.getMethod("localPort").invoke(service);
        } catch (java.lang.reflect.InvocationTargetException notStarted) {
            return 0;
        }
    }
}
