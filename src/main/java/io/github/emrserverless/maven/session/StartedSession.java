package io.github.emrserverless.maven.session;

/** What StartSession returns: the identity of the new session. */
public record StartedSession(String applicationId, String sessionId, String arn) {}
