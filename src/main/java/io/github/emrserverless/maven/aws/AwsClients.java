package io.github.emrserverless.maven.aws;

import io.github.emrserverless.maven.config.Json;
import io.github.emrserverless.maven.session.SessionApi;
import io.github.emrserverless.maven.session.Sleeper;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClientBuilder;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The clients of one goal execution: the session API (signed requests on SDK parts) and, built only when
 * asked for, the SDK's emrserverless client for StartApplication, sharing one HTTP client, one credentials
 * provider and one retry strategy.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final Parts parts;
    private final RetryStrategy retryStrategy;
    private final SessionApi sessions;
    private EmrServerlessClient emrServerless;

    private AwsClients(AwsSettings settings, Parts parts, RetryStrategy retryStrategy, SessionApi sessions) {
        this.settings = settings;
        this.parts = parts;
        this.retryStrategy = retryStrategy;
        this.sessions = sessions;
    }

    /** Builds the clients and checks the credentials, so that a missing one fails with one clear message. */
    public static AwsClients create(AwsSettings settings, Sleeper sleeper) {
        return open(settings, sleeper).await();
    }

    /**
     * Starts building the clients on another thread and returns at once, so that callers read and check
     * their configuration meanwhile. Nothing is sent, and no credentials are resolved, before
     * {@link Opening#await()}; only the region chain (where no region is set) is read before.
     */
    public static Opening open(AwsSettings settings, Sleeper sleeper) {
        CompletableFuture<Parts> parts = new CompletableFuture<>();
        // The SDK finds its HTTP and interceptor services through the context class loader: the caller's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<AwsClients> clients = CompletableFuture.supplyAsync(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Parts made = Parts.of(settings);
                parts.complete(made);
                return build(settings, made, sleeper);
            } catch (RuntimeException e) {
                parts.completeExceptionally(e);
                throw e;
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        return new Opening(settings, parts, clients);
    }

    /** What the clients are built from; the credentials can be checked while the rest is being built. */
    private record Parts(Region region, SdkHttpClient http, AwsCredentialsProvider credentials) {

        static Parts of(AwsSettings settings) {
            Region region = resolveRegion(settings);
            // The HTTP client's TLS set-up (the JDK reads its trust store) overlaps the rest.
            SdkHttpClient http = PendingHttpClient.start(() -> httpClient(settings), "UrlConnection");
            return new Parts(region, http, CredentialsFactory.create(settings, region, http));
        }

        void close() {
            IoUtils.closeQuietlyV2(http, null);
            IoUtils.closeQuietlyV2(credentials instanceof AutoCloseable c ? c : null, null);
        }
    }

    private static AwsClients build(AwsSettings settings, Parts parts, Sleeper sleeper) {
        RetryStrategy retryStrategy = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .build();
        URI endpoint = Endpoints.resolve(parts.region(), settings.endpoint(), settings.profile());
        SessionApi sessions = new HttpSessionApi(parts.http(), parts.credentials(), parts.region(), endpoint,
                retryStrategy, Json.create(), sleeper);
        return new AwsClients(settings, parts, retryStrategy, sessions);
    }

    /** Clients being built on another thread. */
    public static final class Opening {
        private final AwsSettings settings;
        private final CompletableFuture<Parts> parts;
        private final CompletableFuture<AwsClients> clients;

        private Opening(AwsSettings settings, CompletableFuture<Parts> parts, CompletableFuture<AwsClients> clients) {
            this.settings = settings;
            this.parts = parts;
            this.clients = clients;
        }

        /**
         * Resolves the credentials on this thread while the rest may still be in the making (a web identity
         * or a role means a call to STS), then waits for the clients. If either fails, closes what
         * was built and throws one message (for missing credentials, it lists where it looked).
         */
        public AwsClients await() {
            try {
                CredentialsFactory.check(parts.join().credentials(), settings);
                return clients.join();
            } catch (CompletionException e) {
                discard();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } catch (RuntimeException e) {
                discard();
                throw e;
            }
        }

        /** Closes the clients once built, for work that will not happen. */
        public void discard() {
            clients.whenComplete((built, failure) -> {
                if (built != null) {
                    built.close();
                } else if (!parts.isCompletedExceptionally()) {
                    parts.join().close();
                }
            });
        }
    }

    private static SdkHttpClient httpClient(AwsSettings settings) {
        UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        if (settings.proxy() != null) {
            builder.proxyConfiguration(ProxyConfigurations.of(settings.proxy()));
        }
        return builder.build();
    }

    private static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build().getRegion();
        } catch (SdkClientException e) {
            throw new NoRegionException("No AWS region found. Set <region> in the plugin configuration or pass"
                    + " -Demr-serverless.region=<region>, or configure one as the AWS CLI would (AWS_REGION, or"
                    + " region in the profile).", e);
        }
    }

    /**
     * The SDK's client, for StartApplication; built on first use, as most goal executions never need it and
     * building it costs more than the rest of the clients together.
     */
    public synchronized EmrServerlessClient emrServerless() {
        if (emrServerless == null) {
            EmrServerlessClientBuilder builder = EmrServerlessClient.builder()
                    .region(parts.region())
                    .credentialsProvider(parts.credentials())
                    .httpClient(parts.http())
                    .overrideConfiguration(c -> c.retryStrategy(retryStrategy));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            emrServerless = builder.build();
        }
        return emrServerless;
    }

    public SessionApi sessions() {
        return sessions;
    }

    @Override
    public synchronized void close() {
        // The SDK client does not close an HTTP client it was given.
        IoUtils.closeQuietlyV2(emrServerless, null);
        parts.close();
    }

    /** No region from the parameter or the SDK's region chain. */
    public static final class NoRegionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoRegionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
