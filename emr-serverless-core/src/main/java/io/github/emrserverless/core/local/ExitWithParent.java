package io.github.emrserverless.core.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * The main class of the forked local server JVM (runs there, not in Maven; JDK classes only). It loads the
 * Spark properties from an owner-only file and deletes it, and deletes the owner-only file of JVM options it was
 * started with (secrets stay off the command line and the disk); then it runs the real main class. It exits as
 * soon as its standard input closes, which happens when the
 * plugin stops the server and also when the Maven JVM dies, even by SIGKILL: the server never outlives the build.
 * A shutdown that hangs is cut short by a halt.
 *
 * <p>Arguments: the properties file, the main class, then the main class's own arguments.
 */
public final class ExitWithParent {

    /** The system property (in the argument file) naming the argument file, deleted once the JVM runs. */
    static final String ARGUMENT_FILE = "emr-serverless.local.argumentFile";
    /** How long shutdown hooks may take after the build went away, before the JVM halts. */
    static final long HALT_AFTER_MILLIS = 15_000;

    private ExitWithParent() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: ExitWithParent <properties file> <main class> [args...]");
        }
        deleteNamedBy(ARGUMENT_FILE);
        loadAndDelete(Path.of(args[0]));
        // A warm server (reuse) outlives its build on purpose: it exits when idle instead (IdleExit).
        if (System.getProperty(IdleExit.IDLE_MILLIS) == null) {
            daemon("exit-with-parent", () -> exitWhenClosed(System.in));
        }
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void deleteNamedBy(String property) throws IOException {
        String file = System.getProperty(property);
        if (file != null) {
            Files.deleteIfExists(Path.of(file));
        }
    }

    private static void loadAndDelete(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } finally {
            Files.deleteIfExists(file);
        }
        properties.stringPropertyNames().forEach(key -> System.setProperty(key, properties.getProperty(key)));
    }

    /** Reads until end of input (the parent closed the pipe, or died), then exits; shutdown hooks still run. */
    private static void exitWhenClosed(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Nothing is sent on purpose; only the end counts.
            }
        } catch (IOException e) {
            // A broken pipe is an end too.
        }
        System.err.println("[exit-with-parent] standard input closed: the build has ended or stopped the server");
        // Nobody is left to kill a server whose shutdown hangs when the build died: it halts itself.
        daemon("halt-watchdog", () -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
                System.err.println(
                        "[exit-with-parent] shutdown took longer than " + HALT_AFTER_MILLIS / 1000 + " s: halting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.exit(0);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
