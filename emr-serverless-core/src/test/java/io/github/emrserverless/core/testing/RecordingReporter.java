package io.github.emrserverless.core.testing;

import io.github.emrserverless.core.support.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Keeps info and warn lines as "info: ..." and "warn: ..."; debug messages are built (to run that code) but not kept. */
public final class RecordingReporter implements Reporter {

    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add("info: " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("warn: " + message);
    }

    @Override
    public void debug(Supplier<String> message) {
        message.get();
    }
}
