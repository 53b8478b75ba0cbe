package io.github.emrserverless.maven.aws;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Work for another thread that builds SDK parts. */
public final class PluginThreads {

    private PluginThreads() {}

    /**
     * Runs {@code work} on a pool thread with the caller's context class loader: the SDK looks its services up
     * through it, and the plugin's realm is the caller's, not the pool thread's.
     */
    public static <T> CompletableFuture<T> supplyAsync(Supplier<T> work) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return CompletableFuture.supplyAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return work.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
