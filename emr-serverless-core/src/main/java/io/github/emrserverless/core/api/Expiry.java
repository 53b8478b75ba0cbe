package io.github.emrserverless.core.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code expires-at} tag: when a session has outlived its purpose, as UTC ISO-8601 to the second
 * ({@code 2026-12-02T18:30:00Z}). Enforced outside the build that started the session, by the janitor
 * (terminate-session with {@code expired}), so that it holds even for a build that was killed.
 */
public final class Expiry {

    public static final String TAG = "expires-at";

    private Expiry() {}

    public static String format(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The session's expiry, or empty when it has no readable {@code expires-at} tag. */
    public static Optional<Instant> of(Session session) {
        String value = session.tags() == null ? null : session.tags().get(TAG);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isExpired(Session session, Instant now) {
        return of(session).map(at -> !at.isAfter(now)).orElse(false);
    }
}
