package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EMR Serverless operations on applications and sessions, with states derived from an injected clock: what
 * the service would answer, as JSON, or an {@link ApiError}.
 */
final class EmulatedService {

    static final String ACCOUNT = "123456789012";

    private final ObjectMapper mapper = new ObjectMapper();
    /** Each account's applications, made from the specs when the account first asks for them. */
    private final Map<String, EmulatedApplication> applications = new LinkedHashMap<>();

    private final Map<String, ApplicationSpec> specs = new LinkedHashMap<>();
    private final List<String> accounts;
    private final Map<String, EmulatedSession> sessions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Clock clock;
    private final Ids ids;
    private final Duration terminateDelay;
    private final int pageSize;
    private static final Pattern LISTING_TOKEN = Pattern.compile("l([0-9]+)o([0-9]+)");
    private final Map<String, List<String>> listings = new ConcurrentHashMap<>();
    private final AtomicInteger listingCount = new AtomicInteger();

    /**
     * @param accounts access-key suffixes that stand for accounts of their own: a caller whose key ends with one
     *     sees applications apart from everyone else's (so that test passes sharing one emulator do not see
     *     each other's started applications)
     */
    EmulatedService(
            List<ApplicationSpec> specs,
            List<String> accounts,
            Clock clock,
            Ids ids,
            Duration terminateDelay,
            int pageSize,
            Map<String, SparkConnectEndpoint> sparkConnect) {
        this.sparkConnect = Map.copyOf(sparkConnect);
        this.accounts = accounts.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        this.clock = clock;
        this.ids = ids;
        this.terminateDelay = terminateDelay;
        this.pageSize = pageSize;
        specs.forEach(spec -> this.specs.put(spec.applicationId(), spec));
    }

    /** @param caller the access key that signed the request, recorded with the sessions it starts */
    JsonNode dispatch(Route route, String region, String caller, Map<String, List<String>> query, byte[] body) {
        if (!"Unknown".equals(route.operation())) {
            Constraints.id("applicationId", route.applicationId());
        }
        if (route.sessionId() != null) {
            Constraints.id("sessionId", route.sessionId());
        }
        return switch (route.operation()) {
            case "GetApplication" -> getApplication(caller, route.applicationId(), region);
            case "StartApplication" -> startApplication(caller, route.applicationId());
            case "StopApplication" -> stopApplication(caller, route.applicationId());
            case "StartSession" -> startSession(route.applicationId(), region, caller, body);
            case "GetSession" -> mapper.createObjectNode().set("session", describe(session(caller, route), true));
            case "ListSessions" -> listSessions(caller, route.applicationId(), query);
            case "TerminateSession" -> terminateSession(session(caller, route));
            case "GetSessionEndpoint" -> sessionEndpoint(session(caller, route), region);
            case "GetResourceDashboard" -> dashboard(caller, route, query);
            default -> throw new ApiError(404, "UnknownOperationException", "No such operation");
        };
    }

    // ---------------------------------------------------------------- what tests look at

    String sessionState(String sessionId) {
        EmulatedSession session = sessions.get(sessionId);
        return session == null ? null : stateOf(session, clock.instant());
    }

    Instant readyAt(String sessionId) {
        return sessions.get(sessionId).timeline.planned("STARTED").orElseThrow();
    }

    List<String> sessionIds() {
        synchronized (sessions) {
            return List.copyOf(sessions.keySet());
        }
    }

    JsonNode sessionRequest(String sessionId) {
        return sessions.get(sessionId).request;
    }

    /** Every session as GetSession shows it, with the request that started it and who sent that. */
    ArrayNode describeAll() {
        ArrayNode all = mapper.createArrayNode();
        for (String id : sessionIds()) {
            ObjectNode node = describe(sessions.get(id), true);
            node.set("request", sessions.get(id).request);
            node.put("startedBy", sessions.get(id).startedBy);
            all.add(node);
        }
        return all;
    }

    // ---------------------------------------------------------------- operations

    private EmulatedApplication application(String caller, String id) {
        ApplicationSpec spec = specs.get(id);
        if (spec == null) {
            throw ApiError.notFound("Application " + id + " does not exist");
        }
        synchronized (applications) {
            return applications.computeIfAbsent(
                    accountOf(caller) + "/" + id, key -> new EmulatedApplication(spec, clock.instant()));
        }
    }

    /** Who calls with an access key: an IAM user of that name (what GetCallerIdentity and createdBy say). */
    static String principal(String accessKeyId) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + accessKeyId;
    }

    private String accountOf(String caller) {
        return caller == null
                ? ""
                : accounts.stream().filter(caller::endsWith).findFirst().orElse("");
    }

    private EmulatedSession session(String caller, Route route) {
        application(caller, route.applicationId());
        EmulatedSession session = sessions.get(route.sessionId());
        if (session == null
                || !session.applicationId.equals(route.applicationId())
                || !accountOf(session.startedBy).equals(accountOf(caller))) {
            throw ApiError.notFound("Session " + route.sessionId() + " does not exist");
        }
        return session;
    }

    private JsonNode getApplication(String caller, String id, String region) {
        EmulatedApplication application = application(caller, id);
        Instant now = clock.instant();
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

    private JsonNode startApplication(String caller, String id) {
        EmulatedApplication application = application(caller, id);
        Instant now = clock.instant();
        synchronized (application) {
            String state = application.timeline.at(now);
            switch (state) {
                case "CREATED", "STOPPED" -> application.start(now);
                case "STARTED", "STARTING" -> {}
                default -> throw ApiError.validation("Application " + id + " cannot be started in state " + state);
            }
        }
        return mapper.createObjectNode();
    }

    /** **inferred:** like StartApplication, a no-op on an application already stopping or stopped. */
    private JsonNode stopApplication(String caller, String id) {
        EmulatedApplication application = application(caller, id);
        Instant now = clock.instant();
        synchronized (application) {
            String state = application.timeline.at(now);
            switch (state) {
                case "STARTED", "STARTING" -> application.stop(now);
                case "STOPPED", "STOPPING", "CREATED" -> {}
                default -> throw ApiError.validation("Application " + id + " cannot be stopped in state " + state);
            }
        }
        return mapper.createObjectNode();
    }

    private final Map<String, SparkConnectEndpoint> sparkConnect;
    private final Map<String, IssuedToken> issuedTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private JsonNode startSession(String applicationId, String region, String caller, byte[] body) {
        EmulatedApplication application = application(caller, applicationId);
        JsonNode request = Constraints.startSessionBody(mapper, body);
        String clientToken = request.get("clientToken").asText();
        Instant now = clock.instant();
        synchronized (application) {
            EmulatedSession previous = application.sessionsByToken.get(clientToken);
            if (previous != null) {
                if (!previous.fingerprint.equals(EmulatedSession.fingerprint(request))) {
                    throw ApiError.conflict(
                            "clientToken " + clientToken + " was already used with different parameters");
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
                throw ApiError.validation("Sessions need release emr-7.13.0 or later, or emr-spark-8.x; application "
                        + applicationId + " uses " + spec.releaseLabel());
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
            String sessionId = ids.next();
            EmulatedSession session = new EmulatedSession(
                    applicationId,
                    sessionId,
                    "arn:aws:emr-serverless:" + region + ":" + ACCOUNT + ":/applications/" + applicationId
                            + "/sessions/" + sessionId,
                    request,
                    caller,
                    now,
                    spec,
                    extra);
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
        Instant now = clock.instant();
        synchronized (session) {
            String state = stateOf(session, now);
            if (!List.of("FAILED", "TERMINATING", "TERMINATED").contains(state)) {
                session.timeline.replan(
                        now,
                        new Timeline.Entry<>(now, "TERMINATING"),
                        new Timeline.Entry<>(now.plus(terminateDelay), "TERMINATED"));
            }
        }
        return mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId);
    }

    /** A session whose Spark Connect endpoint does not listen yet is still starting, as a real one would be. */
    private String stateOf(EmulatedSession session, Instant now) {
        String state = session.timeline.at(now);
        SparkConnectEndpoint endpoint = sparkConnect.get(session.applicationId);
        boolean ready = List.of("STARTED", "IDLE", "BUSY").contains(state);
        return ready && endpoint != null && endpoint.url().isEmpty() ? "STARTING" : state;
    }

    private JsonNode sessionEndpoint(EmulatedSession session, String region) {
        Instant now = clock.instant();
        String state = stateOf(session, now);
        if (!List.of("STARTED", "IDLE", "BUSY").contains(state)) {
            throw ApiError.validation(
                    "Session " + session.sessionId + " is " + state + "; an endpoint exists only once it is ready");
        }
        SparkConnectEndpoint endpoint = sparkConnect.get(session.applicationId);
        ObjectNode node = mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId)
                .put(
                        "endpoint",
                        endpoint != null
                                ? endpoint.url().orElseThrow()
                                : "sc://" + session.sessionId + ".sessions.emr-serverless." + region
                                        + ".emulator.invalid:443")
                .put("authToken", "emulated-token-" + UUID.randomUUID());
        Instant expiresAt = now.plus(session.tokenLifetime);
        node.set("authTokenExpiresAt", epoch(expiresAt));
        issuedTokens.put(node.get("authToken").asText(), new IssuedToken(session.sessionId, expiresAt));
        if (endpoint != null) {
            endpoint.issued(node.get("authToken").asText(), session.sessionId, expiresAt);
        }
        return node;
    }

    /** A Spark Connect token this emulator issued, for tests that check a client holds an unexpired one. */
    record IssuedToken(String sessionId, Instant expiresAt) {}

    /** Every token issued, by token. */
    Map<String, IssuedToken> issuedTokens() {
        return Map.copyOf(issuedTokens);
    }

    /**
     * GetResourceDashboard: a new URL on every call, the live UI while the session runs, the history server after;
     * no URL (the member left out) before the session has started.
     */
    private JsonNode dashboard(String caller, Route route, Map<String, List<String>> query) {
        List<String> type = query.getOrDefault("resourceType", List.of());
        List<String> resourceId = query.getOrDefault("resourceId", List.of());
        if (!type.equals(List.of("SESSION")) || resourceId.size() != 1) {
            throw ApiError.validation("resourceType must be SESSION and resourceId one session ID");
        }
        Constraints.id("resourceId", resourceId.get(0));
        EmulatedSession session =
                session(caller, new Route(route.operation(), route.applicationId(), resourceId.get(0)));
        String state = stateOf(session, clock.instant());
        ObjectNode node = mapper.createObjectNode();
        if (!List.of("SUBMITTED", "STARTING").contains(state)) {
            String kind = List.of("STARTED", "IDLE", "BUSY").contains(state) ? "live" : "history";
            node.put(
                    "url",
                    "https://dashboard.emulator.invalid/" + kind + "/" + session.sessionId + "?authToken="
                            + UUID.randomUUID());
        }
        return node;
    }

    private JsonNode listSessions(String caller, String applicationId, Map<String, List<String>> query) {
        application(caller, applicationId);
        Instant now = clock.instant();
        List<String> states = query.getOrDefault("states", List.of());
        Constraints.listQuery(query);
        // A token names the listing its first page took, so that later pages go on through the same sessions
        // while other callers start and end theirs: offsets into a live list would skip or repeat some. A token
        // stays valid: a page whose answer was lost is asked for again with the same one.
        String listingId;
        List<String> listing;
        int offset = 0;
        if (query.containsKey("nextToken")) {
            Matcher token = LISTING_TOKEN.matcher(query.get("nextToken").get(0));
            listingId = token.matches() ? token.group(1) : "";
            listing = listings.get(listingId);
            if (listing == null || Integer.parseInt(token.group(2)) > listing.size()) {
                throw ApiError.validation("Invalid nextToken");
            }
            offset = Integer.parseInt(token.group(2));
        } else {
            listingId = Integer.toString(listingCount.incrementAndGet());
            listing = matching(caller, applicationId, states, query, now);
        }
        // The most a page holds here; like the service, fewer than maxResults may come back.
        int size = query.containsKey("maxResults")
                ? Math.min(Integer.parseInt(query.get("maxResults").get(0)), pageSize)
                : pageSize;
        ObjectNode result = mapper.createObjectNode();
        ArrayNode page = result.putArray("sessions");
        for (int i = offset; i < Math.min(listing.size(), offset + size); i++) {
            EmulatedSession session = sessions.get(listing.get(i));
            if (states.isEmpty() || states.contains(stateOf(session, now))) {
                page.add(describe(session, false));
            }
        }
        if (offset + size < listing.size()) {
            listings.put(listingId, listing);
            result.put("nextToken", "l" + listingId + "o" + (offset + size));
        }
        return result;
    }

    /** The IDs of the caller's sessions that match a ListSessions query now, grouped by state when it names several. */
    private List<String> matching(
            String caller, String applicationId, List<String> states, Map<String, List<String>> query, Instant now) {
        List<EmulatedSession> matching = new ArrayList<>();
        synchronized (sessions) {
            for (EmulatedSession session : sessions.values()) {
                String state = stateOf(session, now);
                if (session.applicationId.equals(applicationId)
                        && accountOf(session.startedBy).equals(accountOf(caller))
                        && (states.isEmpty() || states.contains(state))
                        && Constraints.createdWithin(session.createdAt, query)) {
                    matching.add(session);
                }
            }
        }
        if (states.size() > 1) {
            // The service groups results filtered by several states by state.
            matching.sort(
                    (a, b) -> Integer.compare(states.indexOf(a.timeline.at(now)), states.indexOf(b.timeline.at(now))));
        }
        return matching.stream().map(session -> session.sessionId).toList();
    }

    /** A Session (full) or SessionSummary (list): the summary has no timestamps beyond created/updated, no tags. */
    private ObjectNode describe(EmulatedSession session, boolean full) {
        Instant now = clock.instant();
        Timeline.Entry<String> current = session.timeline.current(now);
        if (!stateOf(session, now).equals(current.state())) {
            // Its Spark Connect endpoint does not listen yet.
            current = new Timeline.Entry<>(session.createdAt, stateOf(session, now));
        }
        ObjectNode node = mapper.createObjectNode()
                .put("applicationId", session.applicationId)
                .put("sessionId", session.sessionId)
                .put("arn", session.arn)
                .put("state", current.state())
                .put("stateDetails", session.stateDetails(current.state()))
                .put("releaseLabel", session.releaseLabel)
                .put("executionRoleArn", session.request.get("executionRoleArn").asText())
                .put("createdBy", principal(session.startedBy));
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
                // **inferred:** billed as one 4 vCPU / 16 GB driver for the time it lived, one minute at least.
                long seconds = Math.max(
                        60, Duration.between(session.createdAt, current.at()).toSeconds());
                double hours = seconds / 3600.0;
                node.putObject("billedResourceUtilization")
                        .put("vCPUHour", 4 * hours)
                        .put("memoryGBHour", 16 * hours)
                        .put("storageGBHour", 0.0);
                node.put("totalExecutionDurationSeconds", seconds);
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
}
