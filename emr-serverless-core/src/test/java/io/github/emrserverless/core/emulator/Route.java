package io.github.emrserverless.core.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which EMR Serverless operation a request's method and path name, as the rest-json model maps them. */
record Route(String operation, String applicationId, String sessionId) {

    private static final Pattern APPLICATION = Pattern.compile("/applications/([^/]+)");
    private static final Pattern START_APPLICATION = Pattern.compile("/applications/([^/]+)/start");
    private static final Pattern STOP_APPLICATION = Pattern.compile("/applications/([^/]+)/stop");
    private static final Pattern DASHBOARD = Pattern.compile("/applications/([^/]+)/dashboard");
    private static final Pattern SESSIONS = Pattern.compile("/applications/([^/]+)/sessions");
    private static final Pattern SESSION = Pattern.compile("/applications/([^/]+)/sessions/([^/]+)");
    private static final Pattern SESSION_ENDPOINT = Pattern.compile("/applications/([^/]+)/sessions/([^/]+)/endpoint");

    static Route of(String method, String path) {
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
        if ((m = DASHBOARD.matcher(path)).matches() && method.equals("GET")) {
            return new Route("GetResourceDashboard", m.group(1), null);
        }
        if ((m = STOP_APPLICATION.matcher(path)).matches() && method.equals("POST")) {
            return new Route("StopApplication", m.group(1), null);
        }
        if ((m = APPLICATION.matcher(path)).matches() && method.equals("GET")) {
            return new Route("GetApplication", m.group(1), null);
        }
        return new Route("Unknown", null, null);
    }
}
