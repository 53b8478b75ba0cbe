package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class LoopbackDirectHttpClientTest {

    final PendingHttpClientTest.RecordingClient configured = new PendingHttpClientTest.RecordingClient();
    final AtomicInteger served = new AtomicInteger();
    HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("http.proxyHost");
        System.clearProperty("http.proxyPort");
    }

    LoopbackDirectHttpClient client(Duration readTimeout) {
        return new LoopbackDirectHttpClient(configured, Duration.ofSeconds(2), readTimeout);
    }

    static HttpExecuteRequest get(String uri) {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder()
                        .uri(URI.create(uri))
                        .method(SdkHttpMethod.GET)
                        .build())
                .build();
    }

    @Test
    void plainHttpToALoopbackHostGoesStraightThereAndPastTheJvmsProxy() throws Exception {
        // A proxy that does not exist: a request sent through it would fail.
        System.setProperty("http.proxyHost", "203.0.113.1");
        System.setProperty("http.proxyPort", "3128");
        try (LoopbackDirectHttpClient client = client(Duration.ofSeconds(5))) {
            HttpExecuteResponse response = client.prepareRequest(
                            get("http://127.0.0.1:" + server.getAddress().getPort() + "/applications/app1"))
                    .call();

            assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        }
        assertThat(served).hasValue(1);
        assertThat(configured.prepared).isNull();
    }

    @Test
    void everythingElseGoesThroughTheConfiguredClient() {
        try (LoopbackDirectHttpClient client = client(Duration.ofSeconds(5))) {
            HttpExecuteRequest https = get("https://emr-serverless.eu-west-1.amazonaws.com/applications/app1");
            client.prepareRequest(https);
            assertThat(configured.prepared).isSameAs(https);

            // http elsewhere is refused before any request; were it not, it would not skip the proxy or TLS rules.
            HttpExecuteRequest remote = get("http://sts.example.com/");
            client.prepareRequest(remote);
            assertThat(configured.prepared).isSameAs(remote);
        }
        assertThat(configured.closed).isTrue();
    }

    @Test
    void theReadTimeoutHolds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                LoopbackDirectHttpClient client = client(Duration.ofMillis(300))) {
            Thread accepting = new Thread(() -> {
                try (Socket unused = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accepting.start();
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.prepareRequest(get("http://127.0.0.1:" + silent.getLocalPort() + "/"))
                            .call())
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            accepting.interrupt();
        }
    }

    @Test
    void onlyPlainHttpToLoopbackIsDirect() {
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(URI.create("http://127.0.0.1:4566")))
                .isTrue();
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(URI.create("http://localhost:8080")))
                .isTrue();
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(URI.create("http://[::1]:8080")))
                .isTrue();
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(URI.create("https://localhost:8443")))
                .isFalse();
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(URI.create("http://localhost.example.com")))
                .isFalse();
        assertThat(LoopbackDirectHttpClient.isLoopbackHttp(null)).isFalse();
    }
}
