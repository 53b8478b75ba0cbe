package io.github.emrserverless.core.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * The emulator's Spark Connect server's door (runs in that server, registered through
 * {@code spark.connect.grpc.interceptor.classes}): a call passes only with an {@code x-aws-proxy-auth} token that
 * GetSessionEndpoint issued and that has not expired, as EMR Serverless's proxy in front of a session's Spark Connect
 * endpoint does. The issued tokens come from the file the emulator rewrites with every token it issues
 * ({@link SparkConnectEndpoint}). Every call is logged (time, method, session, a digest of the token, the verdict),
 * never the token itself, so that a test can tell which calls carried which token.
 */
public final class EmulatorTokenCheck implements ServerInterceptor {

    static final String TOKENS_FILE = "emulator.tokensFile";
    static final String CALL_LOG = "emulator.callLog";

    private static final Metadata.Key<String> PROXY_AUTH =
            Metadata.Key.of("x-aws-proxy-auth", Metadata.ASCII_STRING_MARSHALLER);

    private final Path tokens;
    private final Path log;

    /** As Spark creates it, in the server the emulator started. */
    public EmulatorTokenCheck() {
        this(Path.of(System.getProperty(TOKENS_FILE)), Path.of(System.getProperty(CALL_LOG)));
    }

    EmulatorTokenCheck(Path tokens, Path log) {
        this.tokens = tokens;
        this.log = log;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String token = headers.get(PROXY_AUTH);
        String method = call.getMethodDescriptor().getFullMethodName();
        Verdict verdict = verdict(token, System.currentTimeMillis());
        record(method, token, verdict);
        if (verdict.session() != null) {
            return next.startCall(call, headers);
        }
        call.close(Status.UNAUTHENTICATED.withDescription(verdict.reason()), new Metadata());
        return new ServerCall.Listener<>() {};
    }

    /** @param session the session the token was issued for; null when the call is refused */
    record Verdict(String session, String reason) {}

    /** Lines of the tokens file: {@code <token> <expires at, epoch ms> <session ID>}. */
    Verdict verdict(String token, long now) {
        if (token == null || token.isBlank()) {
            return new Verdict(null, "no x-aws-proxy-auth token");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(tokens);
        } catch (IOException e) {
            return new Verdict(null, "no tokens issued yet");
        }
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length == 3 && MessageDigest.isEqual(bytes(fields[0]), bytes(token.trim()))) {
                return Long.parseLong(fields[1]) > now
                        ? new Verdict(fields[2], "ACCEPTED")
                        : new Verdict(null, "token of " + fields[2] + " expired");
            }
        }
        return new Verdict(null, "a token the emulator never issued");
    }

    private synchronized void record(String method, String token, Verdict verdict) {
        String line = System.currentTimeMillis() + " " + method + " " + verdict.session() + " " + digest(token) + " "
                + (verdict.session() != null ? "ACCEPTED" : "REJECTED " + verdict.reason()) + "\n";
        try {
            Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[emulator] cannot log a call: " + e);
        }
    }

    /** Enough of SHA-256 to tell tokens apart in a log, nothing to use one. */
    static String digest(String token) {
        if (token == null) {
            return "none";
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(token.trim())))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
