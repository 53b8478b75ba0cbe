package io.github.emrserverless.core.support;

import java.util.function.Supplier;

/** Where the core reports progress; a front end routes it to its log (the mojos: the Maven log). */
public interface Reporter {

    void info(String message);

    void warn(String message);

    void debug(Supplier<String> message);

    /** Something the user must act on (a session that could not be ended); a warning unless the front end has more. */
    default void error(String message) {
        warn(message);
    }
}
