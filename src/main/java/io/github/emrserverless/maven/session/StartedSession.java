package io.github.emrserverless.maven.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What StartSession returns: the identity of the new session. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartedSession(String applicationId, String sessionId, String arn) {}
