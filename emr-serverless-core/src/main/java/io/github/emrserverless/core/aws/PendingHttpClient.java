package io.github.emrserverless.core.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that is still being built on another thread, or not yet at all. Building the first one in a JVM
 * loads the SDK's HTTP and TLS classes and reads the trust store (about 300 ms cold); starting it as soon as the
 * shared parameters are checked lets that overlap the goal's reading of its own configuration: 130 to 150 ms
 * less per start-session in paired series (docs/performance.md). The first request waits for the client. One
 * that may never be needed (a loopback endpoint's goal calls no other host) is built by its first request.
 */
final class PendingHttpClient implements SdkHttpClient {

    private final Supplier<SdkHttpClient> builder;
    private final String name;
    private CompletableFuture<SdkHttpClient> client;

    private PendingHttpClient(Supplier<SdkHttpClient> builder, CompletableFuture<SdkHttpClient> client, String name) {
        this.builder = builder;
        this.client = client;
        this.name = name;
    }

    /** A client built by the first request that needs it, on that request's thread. */
    static PendingHttpClient onFirstUse(Supplier<SdkHttpClient> builder, String name) {
        return new PendingHttpClient(inContextOf(Thread.currentThread().getContextClassLoader(), builder), null, name);
    }

    static PendingHttpClient start(Supplier<SdkHttpClient> builder, String name) {
        Supplier<SdkHttpClient> inContext = inContextOf(Thread.currentThread().getContextClassLoader(), builder);
        return new PendingHttpClient(inContext, CompletableFuture.supplyAsync(inContext), name);
    }

    /**
     * The builder run with this context class loader, whichever thread runs it: the SDK looks its services up
     * through the context class loader, which must be the plugin's, not a pool thread's or the guard's.
     */
    private static Supplier<SdkHttpClient> inContextOf(ClassLoader loader, Supplier<SdkHttpClient> builder) {
        return () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return builder.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
    }

    SdkHttpClient get() {
        CompletableFuture<SdkHttpClient> building;
        synchronized (this) {
            if (client == null) {
                client = new CompletableFuture<>();
                try {
                    client.complete(builder.get());
                } catch (RuntimeException e) {
                    client.completeExceptionally(e);
                }
            }
            building = client;
        }
        try {
            return building.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return get().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.thenAccept(SdkHttpClient::close);
        }
    }
}
