package io.github.emrserverless.maven.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local EMR Serverless for tests and the demo, following {@code shared/emr-serverless-api.md}: SigV4
 * verified by re-signing, rest-json errors, constraint validation, clientToken idempotency, and state
 * transitions derived from the clock with configurable (fast) timings.
 *
 * <p>Control endpoints under {@code /_emulator/} (unsigned) let tests see what arrived: {@code calls},
 * {@code sessions}.
 */
public final class EmrServerlessEmulator implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    private static final Pattern APPLICATION = Pattern.compile("/applications/([^/]+)");
    private static final Pattern START_APPLICATION = Pattern.compile("/applications/([^/]+)/start");
    private static final Pattern SESSIONS = Pattern.compile("/applications/([^/]+)/sessions");
    private static final Pattern SESSION = Pattern.compile("/applications/([^/]+)/sessions/([^/]+)");
    private static final Pattern SESSION_ENDPOINT = Pattern.compile("/applications/([^/]+)/sessions/([^/]+)/endpoint");

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SigV4Verifier verifier;
    /** The SSO access token that GetRoleCredentials accepts, as {@code aws sso login} would have cached it. */
    public static final String SSO_ACCESS_TOKEN = "emulator-sso-access-token";

    /** Accepted credentials; AssumeRole and GetRoleCredentials add the temporary ones they issue. */
    private final Map<String, EmulatorCredentials> credentials = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, EmulatedApplication> applications = new LinkedHashMap<>();
    private final Map<String, EmulatedSession> sessions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Random random;
    private final Duration terminateDelay;
    private final int pageSize;
    private final AtomicInteger requestIds = new AtomicInteger();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> proxied = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FaultPlan> faultPlans = new java.util.concurrent.ConcurrentHashMap<>();
    private final String proxyAuthorization;

    /** An error to answer the next call of an operation with; {@code afterProcessing}: the call took effect first. */
    private record Fault(String operation, int status, String type, boolean afterProcessing) {}

    /** One request as it arrived: operation, who sent it, what it answered, and the body of a StartSession. */
    public record Call(String operation, String applicationId, String accessKeyId, int status, String errorType, String body) {}

    private EmrServerlessEmulator(Builder builder) throws IOException {
        this.credentials.putAll(builder.credentials);
        this.verifier = new SigV4Verifier(credentials, builder.anyKeySecret);
        this.random = new Random(builder.seed);
        this.terminateDelay = builder.terminateDelay;
        this.pageSize = builder.pageSize;
        this.proxyAuthorization = builder.proxyAuthorization;
        Instant now = Instant.now();
        for (ApplicationSpec spec : builder.applications) {
            applications.put(spec.applicationId(), new EmulatedApplication(spec, now));
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 50);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "emr-serverless-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The Proxy-Authorization header ("" when absent) of each request that reached the emulator as a proxy. */
    public List<String> proxiedRequests() {
        synchronized (proxied) {
            return List.copyOf(proxied);
        }
    }

    public List<Call> callsBy(String accessKeyId) {
        return calls().stream().filter(c -> accessKeyId.equals(c.accessKeyId())).toList();
    }

    /** The session's state now, as GetSession would report it. */
    public String sessionState(String sessionId) {
        EmulatedSession session = sessions.get(sessionId);
        return session == null ? null : session.timeline.at(Instant.now());
    }

    /** When the session becomes (or became) ready: its planned entry into STARTED. */
    public Instant readyAt(String sessionId) {
        return sessions.get(sessionId).timeline.planned("STARTED").orElseThrow();
    }

    public List<String> sessionIds() {
        synchronized (sessions) {
            return List.copyOf(sessions.keySet());
        }
    }

    public JsonNode sessionRequest(String sessionId) {
        return sessions.get(sessionId).request;
    }

    /**
     * Answers the next call of {@code operation} with this error. With {@code afterProcessing} the call
     * takes effect first (a StartSession creates its session), as when a response is lost on the way back.
     */
    public void failNext(String operation, int status, String type, boolean afterProcessing) {
        faults.add(new Fault(operation, status, type, afterProcessing));
    }

    /** Faults the requests of {@code accessKeyId} from now on, as {@code plan} draws them. */
    public void faultRequests(String accessKeyId, long seed, double rate, java.util.Set<String> operations,
            List<FaultPlan.Kind> kinds, Duration slow) {
        faultPlans.put(accessKeyId, new FaultPlan(seed, rate, operations, kinds, slow));
    }

    /** Thrown out of the handler: the HTTP server then closes the connection without an answer. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Fault takeFault(String operation) {
        synchronized (faults) {
            for (Fault fault : faults) {
                if (fault.operation().equals(operation)) {
                    faults.remove(fault);
                    return fault;
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- HTTP

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
            if (exchange.getRequestURI().isAbsolute()) {
                // Reached as an HTTP proxy (absolute request URI): check the proxy credentials, then serve.
                String authorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
                proxied.add(authorization == null ? "" : authorization);
                if (proxyAuthorization != null && !proxyAuthorization.equals(authorization)) {
                    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"emulator\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
            }
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("POST")) {
                sts(exchange, body);
                return;
            }
            if (path.equals("/federation/credentials") && method.equals("GET")) {
                ssoRoleCredentials(exchange);
                return;
            }
            Route route = route(method, path);
            String accessKey = SigV4Verifier.accessKeyOf(exchange.getRequestHeaders().getFirst("Authorization"));
            URI signedUri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                    + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            String recordedBody = "StartSession".equals(route.operation) ? new String(body, StandardCharsets.UTF_8) : null;
            try {
                SigV4Verifier.Result auth = verifier.verify(method, signedUri, exchange.getRequestHeaders(), body);
                if (!auth.ok()) {
                    throw new ApiError(403, auth.errorType(), auth.message());
                }
                Fault fault = takeFault(route.operation);
                FaultPlan plan = accessKey == null ? null : faultPlans.get(accessKey);
                FaultPlan.Kind planned = plan == null ? null : plan.next(route.operation);
                if (planned != null) {
                    fault = switch (planned) {
                        case INTERNAL -> new Fault(route.operation, 500, "InternalServerException", false);
                        case THROTTLE -> new Fault(route.operation, 429, "ThrottlingException", false);
                        case AFTER -> new Fault(route.operation, 500, "InternalServerException", true);
                        case DROP, SLOW -> null;
                    };
                }
                if (planned == FaultPlan.Kind.DROP) {
                    calls.add(new Call(route.operation, route.applicationId, accessKey, 0, "DroppedConnection", recordedBody));
                    throw new DroppedConnection();
                }
                if (fault != null && !fault.afterProcessing()) {
                    throw new ApiError(fault.status(), fault.type(), "Injected fault");
                }
                JsonNode response = dispatch(route, auth.region(), query(exchange.getRequestURI()), body);
                if (fault != null) {
                    throw new ApiError(fault.status(), fault.type(), "Injected fault after the call took effect");
                }
                if (planned == FaultPlan.Kind.SLOW) {
                    calls.add(new Call(route.operation, route.applicationId, accessKey, 0, "SlowResponse", recordedBody));
                    Thread.sleep(plan.slow.toMillis());
                    send(exchange, 200, response, null);
                    return;
                }
                calls.add(new Call(route.operation, route.applicationId, accessKey, 200, null, recordedBody));
                send(exchange, 200, response, null);
            } catch (ApiError e) {
                calls.add(new Call(route.operation, route.applicationId, accessKey, e.status, e.type, recordedBody));
                ObjectNode error = mapper.createObjectNode().put("__type", e.type).put("message", e.getMessage());
                send(exchange, e.status, error, e.type);
            } catch (DroppedConnection e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                calls.add(new Call(route.operation, route.applicationId, accessKey, 500, "InternalServerException", recordedBody));
                ObjectNode error = mapper.createObjectNode().put("__type", "InternalServerException").put("message", String.valueOf(e));
                send(exchange, 500, error, "InternalServerException");
            }
        }
    }

    /** STS AssumeRole (query protocol, XML answers), so that roleArn can be tested against AWS_ENDPOINT_URL_STS. */
    private void sts(HttpExchange exchange, byte[] body) throws IOException {
        String form = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> parameters = query(URI.create("http://x/?" + form));
        String accessKey = SigV4Verifier.accessKeyOf(exchange.getRequestHeaders().getFirst("Authorization"));
        URI signedUri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + "/");
        SigV4Verifier.Result auth = verifier.verify("POST", signedUri, exchange.getRequestHeaders(), body, "sts");
        String action = parameters.getOrDefault("Action", List.of("?")).get(0);
        String xml;
        int status;
        if (!auth.ok()) {
            status = 403;
            xml = "<ErrorResponse><Error><Type>Sender</Type><Code>" + auth.errorType() + "</Code><Message>" + auth.message()
                    + "</Message></Error><RequestId>sts-1</RequestId></ErrorResponse>";
        } else if (!action.equals("AssumeRole") || !parameters.containsKey("RoleArn")
                || !parameters.get("RoleArn").get(0).matches("arn:aws:iam::\\d{12}:role/.+")) {
            status = 403;
            xml = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform"
                    + " sts:AssumeRole</Message></Error><RequestId>sts-2</RequestId></ErrorResponse>";
        } else {
            status = 200;
            String role = parameters.get("RoleArn").get(0);
            String sessionName = parameters.getOrDefault("RoleSessionName", List.of("")).get(0);
            EmulatorCredentials issued = new EmulatorCredentials("ASIA" + newId().toUpperCase(java.util.Locale.ROOT),
                    "secret-" + UUID.randomUUID(), "token-" + UUID.randomUUID());
            credentials.put(issued.accessKeyId(), issued);
            xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>" + issued.accessKeyId() + "</AccessKeyId><SecretAccessKey>" + issued.secretAccessKey()
                    + "</SecretAccessKey><SessionToken>" + issued.sessionToken() + "</SessionToken><Expiration>"
                    + Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEMULATOR:" + sessionName
                    + "</AssumedRoleId><Arn>" + role.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/"
                    + sessionName + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sts-3"
                    + "</RequestId></ResponseMetadata></AssumeRoleResponse>";
        }
        calls.add(new Call(action, null, accessKey, status, status == 200 ? null : "AccessDenied", form));
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The IAM Identity Center portal's GetRoleCredentials (rest-json, bearer token instead of SigV4), so that SSO
     * profiles can be tested against AWS_ENDPOINT_URL_SSO. It accepts the token {@value #SSO_ACCESS_TOKEN}.
     */
    private void ssoRoleCredentials(HttpExchange exchange) throws IOException {
        Map<String, List<String>> parameters = query(exchange.getRequestURI());
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        String account = parameters.getOrDefault("account_id", List.of("")).get(0);
        String role = parameters.getOrDefault("role_name", List.of("")).get(0);
        if (!SSO_ACCESS_TOKEN.equals(token)) {
            calls.add(new Call("GetRoleCredentials", null, null, 401, "UnauthorizedException", account + "/" + role));
            send(exchange, 401, mapper.createObjectNode().put("message", "Session token not found or invalid"),
                    "UnauthorizedException");
            return;
        }
        EmulatorCredentials issued = new EmulatorCredentials("ASIA" + newId().toUpperCase(java.util.Locale.ROOT),
                "secret-" + UUID.randomUUID(), "token-" + UUID.randomUUID());
        credentials.put(issued.accessKeyId(), issued);
        calls.add(new Call("GetRoleCredentials", null, null, 200, null, account + "/" + role + " issued " + issued.accessKeyId()));
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("roleCredentials")
                .put("accessKeyId", issued.accessKeyId())
                .put("secretAccessKey", issued.secretAccessKey())
                .put("sessionToken", issued.sessionToken())
                .put("expiration", Instant.now().plus(Duration.ofHours(1)).toEpochMilli());
        send(exchange, 200, answer, null);
    }

    private record Route(String operation, String applicationId, String sessionId) {}

    private static Route route(String method, String path) {
        Matcher m;
        if ((m = SESSION_ENDPOINT.matcher(path)).matches() && method.equals("GET")) {
            return new Route("GetSessionEndpoint", m.group(1), m.group(2));
        }
        if ((m = SESSION.matcher(path)).matches()) {
            return switch (method) {
                case "GET" -> new Route("GetSession", m.group(1), m.group(2));
                case "DELETE" -> new Route("TerminateSession", m.group(1), m.group(2));
                default -> new Route("Unknown", m.group(1), m.group(2));
            };
        }
        if ((m = SESSIONS.matcher(path)).matches()) {
            return switch (method) {
                case "POST" -> new Route("StartSession", m.group(1), null);
                case "GET" -> new Route("ListSessions", m.group(1), null);
                default -> new Route("Unknown", m.group(1), null);
            };
        }
        if ((m = START_APPLICATION.matcher(path)).matches() && method.equals("POST")) {
            return new Route("StartApplication", m.group(1), null);
        }
        if ((m = APPLICATION.matcher(path)).matches() && method.equals("GET")) {
            return new Route("GetApplication", m.group(1), null);
        }
        return new Route("Unknown", null, null);
    }

    private JsonNode dispatch(Route route, String region, Map<String, List<String>> query, byte[] body) {
        if (!"Unknown".equals(route.operation)) {
            Constraints.id("applicationId", route.applicationId);
        }
        if (route.sessionId != null) {
            Constraints.id("sessionId", route.sessionId);
        }
        return switch (route.operation) {
            case "GetApplication" -> getApplication(route.applicationId, region);
            case "StartApplication" -> startApplication(route.applicationId);
            case "StartSession" -> startSession(route.applicationId, region, body);
            case "GetSession" -> mapper.createObjectNode().set("session", describe(session(route), true));
            case "ListSessions" -> listSessions(route.applicationId, query);
            case "TerminateSession" -> terminateSession(session(route));
            case "GetSessionEndpoint" -> sessionEndpoint(session(route), region);
            default -> throw new ApiError(404, "UnknownOperationException", "No such operation");
        };
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        ArrayNode result = mapper.createArrayNode();
        if (path.equals("/_emulator/calls")) {
            calls().forEach(c -> result.add(mapper.valueToTree(c)));
        } else if (path.equals("/_emulator/faults")) {
            Map<String, List<String>> q = query(exchange.getRequestURI());
            faultRequests(q.get("accessKeyId").get(0),
                    Long.parseLong(q.getOrDefault("seed", List.of("1")).get(0)),
                    Double.parseDouble(q.getOrDefault("rate", List.of("0")).get(0)),
                    new java.util.HashSet<>(q.getOrDefault("operations", List.of())),
                    q.getOrDefault("kinds", List.of("INTERNAL", "THROTTLE", "DROP", "SLOW", "AFTER")).stream()
                            .map(FaultPlan.Kind::valueOf).toList(),
                    Duration.ofMillis(Long.parseLong(q.getOrDefault("slowMillis", List.of("3000")).get(0))));
        } else if (path.equals("/_emulator/proxied")) {
            proxiedRequests().forEach(result::add);
        } else if (path.equals("/_emulator/sessions")) {
            for (String id : sessionIds()) {
                ObjectNode node = describe(sessions.get(id), true);
                node.set("request", sessions.get(id).request);
                result.add(node);
            }
        } else {
            send(exchange, 404, mapper.createObjectNode().put("message", "unknown control path"), null);
            return;
        }
        send(exchange, 200, result, null);
    }

    private void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "emulator-" + requestIds.incrementAndGet());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> query(URI uri) {
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

    // ---------------------------------------------------------------- operations

    private EmulatedApplication application(String id) {
        synchronized (applications) {
            EmulatedApplication application = applications.get(id);
            if (application == null) {
                throw ApiError.notFound("Application " + id + " does not exist");
            }
            return application;
        }
    }

    private EmulatedSession session(Route route) {
        application(route.applicationId);
        EmulatedSession session = sessions.get(route.sessionId);
        if (session == null || !session.applicationId.equals(route.applicationId)) {
            throw ApiError.notFound("Session " + route.sessionId + " does not exist");
        }
        return session;
    }

    private JsonNode getApplication(String id, String region) {
        EmulatedApplication application = application(id);
        Instant now = Instant.now();
        ApplicationSpec spec = application.spec;
        ObjectNode node = mapper.createObjectNode()
                .put("applicationId", id)
                .put("name", "emulated-" + id)
                .put("arn", "arn:aws:emr-serverless:" + region + ":" + ACCOUNT + ":/applications/" + id)
                .put("releaseLabel", spec.releaseLabel())
                .put("type", "Spark")
                .put("state", application.timeline.at(now));
        node.set("createdAt", epoch(application.createdAt));
        node.set("updatedAt", epoch(application.timeline.current(now).at()));
        node.putObject("autoStartConfiguration").put("enabled", spec.autoStart());
        node.putObject("autoStopConfiguration").put("enabled", true).put("idleTimeoutMinutes", 15);
        node.putObject("interactiveConfiguration")
                .put("studioEnabled", false)
                .put("livyEndpointEnabled", false)
                .put("sessionEnabled", spec.sessionEnabled());
        node.put("architecture", "X86_64");
        return mapper.createObjectNode().set("application", node);
    }

    private JsonNode startApplication(String id) {
        EmulatedApplication application = application(id);
        Instant now = Instant.now();
        synchronized (application) {
            String state = application.timeline.at(now);
            switch (state) {
                case "CREATED", "STOPPED" -> application.start(now);
                case "STARTED", "STARTING" -> { }
                default -> throw ApiError.validation("Application " + id + " cannot be started in state " + state);
            }
        }
        return mapper.createObjectNode();
    }

    private JsonNode startSession(String applicationId, String region, byte[] body) {
        EmulatedApplication application = application(applicationId);
        JsonNode request = Constraints.startSessionBody(mapper, body);
        String clientToken = request.get("clientToken").asText();
        Instant now = Instant.now();
        synchronized (application) {
            EmulatedSession previous = application.sessionsByToken.get(clientToken);
            if (previous != null) {
                ObjectNode withoutToken = ((ObjectNode) request.deepCopy());
                withoutToken.remove("clientToken");
                if (!previous.fingerprint.equals(withoutToken)) {
                    throw ApiError.conflict("clientToken " + clientToken + " was already used with different parameters");
                }
                return started(previous);
            }
            ApplicationSpec spec = application.spec;
            String state = application.timeline.at(now);
            if (!spec.sessionEnabled()) {
                throw ApiError.validation("Interactive sessions are not enabled for application " + applicationId
                        + ": set interactiveConfiguration.sessionEnabled to true");
            }
            if (!Constraints.supportsSessions(spec.releaseLabel())) {
                throw ApiError.validation("Sessions need release emr-7.13.0 or later; application " + applicationId
                        + " uses " + spec.releaseLabel());
            }
            if (state.equals("TERMINATED")) {
                throw ApiError.validation("Application " + applicationId + " is TERMINATED");
            }
            Duration extra = Duration.ZERO;
            if (!state.equals("STARTED")) {
                if (!spec.autoStart()) {
                    throw ApiError.validation("Application " + applicationId + " is " + state
                            + " and auto-start is disabled; start the application first");
                }
                if (!state.equals("STARTING")) {
                    application.start(now);
                }
                extra = spec.transitionDelay();
            }
            String sessionId = newId();
            EmulatedSession session = new EmulatedSession(applicationId, sessionId,
                    "arn:aws:emr-serverless:" + region + ":" + ACCOUNT + ":/applications/" + applicationId + "/sessions/" + sessionId,
                    request, now, spec, extra, spec.releaseLabel());
            application.sessionsByToken.put(clientToken, session);
            sessions.put(sessionId, session);
            return started(session);
        }
    }

    private JsonNode started(EmulatedSession session) {
        return mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId)
                .put("arn", session.arn);
    }

    private JsonNode terminateSession(EmulatedSession session) {
        Instant now = Instant.now();
        synchronized (session) {
            String state = session.timeline.at(now);
            if (!List.of("FAILED", "TERMINATING", "TERMINATED").contains(state)) {
                session.timeline.replan(now, new Timeline.Entry<>(now, "TERMINATING"),
                        new Timeline.Entry<>(now.plus(terminateDelay), "TERMINATED"));
            }
        }
        return mapper.createObjectNode().put("applicationId", session.applicationId).put("sessionId", session.sessionId);
    }

    private JsonNode sessionEndpoint(EmulatedSession session, String region) {
        String state = session.timeline.at(Instant.now());
        if (!List.of("STARTED", "IDLE", "BUSY").contains(state)) {
            throw ApiError.validation("Session " + session.sessionId + " is " + state + "; an endpoint exists only once it is ready");
        }
        ObjectNode node = mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId)
                .put("endpoint", "sc://" + session.sessionId + ".sessions.emr-serverless." + region + ".emulator.invalid:443")
                .put("authToken", "emulated-token-" + UUID.randomUUID());
        node.set("authTokenExpiresAt", epoch(Instant.now().plus(Duration.ofHours(1))));
        return node;
    }

    private JsonNode listSessions(String applicationId, Map<String, List<String>> query) {
        application(applicationId);
        Instant now = Instant.now();
        List<String> states = query.getOrDefault("states", List.of());
        Constraints.listQuery(query);
        List<EmulatedSession> matching = new ArrayList<>();
        synchronized (sessions) {
            for (EmulatedSession session : sessions.values()) {
                String state = session.timeline.at(now);
                if (session.applicationId.equals(applicationId) && (states.isEmpty() || states.contains(state))
                        && Constraints.createdWithin(session.createdAt, query)) {
                    matching.add(session);
                }
            }
        }
        if (states.size() > 1) {
            matching.sort((a, b) -> Integer.compare(states.indexOf(a.timeline.at(now)), states.indexOf(b.timeline.at(now))));
        }
        int pageSize = query.containsKey("maxResults") ? Integer.parseInt(query.get("maxResults").get(0)) : this.pageSize;
        int offset = 0;
        if (query.containsKey("nextToken")) {
            String token = query.get("nextToken").get(0);
            if (!token.matches("o[0-9]+") || Integer.parseInt(token.substring(1)) > matching.size()) {
                throw ApiError.validation("Invalid nextToken");
            }
            offset = Integer.parseInt(token.substring(1));
        }
        ObjectNode result = mapper.createObjectNode();
        ArrayNode page = result.putArray("sessions");
        for (int i = offset; i < Math.min(matching.size(), offset + pageSize); i++) {
            page.add(describe(matching.get(i), false));
        }
        if (offset + pageSize < matching.size()) {
            result.put("nextToken", "o" + (offset + pageSize));
        }
        return result;
    }

    /** A Session (full) or SessionSummary (list): the summary has no timestamps beyond created/updated, no tags. */
    private ObjectNode describe(EmulatedSession session, boolean full) {
        Instant now = Instant.now();
        Timeline.Entry<String> current = session.timeline.current(now);
        ObjectNode node = mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId)
                .put("arn", session.arn)
                .put("state", current.state())
                .put("stateDetails", session.stateDetails(current.state()))
                .put("releaseLabel", session.releaseLabel)
                .put("executionRoleArn", session.request.get("executionRoleArn").asText())
                .put("createdBy", "arn:aws:iam::" + ACCOUNT + ":user/emulator");
        node.set("createdAt", epoch(session.createdAt));
        node.set("updatedAt", epoch(current.at()));
        if (session.request.has("name")) {
            node.set("name", session.request.get("name"));
        }
        if (full) {
            session.timeline.lastEntered("STARTED", now).ifPresent(t -> node.set("startedAt", epoch(t)));
            if (current.state().equals("IDLE")) {
                node.set("idleSince", epoch(current.at()));
            }
            if (current.state().equals("FAILED") || current.state().equals("TERMINATED")) {
                node.set("endedAt", epoch(current.at()));
            }
            for (String member : List.of("idleTimeoutMinutes", "configurationOverrides", "tags")) {
                if (session.request.has(member)) {
                    node.set(member, session.request.get(member));
                }
            }
        }
        return node;
    }

    private JsonNode epoch(Instant instant) {
        return mapper.getNodeFactory().numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    private String newId() {
        synchronized (random) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                id.append(Character.forDigit(random.nextInt(36), 36));
            }
            return id.toString();
        }
    }

    // ---------------------------------------------------------------- state

    private static final class EmulatedApplication {
        final ApplicationSpec spec;
        final Instant createdAt;
        final Timeline<String> timeline;
        final Map<String, EmulatedSession> sessionsByToken = new HashMap<>();

        EmulatedApplication(ApplicationSpec spec, Instant now) {
            this.spec = spec;
            this.createdAt = now;
            this.timeline = new Timeline<>(now, spec.state());
            switch (spec.state()) {
                case "CREATING" -> timeline.then(now.plus(spec.transitionDelay()), "CREATED");
                case "STARTING" -> timeline.then(now.plus(spec.transitionDelay()), "STARTED");
                case "STOPPING" -> timeline.then(now.plus(spec.transitionDelay()), "STOPPED");
                default -> { }
            }
        }

        void start(Instant now) {
            timeline.replan(now, new Timeline.Entry<>(now, "STARTING"),
                    new Timeline.Entry<>(now.plus(spec.transitionDelay()), "STARTED"));
        }
    }

    private static final class EmulatedSession {
        final String applicationId;
        final String sessionId;
        final String arn;
        final JsonNode request;
        final JsonNode fingerprint;
        final Instant createdAt;
        final String releaseLabel;
        final Timeline<String> timeline;

        EmulatedSession(String applicationId, String sessionId, String arn, JsonNode request, Instant now,
                ApplicationSpec spec, Duration extra, String releaseLabel) {
            this.applicationId = applicationId;
            this.sessionId = sessionId;
            this.arn = arn;
            this.request = request;
            ObjectNode withoutToken = (ObjectNode) request.deepCopy();
            withoutToken.remove("clientToken");
            this.fingerprint = withoutToken;
            this.createdAt = now;
            this.releaseLabel = releaseLabel;
            Duration ready = spec.sessionReadyAfter().plus(extra);
            this.timeline = new Timeline<>(now, "SUBMITTED").then(now.plus(ready.dividedBy(3)), "STARTING");
            switch (spec.sessionOutcome()) {
                case READY -> timeline.then(now.plus(ready), "STARTED").then(now.plus(ready).plusSeconds(1), "IDLE");
                case FAIL -> timeline.then(now.plus(ready), "FAILED");
                case NEVER_READY -> { }
            }
        }

        String stateDetails(String state) {
            return switch (state) {
                case "FAILED" -> "Session failed to start: the execution role could not be assumed (emulated failure)";
                case "TERMINATING", "TERMINATED" -> "Session was terminated by request";
                default -> "Session is " + state;
            };
        }
    }

    // ---------------------------------------------------------------- builder

    public static final class Builder {
        private final Map<String, EmulatorCredentials> credentials = new HashMap<>();
        private final List<ApplicationSpec> applications = new ArrayList<>();
        private String anyKeySecret;
        private int port;
        private long seed = 42;
        private Duration terminateDelay = Duration.ofMillis(300);
        private int pageSize = 50;
        private String proxyAuthorization;

        public Builder credentials(EmulatorCredentials accepted) {
            credentials.put(accepted.accessKeyId(), accepted);
            return this;
        }

        /** Accepts any access key id signed with this secret (so each test can use its own key id). */
        public Builder anyAccessKeyWithSecret(String secret) {
            this.anyKeySecret = secret;
            return this;
        }

        public Builder application(ApplicationSpec spec) {
            applications.add(spec);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder terminateDelay(Duration delay) {
            this.terminateDelay = delay;
            return this;
        }

        /** The ListSessions page size when the request has no maxResults (the service's is unspecified). */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /** As a proxy, demand these Basic credentials (answering 407 without them). */
        public Builder proxyCredentials(String username, String password) {
            this.proxyAuthorization = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public EmrServerlessEmulator start() throws IOException {
            return new EmrServerlessEmulator(this);
        }
    }
}
