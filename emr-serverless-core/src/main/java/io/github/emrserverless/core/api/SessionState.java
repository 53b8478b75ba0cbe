package io.github.emrserverless.core.api;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Session states; STARTED, IDLE and BUSY accept work. */
public enum SessionState {
    SUBMITTED,
    STARTING,
    STARTED,
    IDLE,
    BUSY,
    FAILED,
    TERMINATING,
    TERMINATED,
    /** A state this plugin does not know yet; treated as still in progress. */
    UNKNOWN;

    public boolean isReady() {
        return this == STARTED || this == IDLE || this == BUSY;
    }

    /** FAILED, TERMINATING or TERMINATED: the session will never become ready. */
    public boolean isEnding() {
        return this == FAILED || this == TERMINATING || this == TERMINATED;
    }

    /** Parses a {@code <states>} parameter, case-insensitively; null is none. */
    public static List<SessionState> parseAll(List<String> names, String parameter, ParameterOrigin origin) {
        List<SessionState> states = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            SessionState state = Arrays.stream(values())
                    .filter(s -> s != UNKNOWN && s.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> InvalidConfigurationException.invalid(
                            "<" + parameter + "> entry " + InvalidConfigurationException.quote(name),
                            origin.of(parameter),
                            Arrays.stream(values())
                                    .filter(s -> s != UNKNOWN)
                                    .toList()
                                    .toString()));
            states.add(state);
        }
        return states;
    }
}
