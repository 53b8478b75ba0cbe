package io.github.emrserverless.junit5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sparkproject.io.grpc.CallOptions;
import org.sparkproject.io.grpc.Channel;
import org.sparkproject.io.grpc.ClientCall;
import org.sparkproject.io.grpc.ClientInterceptor;
import org.sparkproject.io.grpc.ForwardingClientCall;
import org.sparkproject.io.grpc.Metadata;
import org.sparkproject.io.grpc.MethodDescriptor;

/**
 * Puts the session's token on every call, read from its file each time: the plugin's renewer (or the extension's own)
 * replaces the file before the token expires, and a SparkSession opened before a renewal must send the new one.
 * EMR Serverless reads it from {@code x-aws-proxy-auth}; a local server takes the bearer form. Compiled against the
 * shaded gRPC of the 4.x Spark Connect JVM client.
 */
final class TokenInterceptor implements ClientInterceptor {

    static final Metadata.Key<String> PROXY_AUTH =
            Metadata.Key.of("x-aws-proxy-auth", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Path tokenFile;
    private final boolean bearer;

    /** @param bearer {@code authorization: Bearer <token>} (a local server) instead of {@code x-aws-proxy-auth} */
    TokenInterceptor(Path tokenFile, boolean bearer) {
        this.tokenFile = tokenFile;
        this.bearer = bearer;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                String token = token();
                if (bearer) {
                    headers.put(AUTHORIZATION, "Bearer " + token);
                } else {
                    headers.put(PROXY_AUTH, token);
                }
                super.start(listener, headers);
            }
        };
    }

    /** The current token: the renewer replaces the file atomically, so a read sees the old token or the new one. */
    String token() {
        try {
            return Files.readString(tokenFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the session's token from " + tokenFile + ": " + e.getMessage(), e);
        }
    }
}
