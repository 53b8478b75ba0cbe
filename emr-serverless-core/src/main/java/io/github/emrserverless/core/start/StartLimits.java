package io.github.emrserverless.core.start;

import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.reuse.ReuseScope;
import java.time.Duration;

/**
 * start-session's limits, checked before anything starts and the same way in both modes, so that a typo that
 * passes on a laptop in local mode does not fail first in CI.
 *
 * @param reuseMaxAge null when reuse is off
 * @param reuseScope null when reuse is off
 * @param maxLiveSessions 0 for no ceiling
 */
public record StartLimits(Duration reuseMaxAge, ReuseScope reuseScope, Duration maxSessionAge, int maxLiveSessions) {

    /** A session lives 24 hours at most (the service's hard limit). */
    static final Duration MAX_SESSION_LIFETIME = Duration.ofHours(24);

    private static final String LIFETIME = "from 1m to 24h (a session lives 24 hours at most)";

    public static StartLimits check(StartSessionConfiguration configuration, ParameterOrigin origin) {
        Duration maxSessionAge =
                withinSessionLifetime("maxSessionAge", configuration.limits().maxSessionAge(), origin);
        int maxLive = configuration.limits().maxLiveSessions();
        if (maxLive < 0) {
            throw InvalidConfigurationException.invalid(
                    "maxLiveSessions", String.valueOf(maxLive), origin, "0 (no ceiling) or more");
        }
        Duration reuseMaxAge = null;
        ReuseScope reuseScope = null;
        if (configuration.reuse().enabled()) {
            if (configuration.request().clientToken() != null) {
                throw InvalidConfigurationException.invalid(
                        "clientToken",
                        configuration.request().clientToken(),
                        origin,
                        "no <clientToken> with <reuse>true</reuse>: reuse derives the token from the configuration,"
                                + " so that builds starting together share one session");
            }
            reuseMaxAge =
                    withinSessionLifetime("reuseMaxAge", configuration.reuse().maxAge(), origin);
            reuseScope = ReuseScope.parse(configuration.reuse().scope(), origin);
            if (maxSessionAge.compareTo(reuseMaxAge) < 0) {
                // A session is handed to builds until it is reuseMaxAge old: a janitor must not end it before.
                throw InvalidConfigurationException.invalid(
                        "maxSessionAge",
                        configuration.limits().maxSessionAge(),
                        origin,
                        "with <reuse>true</reuse>, at least <reuseMaxAge> ("
                                + configuration.reuse().maxAge()
                                + "): a reusable session is handed to builds until it is that old");
            }
        }
        return new StartLimits(reuseMaxAge, reuseScope, maxSessionAge, maxLive);
    }

    private static Duration withinSessionLifetime(String parameter, String text, ParameterOrigin origin) {
        Duration duration = Durations.parse(text, parameter, origin);
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(MAX_SESSION_LIFETIME) > 0) {
            throw InvalidConfigurationException.invalid(parameter, text, origin, LIFETIME);
        }
        return duration;
    }
}
