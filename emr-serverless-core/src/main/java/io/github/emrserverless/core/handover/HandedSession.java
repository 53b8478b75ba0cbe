package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.StartedSession;
import java.util.function.Consumer;

/**
 * What a build knows of a session it handed over, kept by session (not by the property its ID went to), so that
 * a later goal of the same build decides by the session itself whether to end it: only a session this build
 * started and nobody else shares is ended by it.
 *
 * @param startedByBuild this build's StartSession created it (not found or joined as another build's)
 * @param reusable it stays running for the next build (reuse)
 * @param reused it was another build's
 */
public record HandedSession(
        String applicationId, String sessionId, boolean startedByBuild, boolean reusable, boolean reused) {

    /** Whether a failed hand-over or terminate-session may end it: a session of this build's own. */
    public boolean owned() {
        return startedByBuild && !reusable;
    }

    /** Records the session once start-session has its identity, with what the listener learnt before. */
    public static SessionListener recorder(boolean reusable, Consumer<HandedSession> record) {
        return new SessionListener() {
            private boolean reused;

            @Override
            public void onReused(StartedSession started) {
                reused = true;
            }

            @Override
            public void onStarted(StartedSession started) {
                record.accept(
                        new HandedSession(started.applicationId(), started.sessionId(), !reused, reusable, reused));
            }
        };
    }
}
