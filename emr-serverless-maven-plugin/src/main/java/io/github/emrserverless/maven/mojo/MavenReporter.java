package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.support.Reporter;
import java.util.function.Supplier;
import org.apache.maven.plugin.logging.Log;

/** Routes the plain classes' progress to the Maven log. */
final class MavenReporter implements Reporter {

    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(Supplier<String> message) {
        if (log.isDebugEnabled()) {
            log.debug(message.get());
        }
    }
}
