package io.github.emrserverless.junit5;

import io.github.emrserverless.core.support.Reporter;
import java.util.function.Supplier;

/**
 * Where the extension reports: standard error, which Surefire, Failsafe and IDEs all show beside the test. Debug
 * lines only with {@code -Demr-serverless.debug=true}.
 */
final class TestLog implements Reporter {

    @Override
    public void info(String message) {
        System.err.println("[emr-serverless] " + message);
    }

    @Override
    public void warn(String message) {
        System.err.println("[emr-serverless] WARNING " + message);
    }

    @Override
    public void debug(Supplier<String> message) {
        if (Boolean.getBoolean("emr-serverless.debug")) {
            System.err.println("[emr-serverless] DEBUG " + message.get());
        }
    }
}
