package io.github.emrserverless.core.local;

import java.util.concurrent.atomic.AtomicReference;
import org.sparkproject.connect.grpc.Attributes;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.MethodDescriptor;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.Status;

/**
 * Sends one call with the given headers through {@link TokenAuthentication}, as a Spark Connect server of the
 * version whose jar the calling class loader holds would: loaded afresh in such a loader, it links against that
 * version's shaded gRPC.
 */
public final class AuthenticationProbe {

    private AuthenticationProbe() {}

    private static final class Listener extends ServerCall.Listener<Object> {}

    /** @return STARTED when the call reached Spark, else the status it was closed with */
    public static String call(String authorization, String proxyAuth) {
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
        }
        if (proxyAuth != null) {
            headers.put(Metadata.Key.of("x-aws-proxy-auth", Metadata.ASCII_STRING_MARSHALLER), proxyAuth);
        }
        AtomicReference<String> outcome = new AtomicReference<>();
        ServerCall<Object, Object> call = new ServerCall<Object, Object>() {
            @Override
            public void request(int numMessages) {}

            @Override
            public void sendHeaders(Metadata headers) {}

            @Override
            public void sendMessage(Object message) {}

            @Override
            public void close(Status status, Metadata trailers) {
                outcome.set(status.getCode().name());
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Attributes getAttributes() {
                return Attributes.EMPTY;
            }

            @Override
            public MethodDescriptor<Object, Object> getMethodDescriptor() {
                return null;
            }
        };
        ServerCallHandler<Object, Object> spark = (started, metadata) -> {
            outcome.set("STARTED");
            return new Listener();
        };
        new TokenAuthentication().interceptCall(call, headers, spark);
        return outcome.get();
    }
}
