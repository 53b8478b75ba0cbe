package io.github.emrserverless.core.support;

import java.time.Duration;

/**
 * How long to wait before the next status call: a fixed share of the time already waited, within bounds.
 * Polling in proportion to the elapsed time keeps the delay in noticing readiness to about that share of
 * the start-up time while the number of calls grows only with the logarithm of the wait.
 */
public record PollSchedule(Duration minimum, Duration maximum, double share) {

    /** 2 s at first, then 15% of the time waited, at most 30 s: about 22 calls for a two-minute start. */
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(30), 0.15);

    public PollSchedule {
        if (minimum.isNegative() || maximum.compareTo(minimum) < 0 || share < 0) {
            throw new IllegalArgumentException("invalid poll schedule " + minimum + ".." + maximum + ", " + share);
        }
    }

    public Duration delayAfter(Duration elapsed) {
        Duration proportional = Duration.ofMillis((long) (elapsed.toMillis() * share));
        if (proportional.compareTo(minimum) < 0) {
            return minimum;
        }
        return proportional.compareTo(maximum) > 0 ? maximum : proportional;
    }
}
