package io.github.emrserverless.core.handover;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import java.util.List;

/**
 * Told about a session as it becomes usable. If {@link #onStarted} or {@link #onReady} throws, the launcher
 * terminates the session and then calls {@link #onEnded}, as it does for a session that failed on its own.
 */
public interface SessionListener {

    /** The launcher started the application (it was stopped, with auto-start off), before the session. */
    default void onApplicationStarted(String applicationId) {}

    /** Just before StartSession is sent (its client token is in the request's tags, unless defaultTags is off). */
    default void onStarting(StartSessionRequest request) {}

    /** StartSession failed for good; the launcher has looked for a session it may have created all the same. */
    default void onStartFailed(StartSessionRequest request) {}

    /** The session is another build's, reused (told before {@link #onStarted}): it stays running after this build. */
    default void onReused(StartedSession started) {}

    /** As soon as StartSession answered: the identity is all there is yet. */
    default void onStarted(StartedSession started) {}

    /** Each GetSession answer while the session is awaited. */
    default void onPolled(StartedSession started, Session session) {}

    /**
     * Once the session is ready.
     *
     * @param endpoint its Spark Connect endpoint, or null when not asked for
     */
    default void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {}

    /**
     * The hand-over failed (before {@link #onEnded} when the session ended or was terminated).
     *
     * @param outcome FAILED, TIMED_OUT, INTERRUPTED or ERROR
     * @param message what the goal fails with
     */
    default void onHandOverFailed(StartedSession started, Outcome outcome, String message) {}

    /** The session ended before the hand-over: FAILED on its own, or terminated by the launcher. */
    default void onEnded(StartedSession started) {}

    /** Tells each in turn. */
    static SessionListener all(SessionListener... listeners) {
        List<SessionListener> all = List.of(listeners);
        return new SessionListener() {
            @Override
            public void onApplicationStarted(String applicationId) {
                all.forEach(listener -> listener.onApplicationStarted(applicationId));
            }

            @Override
            public void onStarting(StartSessionRequest request) {
                all.forEach(listener -> listener.onStarting(request));
            }

            @Override
            public void onStartFailed(StartSessionRequest request) {
                all.forEach(listener -> listener.onStartFailed(request));
            }

            @Override
            public void onReused(StartedSession started) {
                all.forEach(listener -> listener.onReused(started));
            }

            @Override
            public void onStarted(StartedSession started) {
                all.forEach(listener -> listener.onStarted(started));
            }

            @Override
            public void onPolled(StartedSession started, Session session) {
                all.forEach(listener -> listener.onPolled(started, session));
            }

            @Override
            public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
                all.forEach(listener -> listener.onReady(started, session, endpoint));
            }

            @Override
            public void onHandOverFailed(StartedSession started, Outcome outcome, String message) {
                all.forEach(listener -> listener.onHandOverFailed(started, outcome, message));
            }

            @Override
            public void onEnded(StartedSession started) {
                all.forEach(listener -> listener.onEnded(started));
            }
        };
    }

    /**
     * For a session whose identity is out already (properties, CI outputs: start-session announced it, and
     * await-session takes it on): everything but {@code onStarted} is news.
     */
    static SessionListener withoutIdentity(SessionListener listener) {
        return new SessionListener() {
            @Override
            public void onPolled(StartedSession started, Session session) {
                listener.onPolled(started, session);
            }

            @Override
            public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
                listener.onReady(started, session, endpoint);
            }

            @Override
            public void onHandOverFailed(StartedSession started, Outcome outcome, String message) {
                listener.onHandOverFailed(started, outcome, message);
            }

            @Override
            public void onEnded(StartedSession started) {
                listener.onEnded(started);
            }
        };
    }
}
