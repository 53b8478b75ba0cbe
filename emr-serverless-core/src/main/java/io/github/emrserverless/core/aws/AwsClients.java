package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.api.ServiceClients;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The clients of one goal execution: the session API (signed requests on SDK parts) and, built only when
 * StartApplication is needed, the SDK's emrserverless client, sharing one HTTP client, one credentials
 * provider and one retry strategy.
 */
public final class AwsClients implements ServiceClients {

    private final AwsSettings settings;
    private final Region region;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final RetryStrategy retryStrategy;
    private final SessionApi sessions;
    private EmrServerlessClient emrServerless;
    private String callerArn;
    private int users = 1;

    private AwsClients(
            AwsSettings settings,
            Region region,
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            Sleeper sleeper) {
        this.settings = settings;
        this.region = region;
        this.http = http;
        this.credentials = credentials;
        this.retryStrategy = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .build();
        URI endpoint = Endpoints.resolve(region, settings.endpoint(), settings.profile());
        this.sessions = new HttpSessionApi(http, credentials, region, endpoint, retryStrategy, Json.create(), sleeper);
    }

    /**
     * Starts building the HTTP client on another thread, for {@link Preparation#open} later; nothing is sent.
     * Close a preparation that is never opened.
     */
    public static Preparation prepare(AwsSettings settings, Reporter reporter) {
        // Before the first SDK class is initialised: its loggers are configured when created.
        if (!SdkLogging.keepSdkLoggersQuiet()) {
            reporter.warn("AWS SDK debug logging is on in this JVM; its signer may log request headers.");
        }
        return prepare(settings);
    }

    /** {@link #prepare(AwsSettings, Reporter)} without the check of the SDK's logging. */
    public static Preparation prepare(AwsSettings settings) {
        // Against a loopback endpoint the configured client may never be needed (STS or SSO elsewhere would).
        return new Preparation(settings, http(settings, !LoopbackDirectHttpClient.isLoopbackHttp(settings.endpoint())));
    }

    /**
     * Loopback http straight, everything else through the configured client: built ahead on another thread, or by
     * the first request that needs it.
     */
    private static SdkHttpClient http(AwsSettings settings, boolean buildAhead) {
        Supplier<SdkHttpClient> builder = () -> httpClient(settings);
        SdkHttpClient configured = buildAhead
                ? PendingHttpClient.start(builder, "UrlConnection")
                : PendingHttpClient.onFirstUse(builder, "UrlConnection");
        return new LoopbackDirectHttpClient(configured, settings.connectTimeout(), settings.readTimeout());
    }

    /** The clients of a goal execution in the making: only the HTTP client is being built. */
    public static final class Preparation implements AutoCloseable {
        private final AwsSettings settings;
        private final SdkHttpClient http;
        private boolean opened;

        private Preparation(AwsSettings settings, SdkHttpClient http) {
            this.settings = settings;
            this.http = http;
        }

        /** The clients, with the credentials resolved (see {@link AwsClients#create}). */
        public synchronized AwsClients open(Sleeper sleeper) {
            if (opened) {
                throw new IllegalStateException("already opened");
            }
            opened = true;
            return create(settings, http, sleeper);
        }

        /** Closes the HTTP client unless the clients were opened (they close it then). */
        @Override
        public synchronized void close() {
            if (!opened) {
                opened = true;
                IoUtils.closeQuietlyV2(http, null);
            }
        }
    }

    /**
     * Builds the clients and resolves the credentials once, so that missing ones fail with one message that
     * lists where the plugin looked (a web identity or a role means a call to STS here). Nothing else is sent.
     */
    public static AwsClients create(AwsSettings settings, Sleeper sleeper) {
        return create(settings, http(settings, false), sleeper);
    }

    private static AwsClients create(AwsSettings settings, SdkHttpClient http, Sleeper sleeper) {
        AwsCredentialsProvider credentials = null;
        try {
            Region region = resolveRegion(settings);
            credentials = CredentialsFactory.create(settings, region, http);
            CredentialsFactory.check(credentials, settings);
            return new AwsClients(settings, region, http, credentials, sleeper);
        } catch (RuntimeException e) {
            closeQuietly(http, credentials);
            throw e;
        }
    }

    /**
     * The URL connection client, the quicker to start, unless a proxy wants credentials: it sends them neither
     * with an https CONNECT nor only to the proxy (inside the tunnel they would reach the service). The Apache
     * client authenticates the CONNECT and keeps the credentials for the proxy (docs/performance.md: its cost).
     */
    static SdkHttpClient httpClient(AwsSettings settings) {
        AwsSettings.Proxy proxy = settings.proxy();
        if (proxy != null && proxy.username() != null) {
            return new ProxyErrors(
                    Apache5HttpClient.builder()
                            .connectionTimeout(settings.connectTimeout())
                            .socketTimeout(settings.readTimeout())
                            .proxyConfiguration(ProxyConfigurations.apache(proxy))
                            .build(),
                    proxy);
        }
        UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        if (proxy != null) {
            builder.proxyConfiguration(ProxyConfigurations.urlConnection(proxy));
            return new ProxyErrors(builder.build(), proxy);
        }
        return builder.build();
    }

    private static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return DefaultAwsRegionProviderChain.builder()
                    .profileName(settings.profile())
                    .build()
                    .getRegion();
        } catch (SdkClientException e) {
            throw new NoRegionException(
                    // Both front ends read -D; the build also its POM, a test run its environment and resource file.
                    "No AWS region found. Set <region> in the plugin configuration or pass"
                            + " -Demr-serverless.region=<region> (a test run also reads EMR_SERVERLESS_REGION and"
                            + " emr-serverless.properties), or configure one as the AWS CLI would (AWS_REGION, or"
                            + " region in the profile).",
                    e);
        }
    }

    @Override
    public SessionApi sessions() {
        return sessions;
    }

    /** StartApplication through the SDK's client, built on first use: it costs more than the rest together. */
    @Override
    public void startApplication(String applicationId) {
        try {
            emrServerless().startApplication(r -> r.applicationId(applicationId));
        } catch (SdkException e) {
            throw SdkFailures.translate(e);
        }
    }

    @Override
    public void stopApplication(String applicationId) {
        try {
            emrServerless().stopApplication(r -> r.applicationId(applicationId));
        } catch (SdkException e) {
            throw SdkFailures.translate(e);
        }
    }

    synchronized EmrServerlessClient emrServerless() {
        if (emrServerless == null) {
            EmrServerlessClientBuilder builder = EmrServerlessClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .overrideConfiguration(c -> c.retryStrategy(retryStrategy));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            emrServerless = builder.build();
        }
        return emrServerless;
    }

    /**
     * One more user of these clients (the safety net keeps the goal's for the rest of the build): each user
     * closes once, and the last close closes them.
     */
    public synchronized AwsClients share() {
        users++;
        return this;
    }

    /**
     * STS GetCallerIdentity, once (it needs no permission): only reuse asks, for its scope. The STS endpoint follows
     * the SDK's rules ({@code AWS_ENDPOINT_URL_STS} included), as for an assumed role.
     */
    @Override
    public synchronized String callerArn() {
        if (callerArn == null) {
            try (StsClient sts = StsClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .overrideConfiguration(c -> c.retryStrategy(retryStrategy))
                    .build()) {
                callerArn = sts.getCallerIdentity().arn();
            } catch (SdkException e) {
                throw new SessionException(
                        "<reuse> needs the identity the plugin calls AWS as (STS GetCallerIdentity, which needs no"
                                + " permission), for <reuseScope>; the call failed: " + e.getMessage(),
                        e);
            }
        }
        return callerArn;
    }

    @Override
    public synchronized void close() {
        if (--users > 0) {
            return;
        }
        // The SDK client does not close an HTTP client it was given.
        IoUtils.closeQuietlyV2(emrServerless, null);
        closeQuietly(http, credentials);
    }

    private static void closeQuietly(SdkHttpClient http, AwsCredentialsProvider credentials) {
        IoUtils.closeQuietlyV2(http, null);
        IoUtils.closeQuietlyV2(credentials instanceof AutoCloseable closeable ? closeable : null, null);
    }

    /** No region from the parameter or the SDK's region chain. */
    public static final class NoRegionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoRegionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
