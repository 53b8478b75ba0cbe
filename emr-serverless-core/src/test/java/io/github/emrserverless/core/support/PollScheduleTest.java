package io.github.emrserverless.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    final PollSchedule schedule = PollSchedule.DEFAULT;

    @Test
    void startsAtTheMinimumGrowsWithTheTimeWaitedAndStopsAtTheMaximum() {
        assertThat(schedule.delayAfter(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(9));
        assertThat(schedule.delayAfter(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
    }
}
