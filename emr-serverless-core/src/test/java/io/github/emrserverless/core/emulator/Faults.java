package io.github.emrserverless.core.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The errors the emulator injects: one-off faults for the next call of an operation, and seeded plans per access key. */
final class Faults {

    /** An error to answer a call with; {@code afterProcessing}: the call took effect first. */
    record Fault(int status, String type, boolean afterProcessing) {}

    /** What to do with one call: answer with an error, drop the connection, answer slowly, or nothing special. */
    record Decision(Fault fault, boolean drop, Duration slow) {
        static final Decision NONE = new Decision(null, false, null);
    }

    private record Pending(String operation, Fault fault) {}

    private final List<Pending> next = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FaultPlan> plans = new ConcurrentHashMap<>();

    void failNext(String operation, int status, String type, boolean afterProcessing) {
        next.add(new Pending(operation, new Fault(status, type, afterProcessing)));
    }

    void plan(String accessKeyId, FaultPlan plan) {
        plans.put(accessKeyId, plan);
    }

    /** Decides the fate of one call; a planned fault wins over a one-off one, which is used up either way. */
    Decision decide(String operation, String accessKeyId) {
        Fault fault = takeNext(operation);
        FaultPlan plan = accessKeyId == null ? null : plans.get(accessKeyId);
        FaultPlan.Kind planned = plan == null ? null : plan.next(operation);
        if (planned == null) {
            return fault == null ? Decision.NONE : new Decision(fault, false, null);
        }
        return switch (planned) {
            case INTERNAL -> new Decision(new Fault(500, "InternalServerException", false), false, null);
            case THROTTLE -> new Decision(new Fault(429, "ThrottlingException", false), false, null);
            case AFTER -> new Decision(new Fault(500, "InternalServerException", true), false, null);
            case DROP -> new Decision(null, true, null);
            case SLOW -> new Decision(null, false, plan.slow);
        };
    }

    /** Parses the {@code /_emulator/faults} control request. */
    static FaultPlan planFrom(Map<String, List<String>> query) {
        return new FaultPlan(
                Long.parseLong(query.getOrDefault("seed", List.of("1")).get(0)),
                Double.parseDouble(query.getOrDefault("rate", List.of("0")).get(0)),
                Set.copyOf(query.getOrDefault("operations", List.of())),
                query.getOrDefault("kinds", List.of("INTERNAL", "THROTTLE", "DROP", "SLOW", "AFTER")).stream()
                        .map(FaultPlan.Kind::valueOf)
                        .toList(),
                Duration.ofMillis(Long.parseLong(
                        query.getOrDefault("slowMillis", List.of("3000")).get(0))));
    }

    private Fault takeNext(String operation) {
        synchronized (next) {
            for (Pending pending : next) {
                if (pending.operation().equals(operation)) {
                    next.remove(pending);
                    return pending.fault();
                }
            }
            return null;
        }
    }
}
