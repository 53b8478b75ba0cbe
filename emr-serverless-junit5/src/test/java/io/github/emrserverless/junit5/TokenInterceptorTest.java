package io.github.emrserverless.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkproject.io.grpc.CallOptions;
import org.sparkproject.io.grpc.Channel;
import org.sparkproject.io.grpc.ClientCall;
import org.sparkproject.io.grpc.ClientInterceptor;
import org.sparkproject.io.grpc.Metadata;
import org.sparkproject.io.grpc.MethodDescriptor;

/** Every call carries the token the file holds at that moment, in the header the server reads. */
class TokenInterceptorTest {

    @TempDir
    Path dir;

    static final Metadata.Key<String> PROXY_AUTH =
            Metadata.Key.of(TokenInterceptor.PROXY_AUTH, Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of(TokenInterceptor.AUTHORIZATION, Metadata.ASCII_STRING_MARSHALLER);

    final List<Metadata> sent = new ArrayList<>();

    /** A channel whose calls only record the headers they were started with. */
    final Channel channel = new Channel() {
        @Override
        public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
            return new ClientCall<>() {
                @Override
                public void start(Listener<A> listener, Metadata headers) {
                    sent.add(headers);
                }

                @Override
                public void request(int messages) {}

                @Override
                public void cancel(String message, Throwable cause) {}

                @Override
                public void halfClose() {}

                @Override
                public void sendMessage(Q message) {}
            };
        }

        @Override
        public String authority() {
            return "test";
        }
    };

    /** As the 4.x client's builder gets it. */
    static ClientInterceptor interceptor(Path tokenFile, boolean bearer) throws Exception {
        return (ClientInterceptor) TokenInterceptor.of(ClientInterceptor.class, tokenFile, bearer);
    }

    void call(ClientInterceptor interceptor) {
        interceptor.interceptCall(null, CallOptions.DEFAULT, channel).start(null, new Metadata());
    }

    @Test
    void aRenewedTokenIsSentWithTheNextCallOfTheSameSession() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first-token\n");
        ClientInterceptor interceptor = interceptor(file, false);

        call(interceptor);
        // What the renewer does: a new file moved into place.
        Files.move(
                Files.writeString(dir.resolve("token.new"), "second-token"),
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        call(interceptor);

        assertThat(sent).extracting(h -> h.get(PROXY_AUTH)).containsExactly("first-token", "second-token");
        assertThat(sent).allSatisfy(h -> assertThat(h.get(AUTHORIZATION)).isNull());
    }

    @Test
    void aLocalServerGetsTheBearerForm() throws Exception {
        call(interceptor(Files.writeString(dir.resolve("token"), "local-token"), true));

        assertThat(sent.get(0).get(AUTHORIZATION)).isEqualTo("Bearer local-token");
        assertThat(sent.get(0).get(PROXY_AUTH)).isNull();
    }
}
