package io.github.emrserverless.core.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Sends plain http to a loopback host (an emulator, LocalStack, a tunnel: the only place the plugin allows http)
 * straight to it, and everything else through the configured client. The SDK's clients set up TLS when they are
 * built, and that is most of building one (the JSSE provider and the trust store: about 250 ms of CPU cold);
 * for a loopback endpoint it is never used, and on a two-core runner it competes with the start itself. A loopback
 * host goes through no proxy either, as {@link ProxyConfigurations} has it for a settings.xml proxy.
 */
final class LoopbackDirectHttpClient implements SdkHttpClient {

    private final SdkHttpClient direct;
    private final SdkHttpClient configured;

    LoopbackDirectHttpClient(SdkHttpClient configured, Duration connectTimeout, Duration readTimeout) {
        this.configured = configured;
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        int readMillis = Math.toIntExact(readTimeout.toMillis());
        // The SDK's client over the JDK's connection, without its TLS set-up; the factory then sets the timeouts.
        this.direct = UrlConnectionHttpClient.create(uri -> open(uri, connectMillis, readMillis));
    }

    /** Whether a request to this address goes straight to it, with no TLS and no proxy. */
    static boolean isLoopbackHttp(URI uri) {
        return uri != null && isLoopbackHttp(uri.getScheme(), uri.getHost());
    }

    // The same loopback test that allows http at all (SharedParameters, Endpoints): what may be http goes direct.
    private static boolean isLoopbackHttp(String scheme, String host) {
        return "http".equalsIgnoreCase(scheme) && host != null && SharedParameters.isLoopback(host);
    }

    private static HttpURLConnection open(URI uri, int connectMillis, int readMillis) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(readMillis);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        return (isLoopbackHttp(http.protocol(), http.host()) ? direct : configured).prepareRequest(request);
    }

    @Override
    public String clientName() {
        return configured.clientName();
    }

    @Override
    public void close() {
        IoUtils.closeQuietlyV2(direct, null);
        IoUtils.closeQuietlyV2(configured, null);
    }
}
