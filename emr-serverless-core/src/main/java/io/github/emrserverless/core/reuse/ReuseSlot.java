package io.github.emrserverless.core.reuse;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The client tokens of a reusable session, the same on every machine for one configuration within one slot of
 * {@code reuseMaxAge}: two builds that start together send the same token, and the service's idempotency gives
 * both one session. Each slot has generations: when the session a token named has ended, the next generation's
 * token starts a new one. A session started in a slot is never older than {@code reuseMaxAge} while the slot
 * lasts.
 *
 * @param key the {@link ReuseKey}
 * @param slot the number of the slot since the epoch
 */
public record ReuseSlot(String key, Duration maxAge, long slot) {

    /** Beyond this many ended sessions in one slot, something ends sessions as fast as they start. */
    public static final int MAX_GENERATIONS = 20;

    public static ReuseSlot of(String key, Duration maxAge, Instant now) {
        return new ReuseSlot(key, maxAge, now.getEpochSecond() / maxAge.toSeconds());
    }

    /** At most 6 + 32 + 1 + 11 + 1 + 2 = 53 characters of {@code [A-Za-z0-9._-]}, as ClientToken allows. */
    public String clientToken(int generation) {
        return "reuse-" + key + "-" + slot + "-" + generation;
    }

    /** The generation a client token of this slot names, or empty for any other token. */
    public OptionalInt generationOf(String clientToken) {
        String prefix = "reuse-" + key + "-" + slot + "-";
        if (clientToken == null || !clientToken.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(clientToken.substring(prefix.length())));
        } catch (NumberFormatException notOurs) {
            return OptionalInt.empty();
        }
    }

    public Instant end() {
        return Instant.ofEpochSecond((slot + 1) * maxAge.toSeconds());
    }
}
