package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Mode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A session as a build hands it over: what start-session writes as properties (for later goals, Failsafe's system
 * properties and a test's own look-up) and into {@code session.json}, and reads back from either. The property names
 * live here and nowhere else.
 *
 * @param arn null for a local session, which is no AWS resource
 * @param endpoint the Spark Connect endpoint once the session is ready, else null
 * @param tokenFile the owner-only file with the endpoint's auth token once ready, else null
 * @param reusable it stays running for the next build (reuse)
 * @param reused it was another build's, found and joined
 * @param applicationStartedByPlugin start-session started the application for it (terminate-session's stopApplication
 *     stops only what the build started)
 * @param sparkVersion the server's Spark version once ready, as its release label tells (a Spark Connect client must
 *     be no newer), else null
 */
public record ExportedSession(
        Mode mode,
        String applicationId,
        String sessionId,
        String arn,
        String endpoint,
        Path tokenFile,
        boolean reusable,
        boolean reused,
        boolean applicationStartedByPlugin,
        String sparkVersion) {

    public static final String PREFIX = "emr-serverless.";
    /** The default property of the session ID ({@code sessionIdProperty} names another). */
    public static final String SESSION_ID = PREFIX + "sessionId";

    public static final String SESSION_ARN = PREFIX + "sessionArn";
    public static final String APPLICATION_ID = PREFIX + "applicationId";
    public static final String MODE = PREFIX + "sessionMode";
    public static final String ENDPOINT = PREFIX + "sessionEndpoint";
    public static final String TOKEN_FILE = PREFIX + "sessionTokenFile";
    public static final String REUSED = PREFIX + "sessionReused";
    public static final String REUSABLE = PREFIX + "sessionReusable";
    public static final String APPLICATION_STARTED = PREFIX + "applicationStartedByPlugin";
    public static final String SPARK_VERSION = PREFIX + "sparkVersion";
    /** Only with {@code exportAuthToken}; never part of this type, which travels to files and logs. */
    public static final String AUTH_TOKEN = PREFIX + "sessionAuthToken";

    /** Right after StartSession (or the reuse that stood in for it): identity, no endpoint yet. */
    public static ExportedSession started(
            StartedSession started, boolean reusable, boolean reused, boolean applicationStartedByPlugin) {
        return new ExportedSession(
                started.local() ? Mode.LOCAL : Mode.AWS,
                started.applicationId(),
                started.sessionId(),
                started.arn(),
                null,
                null,
                reusable,
                reused,
                applicationStartedByPlugin,
                null);
    }

    /** The same session once ready, with its endpoint and the file that holds its token. */
    public ExportedSession ready(String endpoint, Path tokenFile) {
        return new ExportedSession(
                mode,
                applicationId,
                sessionId,
                arn,
                endpoint,
                tokenFile,
                reusable,
                reused,
                applicationStartedByPlugin,
                sparkVersion);
    }

    /** The same session with the Spark version its server runs, when known. */
    public ExportedSession withSparkVersion(String version) {
        return new ExportedSession(
                mode,
                applicationId,
                sessionId,
                arn,
                endpoint,
                tokenFile,
                reusable,
                reused,
                applicationStartedByPlugin,
                version);
    }

    /** This build's StartSession created it; it was not found and joined as another build's. */
    public boolean startedByBuild() {
        return !reused;
    }

    /** The properties, in the order they are exported; absent values are left out. */
    public Map<String, String> properties(String sessionIdProperty) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(sessionIdProperty, sessionId);
        putIfPresent(properties, SESSION_ARN, arn);
        properties.put(APPLICATION_ID, applicationId);
        properties.put(MODE, mode.name().toLowerCase(java.util.Locale.ROOT));
        properties.put(REUSED, Boolean.toString(reused));
        properties.put(REUSABLE, Boolean.toString(reusable));
        if (applicationStartedByPlugin) {
            properties.put(APPLICATION_STARTED, "true");
        }
        putIfPresent(properties, ENDPOINT, endpoint);
        putIfPresent(properties, TOKEN_FILE, tokenFile == null ? null : tokenFile.toString());
        putIfPresent(properties, SPARK_VERSION, sparkVersion);
        return properties;
    }

    /**
     * What a build exported, read back by a later goal of the same build or by a test from its system properties;
     * empty when no session ID is there.
     *
     * @param property looks up one property, null when unset
     */
    public static Optional<ExportedSession> fromProperties(
            Function<String, String> property, String sessionIdProperty) {
        String sessionId = property.apply(sessionIdProperty);
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(forSession(sessionId, property));
    }

    /** The rest of what a build exported, for a session whose ID came from elsewhere (a goal's parameter). */
    public static ExportedSession forSession(String sessionId, Function<String, String> property) {
        String applicationId = property.apply(APPLICATION_ID);
        String mode = property.apply(MODE);
        String tokenFile = property.apply(TOKEN_FILE);
        return new ExportedSession(
                local(mode, applicationId, sessionId) ? Mode.LOCAL : Mode.AWS,
                applicationId,
                sessionId,
                property.apply(SESSION_ARN),
                property.apply(ENDPOINT),
                tokenFile == null || tokenFile.isBlank() ? null : Path.of(tokenFile),
                Boolean.parseBoolean(property.apply(REUSABLE)),
                Boolean.parseBoolean(property.apply(REUSED)),
                Boolean.parseBoolean(property.apply(APPLICATION_STARTED)),
                property.apply(SPARK_VERSION));
    }

    /**
     * A local server's session, also where only the ID was passed on (the three properties a test is given): local
     * session IDs are {@code local-<id>}, and EMR Serverless issues none with a hyphen.
     */
    private static boolean local(String mode, String applicationId, String sessionId) {
        return "local".equalsIgnoreCase(mode)
                || StartedSession.LOCAL_APPLICATION.equals(applicationId)
                || sessionId != null && sessionId.startsWith(StartedSession.LOCAL_APPLICATION + "-");
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
