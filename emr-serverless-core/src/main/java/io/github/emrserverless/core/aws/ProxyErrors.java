package io.github.emrserverless.core.aws;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client behind a settings.xml proxy whose refusals say which {@code <proxy>} refused and what to
 * check: a 407 to a tunnelled request surfaces from the HTTP client as an I/O error that names neither.
 */
final class ProxyErrors implements SdkHttpClient {

    private final SdkHttpClient client;
    private final AwsSettings.Proxy proxy;

    ProxyErrors(SdkHttpClient client, AwsSettings.Proxy proxy) {
        this.client = client;
        this.proxy = proxy;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = client.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    HttpExecuteResponse response = prepared.call();
                    if (response.httpResponse().statusCode() == 407) {
                        throw refused();
                    }
                    return response;
                } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).contains("407")) {
                        throw refused();
                    }
                    throw e;
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    private IOException refused() {
        return new IOException("the proxy " + proxy.host() + ":" + proxy.port() + " (settings.xml <proxy> " + proxy.id()
                + ") answered 407 Proxy Authentication Required: "
                + (proxy.username() == null
                        ? "it wants credentials; add <username> and <password> to that <proxy>."
                        : "it refused the <username> and <password> of that <proxy>; check them (an encrypted"
                                + " password needs settings-security.xml)."));
    }

    @Override
    public String clientName() {
        return client.clientName();
    }

    @Override
    public void close() {
        client.close();
    }
}
