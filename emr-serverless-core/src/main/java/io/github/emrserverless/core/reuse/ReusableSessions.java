package io.github.emrserverless.core.reuse;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.ServiceException.ConflictException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.support.Reporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Finds a warm session to reuse, and starts one so that builds racing for the same configuration end up on one
 * session, on one machine or on many: see {@link ReuseSlot}. A session is handed over only when it passes the
 * plan's {@link ReuseCheck} (tags can be copied; its own attributes and creator cannot) and will not expire or
 * idle out soon.
 */
public final class ReusableSessions {

    /** The tag that carries the {@link ReuseKey}. */
    public static final String REUSE_KEY = "reuse-key";

    /** A session that expires or idles out sooner than this is not handed to a build: its tests would lose it. */
    static final Duration ENDING_SOON = Duration.ofMinutes(10);

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
     * The session to reuse among the application's live sessions: one carrying the key, not older than the slot's
     * {@code reuseMaxAge}, passing the check and not ending soon; a ready one before one still starting, the
     * youngest first. Every candidate left alone is named in the log, with why.
     */
    public Optional<Session> find(List<Session> live, ReusePlan plan) {
        Instant oldest = clock.instant().minus(plan.slot().maxAge());
        return candidates(live, plan).stream()
                .filter(session ->
                        session.createdAt() != null && !session.createdAt().isBefore(oldest))
                .filter(session -> usable(session, plan))
                .min(Comparator.comparing((Session session) -> !session.state().isReady())
                        .thenComparing(Session::createdAt, Comparator.reverseOrder()));
    }

    private static List<Session> candidates(List<Session> live, ReusePlan plan) {
        return live.stream()
                .filter(session -> session.tags() != null
                        && plan.key().equals(session.tags().get(REUSE_KEY)))
                .filter(session -> !session.state().isEnding())
                .toList();
    }

    /** Says which session is reused, in what state and how old, for the build log. */
    public void report(Session session) {
        reporter.info("Reusing session " + session.sessionId() + " (" + session.state() + ", started "
                + Durations.format(Duration.between(session.createdAt(), clock.instant())) + " ago)");
    }

    /**
     * Sends StartSession with the slot's token of each generation in turn until the session it names is live and
     * usable: a token whose session has ended gives that ended session back (idempotency), so the next generation
     * is tried, starting after the generations the live sessions show were used. A 409 (the token was used with
     * other parameters, for example another project's tags) is settled by finding the token's session by its
     * {@code start-token} tag. When that fails, when a session under the slot's token does not pass the check
     * (someone started one with a token anyone can compute), or when every generation is used up, it starts a
     * reusable session with a token of its own and says so: the build goes on.
     *
     * @param live the application's live sessions, as {@link #find} saw them
     */
    public Started startOrJoin(StartSessionRequest request, ReusePlan plan, List<Session> live) {
        Instant asked = clock.instant();
        for (int generation = firstGeneration(live, plan); generation < ReuseSlot.MAX_GENERATIONS; generation++) {
            StartSessionRequest attempt = request.withClientToken(plan.slot().clientToken(generation));
            StartedSession started;
            Session session;
            try {
                started = api.startSession(attempt);
                session = api.getSession(started.applicationId(), started.sessionId());
            } catch (ConflictException e) {
                session = byStartToken(attempt).orElse(null);
                if (session == null) {
                    return alone(request, "StartSession with the reuse token was refused (" + e.getMessage() + ")");
                }
                started = new StartedSession(session.applicationId(), session.sessionId(), session.arn());
            }
            if (session.state().isEnding()) {
                reporter.info("Reusable session " + session.sessionId() + " has ended (" + session.state()
                        + "); trying the next generation of the reuse key");
                continue;
            }
            List<String> mismatches = plan.check().mismatches(session);
            if (!mismatches.isEmpty()) {
                return alone(
                        request,
                        "session " + session.sessionId() + " holds the reuse token but " + String.join("; ", mismatches)
                                + "; it is left alone");
            }
            if (endingSoon(session).isPresent()) {
                reporter.info("Reusable session " + session.sessionId() + " "
                        + endingSoon(session).get() + "; trying the next generation of the reuse key");
                continue;
            }
            boolean joined = session.createdAt() != null && session.createdAt().isBefore(asked.minus(JOIN_MARGIN));
            return new Started(started, joined, session.createdAt());
        }
        return alone(
                request,
                "all " + ReuseSlot.MAX_GENERATIONS + " generations of the reuse key in this <reuseMaxAge>"
                        + " slot are used up (something ends these sessions as they start)");
    }

    /**
     * A reusable session started with a token of this build's own: still tagged with the key, so later builds find
     * it, but builds that start at this moment may start one each.
     */
    private Started alone(StartSessionRequest request, String why) {
        reporter.warn("Reuse: " + why + ". Starting a reusable session with a client token of this build's own.");
        StartSessionRequest own = request.withClientToken(UUID.randomUUID().toString());
        StartedSession started = api.startSession(own);
        return new Started(started, false, clock.instant());
    }

    /** After the generations the live sessions of this key and slot show (a live one was not usable, or it would be found). */
    private static int firstGeneration(List<Session> live, ReusePlan plan) {
        int next = candidates(live, plan).stream()
                .map(session -> plan.slot().generationOf(session.tags().get(DefaultTags.START_TOKEN)))
                .filter(OptionalInt::isPresent)
                .mapToInt(generation -> generation.getAsInt() + 1)
                .max()
                .orElse(0);
        return Math.min(next, ReuseSlot.MAX_GENERATIONS);
    }

    private boolean usable(Session session, ReusePlan plan) {
        List<String> mismatches = plan.check().mismatches(session);
        if (!mismatches.isEmpty()) {
            reporter.warn("Session " + session.sessionId() + " carries this configuration's reuse-key, but "
                    + String.join("; ", mismatches) + ". It is left alone; this build does not reuse it.");
            return false;
        }
        Optional<String> ending = endingSoon(session);
        ending.ifPresent(why -> reporter.info("Session " + session.sessionId() + " " + why + ": not reused."));
        return ending.isEmpty();
    }

    /** Why the session would end under the build's tests: its expires-at, or its idle timeout, is near. */
    private Optional<String> endingSoon(Session session) {
        Instant soon = clock.instant().plus(ENDING_SOON);
        Optional<Instant> expiry = Expiry.of(session);
        if (expiry.isPresent() && expiry.get().isBefore(soon)) {
            return Optional.of("expires at " + expiry.get() + " (expires-at)");
        }
        if (session.state() == SessionState.IDLE
                && session.idleSince() != null
                && session.idleTimeoutMinutes() != null
                && session.idleTimeoutMinutes() > 0) {
            Instant idlesOut = session.idleSince().plus(Duration.ofMinutes(session.idleTimeoutMinutes()));
            if (idlesOut.isBefore(soon)) {
                return Optional.of("idles out at " + idlesOut + " (idle since " + session.idleSince() + ")");
            }
        }
        return Optional.empty();
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
