package io.github.emrserverless.core.api;

/**
 * What StartSession returns: the identity of the new session.
 *
 * @param arn null for a local session, which is no AWS resource
 */
public record StartedSession(String applicationId, String sessionId, String arn) {

    /** The application ID of every local session (mode local): a Spark Connect server on this machine. */
    public static final String LOCAL_APPLICATION = "local";

    /** A local Spark Connect server rather than an EMR Serverless session. */
    public boolean local() {
        return LOCAL_APPLICATION.equals(applicationId);
    }
}
