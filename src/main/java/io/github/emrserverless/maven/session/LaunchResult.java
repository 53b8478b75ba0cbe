package io.github.emrserverless.maven.session;

import java.util.Optional;

/** The started session and, when the launch waited for it, the session as it was once ready. */
public record LaunchResult(StartedSession started, Session readySession) {

    public Optional<Session> ready() {
        return Optional.ofNullable(readySession);
    }
}
