package io.github.emrserverless.core.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * The local Spark Connect server's check of the build's token (runs in the forked server, registered through
 * {@code spark.connect.grpc.interceptor.classes}; never loaded by Maven). It accepts the token in either form a
 * test sends: {@code authorization: Bearer <token>}, as Spark's own clients send it, and
 * {@code x-aws-proxy-auth: <token>}, as a test written for EMR Serverless does, so one test runs unchanged locally
 * and on AWS. Spark's own {@code spark.connect.authenticate.token} would take the bearer form only. A call without
 * the token, or with another, ends UNAUTHENTICATED before it reaches Spark.
 *
 * <p>The token comes from the system property {@link #TOKEN_PROPERTY}, which the owner-only properties file sets
 * ({@link ExitWithParent}): it is never on the server's command line.
 */
public final class TokenAuthentication implements ServerInterceptor {

    /** The system property that holds the token in the server's JVM. */
    public static final String TOKEN_PROPERTY = "emr-serverless.local.authToken";

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> PROXY_AUTH =
            Metadata.Key.of("x-aws-proxy-auth", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    /** Spark creates it with no arguments; a server without a token would accept anyone, so it refuses to start. */
    public TokenAuthentication() {
        String value = System.getProperty(TOKEN_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("No " + TOKEN_PROPERTY + " is set: the local server does not start"
                    + " without the token it checks");
        }
        this.token = value.getBytes(StandardCharsets.UTF_8);
        // The first plugin code Spark runs inside the service's start: from here the bound port can be read.
        ReadyReport.start();
        IdleExit.start();
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String authorization = headers.get(AUTHORIZATION);
        boolean bearer = authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && matches(authorization.substring(BEARER.length()).trim());
        if (bearer || matches(headers.get(PROXY_AUTH))) {
            return counted(next.startCall(call, headers));
        }
        call.close(
                Status.UNAUTHENTICATED.withDescription("This local Spark Connect server takes only the token of the"
                        + " build that started it (authorization: Bearer <token> or x-aws-proxy-auth: <token>; the"
                        + " token is in the file emr-serverless.sessionTokenFile names)"),
                new Metadata());
        return new ServerCall.Listener<>() {};
    }

    /** A call counts as in flight until it completes or is cancelled: a warm server never exits under a query. */
    private static <Q> ServerCall.Listener<Q> counted(ServerCall.Listener<Q> listener) {
        IdleExit.callStarted();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            private final java.util.concurrent.atomic.AtomicBoolean ended =
                    new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public void onComplete() {
                end();
                super.onComplete();
            }

            @Override
            public void onCancel() {
                end();
                super.onCancel();
            }

            private void end() {
                if (ended.compareAndSet(false, true)) {
                    IdleExit.callEnded();
                }
            }
        };
    }

    /** In constant time, so that the answer's timing tells nothing of the token. */
    private boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(token, offered.trim().getBytes(StandardCharsets.UTF_8));
    }
}
