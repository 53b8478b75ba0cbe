package io.github.emrserverless.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** States at points in time; the current state is derived from the clock, so no background threads are needed. */
final class Timeline<S> {

    record Entry<S>(Instant at, S state) {}

    private final List<Entry<S>> entries = new ArrayList<>();

    Timeline(Instant at, S initial) {
        entries.add(new Entry<>(at, initial));
    }

    synchronized Timeline<S> then(Instant at, S state) {
        entries.add(new Entry<>(at, state));
        return this;
    }

    /** Drops everything planned after {@code now} and plans the given transitions instead. */
    @SafeVarargs
    final synchronized void replan(Instant now, Entry<S>... next) {
        entries.removeIf(e -> e.at().isAfter(now));
        entries.addAll(List.of(next));
    }

    synchronized S at(Instant now) {
        return current(now).state();
    }

    synchronized Entry<S> current(Instant now) {
        Entry<S> current = entries.get(0);
        for (Entry<S> entry : entries) {
            if (!entry.at().isAfter(now)) {
                current = entry;
            }
        }
        return current;
    }

    /** When the state is (or was) first entered, as planned. */
    synchronized Optional<Instant> planned(S state) {
        return entries.stream()
                .filter(e -> e.state().equals(state))
                .map(Entry::at)
                .findFirst();
    }

    /** When the state was last entered, if it was reached by {@code now}. */
    synchronized Optional<Instant> lastEntered(S state, Instant now) {
        Instant found = null;
        for (Entry<S> entry : entries) {
            if (!entry.at().isAfter(now) && entry.state().equals(state)) {
                found = entry.at();
            }
        }
        return Optional.ofNullable(found);
    }
}
