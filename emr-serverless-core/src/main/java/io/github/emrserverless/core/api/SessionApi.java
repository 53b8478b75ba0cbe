package io.github.emrserverless.core.api;

/**
 * The EMR Serverless session operations, and GetApplication for what sessions need of an application. The
 * SDK's emrserverless module (2.41.31, the newest Maven Central serves this project) has none of the session operations, and its application model
 * lacks {@code interactiveConfiguration.sessionEnabled}, so {@code io.github.emrserverless.core.aws.HttpSessionApi}
 * sends them as signed requests; once an SDK client with sessions is available, an adapter around it
 * replaces that class and nothing else changes.
 *
 * <p>Every method throws {@link ServiceException} when the call fails ({@link ServiceException.NotFoundException}
 * when the application or session does not exist), never the SDK's exceptions: the adapter translates them.
 */
public interface SessionApi {

    /** The application's state and what decides whether it takes a session. */
    Application getApplication(String applicationId);

    StartedSession startSession(StartSessionRequest request);

    Session getSession(String applicationId, String sessionId);

    void terminateSession(String applicationId, String sessionId);

    /**
     * One page of ListSessions. Its sessions are summaries: no idle timeout, tags or timestamps beyond
     * created and updated (read those with {@link #getSession}).
     *
     * @param states only sessions in these states; empty for all
     * @param createdAfter only sessions created after this time, or null for all
     * @param nextToken the previous page's token, or null for the first page
     */
    SessionPage listSessions(
            String applicationId,
            java.util.List<SessionState> states,
            java.time.Instant createdAfter,
            String nextToken);

    /**
     * GetResourceDashboard for a session: a freshly minted URL of its Spark UI (the Spark History Server once it
     * ended), valid for one hour and a secret while it lasts; null when the service has none yet.
     */
    String getSessionDashboard(String applicationId, String sessionId);

    /** The Spark Connect endpoint of a ready session and a time-limited token for it. */
    SessionEndpoint getSessionEndpoint(String applicationId, String sessionId);
}
