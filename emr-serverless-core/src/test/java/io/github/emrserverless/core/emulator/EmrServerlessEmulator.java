package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local EMR Serverless for tests and the demo, following {@code shared/emr-serverless-api.md}: SigV4
 * verified by re-signing, rest-json errors, constraint validation, clientToken idempotency, and state
 * transitions derived from the clock with configurable (fast) timings.
 *
 * <p>This class is the HTTP server: it routes each request to the {@link EmulatedService}, the
 * {@link CredentialEndpoints} or, for tests, {@link Faults} and the control paths under {@code /_emulator/}
 * (unsigned): {@code calls}, {@code sessions}, {@code proxied}, {@code faults}.
 */
public final class EmrServerlessEmulator implements AutoCloseable {

    /** The SSO access token that GetRoleCredentials accepts, as {@code aws sso login} would have cached it. */
    public static final String SSO_ACCESS_TOKEN = "emulator-sso-access-token";

    /** One request as it arrived: operation, who sent it, what it answered, and the body of a StartSession. */
    public record Call(
            String operation,
            String applicationId,
            String accessKeyId,
            int status,
            String errorType,
            String body,
            long atMillis) {

        /** Stamped with the wall-clock time it was recorded, for tests that time the plugin's reactions. */
        Call(String operation, String applicationId, String accessKeyId, int status, String errorType, String body) {
            this(operation, applicationId, accessKeyId, status, errorType, body, System.currentTimeMillis());
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SigV4Verifier verifier;
    private final EmulatedService service;
    private final CredentialEndpoints credentialEndpoints;
    private final Faults faults = new Faults();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> proxied = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requestIds = new AtomicInteger();
    private final String proxyAuthorization;
    private final PrintStream requestLog;
    private final Map<String, Duration> startAnswerDelays;

    EmrServerlessEmulator(EmulatorBuilder builder) throws IOException {
        this.requestLog = builder.requestLog;
        this.startAnswerDelays = Map.copyOf(builder.startAnswerDelays);
        // Accepted credentials; AssumeRole and GetRoleCredentials add the temporary ones they issue.
        Map<String, EmulatorCredentials> credentials = new ConcurrentHashMap<>(builder.credentials);
        this.verifier = new SigV4Verifier(credentials, builder.anyKeySecret, builder.region, builder.clock);
        Ids ids = new Ids(builder.seed);
        this.service = new EmulatedService(
                builder.applications,
                builder.accounts,
                builder.clock,
                ids,
                builder.terminateDelay,
                builder.pageSize,
                builder.sparkConnect);
        this.credentialEndpoints = new CredentialEndpoints(credentials, verifier, ids, builder.clock, calls::add);
        this.proxyAuthorization = builder.proxyAuthorization;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port);
        if (builder.tls == null) {
            this.server = HttpServer.create(address, 50);
        } else {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(builder.tls));
            this.server = https;
        }
        this.scheme = builder.tls == null ? "http" : "https";
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "emr-serverless-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static EmulatorBuilder builder() {
        return new EmulatorBuilder();
    }

    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> callsBy(String accessKeyId) {
        return calls().stream().filter(c -> accessKeyId.equals(c.accessKeyId())).toList();
    }

    /** The Proxy-Authorization header ("" when absent) of each request that reached the emulator as a proxy. */
    public List<String> proxiedRequests() {
        synchronized (proxied) {
            return List.copyOf(proxied);
        }
    }

    /** The session's state now, as GetSession would report it. */
    public String sessionState(String sessionId) {
        return service.sessionState(sessionId);
    }

    /** When the session becomes (or became) ready: its planned entry into STARTED. */
    public Instant readyAt(String sessionId) {
        return service.readyAt(sessionId);
    }

    public List<String> sessionIds() {
        return service.sessionIds();
    }

    public JsonNode sessionRequest(String sessionId) {
        return service.sessionRequest(sessionId);
    }

    /**
     * Answers the next call of {@code operation} with this error. With {@code afterProcessing} the call
     * takes effect first (a StartSession creates its session), as when a response is lost on the way back.
     */
    public void failNext(String operation, int status, String type, boolean afterProcessing) {
        faults.failNext(operation, status, type, afterProcessing);
    }

    /** Faults the requests of {@code accessKeyId} from now on, as a seeded plan draws them. */
    public void faultRequests(
            String accessKeyId,
            long seed,
            double rate,
            Set<String> operations,
            List<FaultPlan.Kind> kinds,
            Duration slow) {
        faults.plan(accessKeyId, new FaultPlan(seed, rate, operations, kinds, slow));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Thrown out of the handler: the HTTP server then closes the connection without an answer. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_emulator/")) {
                control(exchange, path);
                return;
            }
            logRequest(exchange, body);
            if (exchange.getRequestURI().isAbsolute() && !proxyAllows(exchange)) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"emulator\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("POST")) {
                send(exchange, credentialEndpoints.sts(exchange.getRequestHeaders(), body));
            } else if (path.equals("/federation/credentials") && method.equals("GET")) {
                send(
                        exchange,
                        credentialEndpoints.ssoRoleCredentials(exchange.getRequestHeaders(), exchange.getRequestURI()));
            } else {
                serve(exchange, method, Route.of(method, path), body);
            }
        }
    }

    /**
     * Everything a request carried, headers and body whole, so that a test can search the emulator's log for a
     * secret that must never be sent (a secret key, a Spark Connect token, proxy credentials).
     */
    private void logRequest(HttpExchange exchange, byte[] body) {
        if (requestLog == null) {
            return;
        }
        StringBuilder line = new StringBuilder("REQUEST ")
                .append(exchange.getRequestMethod())
                .append(' ')
                .append(exchange.getRequestURI());
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        line.append(" | ").append(name).append(": ").append(values));
        line.append(" | body: ").append(new String(body, StandardCharsets.UTF_8));
        synchronized (requestLog) {
            requestLog.println(line);
            requestLog.flush();
        }
    }

    /** Reached as an HTTP proxy (an absolute request URI): records and checks the proxy credentials. */
    private boolean proxyAllows(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
        proxied.add(authorization == null ? "" : authorization);
        return proxyAuthorization == null || proxyAuthorization.equals(authorization);
    }

    /** An EMR Serverless operation: signature, injected faults, then the service's answer. */
    private void serve(HttpExchange exchange, String method, Route route, byte[] body) throws IOException {
        String accessKey =
                SigV4Verifier.accessKeyOf(exchange.getRequestHeaders().getFirst("Authorization"));
        URI requestUri = exchange.getRequestURI();
        URI signedUri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + requestUri.getRawPath()
                + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery()));
        String recordedBody =
                "StartSession".equals(route.operation()) ? new String(body, StandardCharsets.UTF_8) : null;
        try {
            SigV4Verifier.Result auth = verifier.verify(method, signedUri, exchange.getRequestHeaders(), body);
            if (!auth.ok()) {
                throw new ApiError(403, auth.errorType(), auth.message());
            }
            Faults.Decision decision = faults.decide(route.operation(), accessKey);
            if (decision.drop()) {
                calls.add(new Call(
                        route.operation(), route.applicationId(), accessKey, 0, "DroppedConnection", recordedBody));
                throw new DroppedConnection();
            }
            Faults.Fault fault = decision.fault();
            if (fault != null && !fault.afterProcessing()) {
                throw new ApiError(fault.status(), fault.type(), "Injected fault");
            }
            JsonNode response = service.dispatch(route, auth.region(), accessKey, query(requestUri), body);
            if (fault != null) {
                throw new ApiError(fault.status(), fault.type(), "Injected fault after the call took effect");
            }
            Duration answerDelay = "StartSession".equals(route.operation())
                    ? startAnswerDelays.getOrDefault(route.applicationId(), Duration.ZERO)
                    : Duration.ZERO;
            if (!answerDelay.isZero()) {
                // The session exists now; its answer is on the way for a while, as over a slow network.
                calls.add(new Call(
                        route.operation(), route.applicationId(), accessKey, 0, "DelayedAnswer", recordedBody));
                Thread.sleep(answerDelay.toMillis());
            } else if (decision.slow() != null) {
                calls.add(
                        new Call(route.operation(), route.applicationId(), accessKey, 0, "SlowResponse", recordedBody));
                Thread.sleep(decision.slow().toMillis());
            } else {
                calls.add(new Call(route.operation(), route.applicationId(), accessKey, 200, null, recordedBody));
            }
            send(exchange, Reply.json(200, response, null));
        } catch (ApiError e) {
            calls.add(new Call(route.operation(), route.applicationId(), accessKey, e.status, e.type, recordedBody));
            send(exchange, Reply.error(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DroppedConnection e) {
            throw e;
        } catch (RuntimeException e) {
            calls.add(new Call(
                    route.operation(), route.applicationId(), accessKey, 500, "InternalServerException", recordedBody));
            send(exchange, Reply.error(new ApiError(500, "InternalServerException", String.valueOf(e))));
        }
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        ArrayNode result = mapper.createArrayNode();
        switch (path) {
            case "/_emulator/calls" -> calls().forEach(c -> result.add(mapper.valueToTree(c)));
            case "/_emulator/proxied" -> proxiedRequests().forEach(result::add);
            case "/_emulator/sessions" -> result.addAll(service.describeAll());
            case "/_emulator/tokens" ->
                service.issuedTokens()
                        .forEach((token, issued) -> result.addObject()
                                .put("token", token)
                                .put("sessionId", issued.sessionId())
                                .put("expiresAt", issued.expiresAt().toString()));
            case "/_emulator/faults" -> {
                Map<String, List<String>> q = query(exchange.getRequestURI());
                faults.plan(q.get("accessKeyId").get(0), Faults.planFrom(q));
            }
            default -> {
                send(exchange, Reply.json(404, mapper.createObjectNode().put("message", "unknown control path"), null));
                return;
            }
        }
        send(exchange, Reply.json(200, result, null));
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "emulator-" + requestIds.incrementAndGet());
        if (reply.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.errorType());
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> result = new HashMap<>();
        if (uri.getRawQuery() == null) {
            return result;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
