package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;

/**
 * Finds a warm session to reuse, and starts one so that builds racing for the same configuration end up on one
 * session, on one machine or on many: see {@link ReuseSlot}.
 */
public final class ReusableSessions {

    /** The tag that carries the {@link ReuseKey}. */
    public static final String REUSE_KEY = "reuse-key";

    /** A session from a StartSession that another build sent first (its createdAt is older than our request). */
    private static final Duration JOIN_MARGIN = Duration.ofSeconds(5);

    /** @param joined whether another build had started it */
    public record Started(StartedSession session, boolean joined, Instant createdAt) {}

    private final SessionApi api;
    private final Reporter reporter;
    private final Clock clock;

    public ReusableSessions(SessionApi api, Reporter reporter, Clock clock) {
        this.api = api;
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * The session to reuse among the application's live sessions: one carrying the key and not older than
     * {@code maxAge}; a ready one before one still starting, the youngest first.
     */
    public Optional<Session> find(List<Session> live, String key, Duration maxAge) {
        Instant oldest = clock.instant().minus(maxAge);
        return live.stream()
                .filter(session ->
                        session.tags() != null && key.equals(session.tags().get(REUSE_KEY)))
                .filter(session ->
                        session.createdAt() != null && !session.createdAt().isBefore(oldest))
                .filter(session -> !session.state().isEnding())
                .min(Comparator.comparing((Session session) -> !session.state().isReady())
                        .thenComparing(Session::createdAt, Comparator.reverseOrder()));
    }

    /** Says which session is reused, in what state and how old, for the build log. */
    public void report(Session session) {
        reporter.info("Reusing session " + session.sessionId() + " (" + session.state() + ", started "
                + Durations.format(Duration.between(session.createdAt(), clock.instant())) + " ago)");
    }

    /**
     * Sends StartSession with the slot's token of each generation in turn until the session it names is live:
     * a token whose session has ended gives that ended session back (idempotency), so the next generation is
     * tried. A 409 (the token was used with other parameters, for example another project's tags) is settled by
     * finding the token's session by its {@code start-token} tag.
     *
     * @return null when every generation of the slot has ended
     */
    public Started startOrJoin(StartSessionRequest request, ReuseSlot slot) {
        Instant asked = clock.instant();
        for (int generation = 0; generation < ReuseSlot.MAX_GENERATIONS; generation++) {
            StartSessionRequest attempt = request.withClientToken(slot.clientToken(generation));
            StartedSession started;
            Session session;
            try {
                started = api.startSession(attempt);
                session = api.getSession(started.applicationId(), started.sessionId());
            } catch (ConflictException e) {
                session = byStartToken(attempt).orElse(null);
                if (session == null) {
                    continue;
                }
                started = new StartedSession(session.applicationId(), session.sessionId(), session.arn());
            }
            if (!session.state().isEnding()) {
                boolean joined =
                        session.createdAt() != null && session.createdAt().isBefore(asked.minus(JOIN_MARGIN));
                return new Started(started, joined, session.createdAt());
            }
            reporter.info("Reusable session " + session.sessionId() + " has ended (" + session.state()
                    + "); trying the next generation of the reuse key");
        }
        return null;
    }

    private Optional<Session> byStartToken(StartSessionRequest request) {
        SessionInventory inventory = new SessionInventory(api);
        return inventory
                .withTags(
                        request.applicationId(),
                        inventory.list(request.applicationId(), SessionInventory.LIVE_STATES),
                        Map.of(DefaultTags.START_TOKEN, request.clientToken()))
                .stream()
                .findFirst();
    }
}
