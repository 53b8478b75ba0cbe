package io.github.emrserverless.core.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that is still being built on another thread. Building the first one in a JVM loads the SDK's
 * HTTP and TLS classes and reads the trust store (about 300 ms cold); starting it as soon as the shared
 * parameters are checked lets that overlap the goal's reading of its own configuration: 130 to 150 ms less
 * per start-session in paired series (docs/performance.md). The first request waits for the client.
 */
final class PendingHttpClient implements SdkHttpClient {

    private final CompletableFuture<SdkHttpClient> client;
    private final String name;

    private PendingHttpClient(CompletableFuture<SdkHttpClient> client, String name) {
        this.client = client;
        this.name = name;
    }

    static PendingHttpClient start(Supplier<SdkHttpClient> builder, String name) {
        // The SDK looks its services up through the context class loader: the plugin's, not the pool thread's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new PendingHttpClient(
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
        try {
            return client.join();
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
    public void close() {
        client.thenAccept(SdkHttpClient::close);
    }
}
