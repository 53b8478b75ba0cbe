package io.github.emrserverless.maven.session;

/** Receives a session as it becomes usable; if either method throws, the launcher terminates the session. */
public interface SessionHandover {

    /** As soon as StartSession answered: the identity is all there is yet. */
    void started(StartedSession started);

    /**
     * Once the session is ready.
     *
     * @param endpoint its Spark Connect endpoint, or null when not asked for
     */
    void ready(StartedSession started, Session session, SessionEndpoint endpoint);

    /** Hands over to each in turn. */
    static SessionHandover all(SessionHandover... handovers) {
        return new SessionHandover() {
            @Override
            public void started(StartedSession started) {
                for (SessionHandover handover : handovers) {
                    handover.started(started);
                }
            }

            @Override
            public void ready(StartedSession started, Session session, SessionEndpoint endpoint) {
                for (SessionHandover handover : handovers) {
                    handover.ready(started, session, endpoint);
                }
            }
        };
    }
}
