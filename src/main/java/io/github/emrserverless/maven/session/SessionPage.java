package io.github.emrserverless.maven.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of ListSessions; {@code nextToken} is null on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionPage(List<Session> sessions, String nextToken) {

    public SessionPage {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
