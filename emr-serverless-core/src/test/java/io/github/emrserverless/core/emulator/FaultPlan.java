package io.github.emrserverless.core.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, reproducible faults for the requests of one access key: each request is faulted with probability
 * {@code rate}, with a kind drawn from {@code kinds}, for the operations in {@code operations} (all if empty).
 */
final class FaultPlan {

    /** What goes wrong. */
    enum Kind {
        /** 500 InternalServerException, before the request takes effect. */
        INTERNAL,
        /** 429 ThrottlingException, before the request takes effect. */
        THROTTLE,
        /** The connection is closed without an answer, before the request takes effect. */
        DROP,
        /** The request takes effect; the answer comes after {@code slow}, later than the client waits. */
        SLOW,
        /** The request takes effect, then 500 InternalServerException: only a reused clientToken survives it. */
        AFTER
    }

    private final Random random;
    private final double rate;
    private final Set<String> operations;
    private final List<Kind> kinds;
    final Duration slow;

    FaultPlan(long seed, double rate, Set<String> operations, List<Kind> kinds, Duration slow) {
        this.random = new Random(seed);
        this.rate = rate;
        this.operations = operations;
        this.kinds = kinds;
        this.slow = slow;
    }

    /** The fault for the next request of this operation, or null. */
    synchronized Kind next(String operation) {
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return null;
        }
        if (random.nextDouble() >= rate) {
            return null;
        }
        return kinds.get(random.nextInt(kinds.size()));
    }
}
