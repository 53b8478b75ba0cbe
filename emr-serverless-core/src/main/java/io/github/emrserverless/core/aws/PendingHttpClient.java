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
        return new PendingHttpClient(builder, null, name);
    }

    static PendingHttpClient start(Supplier<SdkHttpClient> builder, String name) {
        // The SDK looks its services up through the context class loader: the plugin's, not the pool thread's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new PendingHttpClient(
                builder,
                CompletableFuture.supplyAsync(() -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(loader);
                    try {
                        return builder.get();
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                }),
                name);
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
