package io.github.emrserverless.maven.session;

import java.util.function.Supplier;

/** Where the plugin's plain classes report progress; the mojos route it to the Maven log. */
public interface Reporter {

    void info(String message);

    void warn(String message);

    void debug(Supplier<String> message);
}
