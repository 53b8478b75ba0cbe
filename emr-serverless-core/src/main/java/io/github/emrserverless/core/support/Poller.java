package io.github.emrserverless.core.support;

import io.github.emrserverless.core.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/** Calls a probe on a {@link PollSchedule} until its answer is accepted or the time runs out. */
public final class Poller {

    private final Clock clock;
    private final Sleeper sleeper;
    private final PollSchedule schedule;

    public Poller(Clock clock, Sleeper sleeper, PollSchedule schedule) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.schedule = schedule;
    }

    /**
     * Waits, probes, and repeats until {@code done} accepts the probe's answer, which is returned.
     *
     * @param probe called with the time waited so far
     * @throws PollTimeoutException with the last answer once {@code timeout} has passed
     */
    public <T> T await(Duration timeout, Function<Duration, T> probe, Predicate<T> done) throws InterruptedException {
        Instant start = clock.instant();
        while (true) {
            Duration elapsed = Duration.between(start, clock.instant());
            Duration remaining = timeout.minus(elapsed);
            Duration delay = schedule.delayAfter(elapsed);
            sleeper.sleep(delay.compareTo(remaining) > 0 ? remaining : delay);
            T answer = probe.apply(Duration.between(start, clock.instant()));
            if (done.test(answer)) {
                return answer;
            }
            // Checked after the probe, whose own time counts: the next sleep is then never negative.
            elapsed = Duration.between(start, clock.instant());
            if (elapsed.compareTo(timeout) >= 0) {
                throw new PollTimeoutException(elapsed, answer);
            }
        }
    }

    /** Thrown when the time ran out; carries the last answer so the message can say where things stood. */
    public static final class PollTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object lastAnswer;

        public PollTimeoutException(Duration elapsed, Object lastAnswer) {
            super("still waiting after " + Durations.format(elapsed));
            this.lastAnswer = lastAnswer;
        }

        public Object lastAnswer() {
            return lastAnswer;
        }
    }
}
