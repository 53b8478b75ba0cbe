package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

class PendingHttpClientTest {

    /** A client that counts what it was asked to do. */
    static final class RecordingClient implements SdkHttpClient {
        final AtomicBoolean closed = new AtomicBoolean();
        volatile HttpExecuteRequest prepared;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            prepared = request;
            return null;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    final CountDownLatch release = new CountDownLatch(1);
    final RecordingClient built = new RecordingClient();

    /** A client whose building finishes only once {@link #release} is counted down. */
    PendingHttpClient heldBack() {
        return PendingHttpClient.start(
                () -> {
                    await(release);
                    return built;
                },
                "UrlConnection");
    }

    @Test
    void namesItselfWithoutWaitingForTheClientAndHandsRequestsToItOnceBuilt() throws Exception {
        PendingHttpClient pending = heldBack();

        // The SDK asks for the name while it builds its own client: that must not wait for TLS set-up.
        assertThat(pending.clientName()).isEqualTo("UrlConnection");
        release.countDown();
        HttpExecuteRequest request = HttpExecuteRequest.builder().build();
        pending.prepareRequest(request);

        assertThat(built.prepared).isSameAs(request);
    }

    @Test
    void closingClosesTheClientOnceItIsBuilt() throws Exception {
        PendingHttpClient pending = heldBack();

        pending.close();
        assertThat(built.closed).isFalse();
        release.countDown();
        pending.get();
        // close() chained on the build: give the chained action a moment after get() returned.
        for (int i = 0; i < 100 && !built.closed.get(); i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(built.closed).isTrue();
    }

    @Test
    void aClientThatCouldNotBeBuiltFailsTheFirstRequestWithItsOwnError() {
        PendingHttpClient pending = PendingHttpClient.start(
                () -> {
                    throw new IllegalStateException("trust store unreadable");
                },
                "UrlConnection");

        assertThatThrownBy(() ->
                        pending.prepareRequest(HttpExecuteRequest.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("trust store unreadable");
    }

    @Test
    void aClientForFirstUseIsBuiltByTheFirstRequestAndNotAtAllWhenNoneCame() {
        AtomicInteger builds = new AtomicInteger();
        PendingHttpClient unused = PendingHttpClient.onFirstUse(
                () -> {
                    builds.incrementAndGet();
                    return new RecordingClient();
                },
                "UrlConnection");
        unused.close();
        assertThat(builds).hasValue(0);

        PendingHttpClient used = PendingHttpClient.onFirstUse(
                () -> {
                    builds.incrementAndGet();
                    return built;
                },
                "UrlConnection");
        assertThat(builds).hasValue(0);
        HttpExecuteRequest request = HttpExecuteRequest.builder().build();
        used.prepareRequest(request);
        used.prepareRequest(request);
        used.close();

        assertThat(builds).hasValue(1);
        assertThat(built.prepared).isSameAs(request);
        assertThat(built.closed).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
