package io.github.emrserverless.core.support;

import io.github.emrserverless.core.config.ParameterOrigin;
import java.time.Clock;
import java.util.Map;

/**
 * What the plain class behind a goal works with: where it reports, where each parameter's value came from (for
 * error messages), the process environment (CI variables for tags and outputs), and time.
 */
public record GoalContext(
        Reporter reporter, ParameterOrigin origin, Map<String, String> environment, Clock clock, Sleeper sleeper) {}
