package io.github.emrserverless.core.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.reuse.ReuseScope;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StartLimitsTest {

    static StartSessionConfiguration configuration(String maxSessionAge, boolean reuse, String reuseMaxAge) {
        return new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        "app", StartSessionRequests.ROLE, null, 30, Map.of(), null, true, "com.example", "app", null),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        List.of(), Path.of("."), List.of(), Map.of(), new Properties()),
                new StartSessionConfiguration.Waiting(true, "20m", true, null),
                new StartSessionConfiguration.Reuse(reuse, reuseMaxAge, null),
                new StartSessionConfiguration.Limits(maxSessionAge, 10),
                null,
                false);
    }

    @Test
    void aJanitorMustNotEndAReusableSessionBeforeItStopsBeingHandedOut() {
        assertThatThrownBy(() -> StartLimits.check(configuration("1h", true, "4h"), EmulatedBuilds.ORIGIN))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("<maxSessionAge>")
                .hasMessageContaining("1h")
                .hasMessageContaining("at least <reuseMaxAge> (4h)");
    }

    @Test
    void equalAgesOrNoReuseAreFine() {
        assertThat(StartLimits.check(configuration("4h", true, "4h"), EmulatedBuilds.ORIGIN))
                .isEqualTo(new StartLimits(Duration.ofHours(4), ReuseScope.ROLE, Duration.ofHours(4), 10));
        assertThat(StartLimits.check(configuration("1h", false, "4h"), EmulatedBuilds.ORIGIN))
                .isEqualTo(new StartLimits(null, null, Duration.ofHours(1), 10));
    }
}
