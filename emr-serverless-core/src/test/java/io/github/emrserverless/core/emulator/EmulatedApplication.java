package io.github.emrserverless.core.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An application's state over time, and the sessions it started by client token (for idempotency). */
final class EmulatedApplication {

    final ApplicationSpec spec;
    final Instant createdAt;
    final Timeline<String> timeline;
    final Map<String, EmulatedSession> sessionsByToken = new HashMap<>();

    EmulatedApplication(ApplicationSpec spec, Instant now) {
        this.spec = spec;
        this.createdAt = now;
        this.timeline = new Timeline<>(now, spec.state());
        switch (spec.state()) {
            case "CREATING" -> timeline.then(now.plus(spec.transitionDelay()), "CREATED");
            case "STARTING" -> timeline.then(now.plus(spec.transitionDelay()), "STARTED");
            case "STOPPING" -> timeline.then(now.plus(spec.transitionDelay()), "STOPPED");
            default -> {}
        }
    }

    void stop(Instant now) {
        timeline.replan(
                now,
                new Timeline.Entry<>(now, "STOPPING"),
                new Timeline.Entry<>(now.plus(spec.transitionDelay()), "STOPPED"));
    }

    void start(Instant now) {
        timeline.replan(
                now,
                new Timeline.Entry<>(now, "STARTING"),
                new Timeline.Entry<>(now.plus(spec.transitionDelay()), "STARTED"));
    }
}
