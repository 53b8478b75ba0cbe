package io.github.emrserverless.core.api;

import java.util.List;

/** One page of ListSessions; {@code nextToken} is null on the last page. */
public record SessionPage(List<Session> sessions, String nextToken) {

    public SessionPage {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
